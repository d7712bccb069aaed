import { type EventBus, type Result, err, mapResult } from '@shared';
import type { UserId } from '@shop/users';
import { orderPaid } from '../domain/order-events';
import { type OrderId, type OrderStatus, changeStatus } from '../domain/order';
import type { OrderRepository } from '../domain/order-repository';
import { type OrderDto, toOrderDto } from './order-dto';

export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly bus: EventBus,
  ) {}

  async getOrder(id: OrderId): Promise<OrderDto | undefined> {
    const order = await this.orders.findById(id);
    return order && toOrderDto(order);
  }

  async ordersOf(customerId: UserId): Promise<OrderDto[]> {
    const orders = await this.orders.findByCustomer(customerId);
    return orders.map(toOrderDto);
  }

  async updateStatus(id: OrderId, status: OrderStatus): Promise<Result<OrderDto>> {
    const order = await this.orders.findById(id);
    if (!order) return err(`Unknown order ${id}`);
    const next = changeStatus(order, status);
    if (!next.ok) return next;
    await this.orders.save(next.value);
    if (status === 'paid' && order.status !== 'paid') await this.bus.publish(orderPaid(next.value));
    return mapResult(next, toOrderDto);
  }
}
