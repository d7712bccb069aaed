import { type DomainEvent, type Money, event } from '@shared';
import type { PostalAddress } from '@shop/users';
import { type Order, orderTotal } from './order';

export type OrderPlacedEvent = DomainEvent<
  'orders.order-placed',
  { orderId: string; customerId: string; total: Money }
>;

/** Carries everything a fulfilment module needs, so it does not have to call back into orders. */
export type OrderPaidEvent = DomainEvent<
  'orders.order-paid',
  {
    orderId: string;
    customerId: string;
    shippingAddress: PostalAddress;
    lines: { productId: string; quantity: number }[];
  }
>;

export function orderPlaced(order: Order): OrderPlacedEvent {
  return event('orders.order-placed', {
    orderId: order.id,
    customerId: order.customerId,
    total: orderTotal(order),
  });
}

export function orderPaid(order: Order): OrderPaidEvent {
  return event('orders.order-paid', {
    orderId: order.id,
    customerId: order.customerId,
    shippingAddress: order.shippingAddress,
    lines: order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
  });
}
