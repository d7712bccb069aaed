import type { UserId } from '@shop/users';
import type { Order, OrderId } from './order';

export interface OrderRepository {
  findById(id: OrderId): Promise<Order | undefined>;
  findByCustomer(customerId: UserId): Promise<Order[]>;
  save(order: Order): Promise<void>;
}
