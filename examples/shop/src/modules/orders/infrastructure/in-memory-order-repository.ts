import type { UserId } from '@shop/users';
import type { Order, OrderId } from '../domain/order';
import type { OrderRepository } from '../domain/order-repository';

export class InMemoryOrderRepository implements OrderRepository {
  private readonly byId = new Map<OrderId, Order>();

  async findById(id: OrderId): Promise<Order | undefined> {
    return this.byId.get(id);
  }

  async findByCustomer(customerId: UserId): Promise<Order[]> {
    return [...this.byId.values()]
      .filter((order) => order.customerId === customerId)
      .sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime());
  }

  async save(order: Order): Promise<void> {
    this.byId.set(order.id, order);
  }
}
