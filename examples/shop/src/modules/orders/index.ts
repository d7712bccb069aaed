/**
 * Public API of the orders module: checkout and the order lifecycle.
 * Other modules import from `@shop/orders` only.
 */
import type { EventBus } from '@shared';
import type { BillingApi } from '@shop/billing';
import type { CatalogApi } from '@shop/catalog';
import type { UsersApi } from '@shop/users';
import { CheckoutService } from './application/checkout-service';
import { OrderService } from './application/order-service';
import { InMemoryOrderRepository } from './infrastructure/in-memory-order-repository';

export { OrderId, OrderStatus } from './domain/order';
export type { OrderPaidEvent, OrderPlacedEvent } from './domain/order-events';
export type { OrderDto, OrderLineDto } from './application/order-dto';
export type { CheckoutCommand, CheckoutReceipt } from './application/checkout-service';
// deliberate (sets up the re-export laundering case in shipping): re-exported "for convenience", so
// that callers can handle customer ids without importing users. The id still lives in the users
// module, and whoever imports it from here depends on users, declared or not.
export { UserId } from '@shop/users';

export type OrdersApi = Pick<OrderService, 'getOrder' | 'ordersOf' | 'updateStatus'>;
export type CheckoutApi = Pick<CheckoutService, 'checkout'>;

export interface OrdersModuleDeps {
  readonly bus: EventBus;
  readonly catalog: CatalogApi;
  readonly users: UsersApi;
  readonly billing: BillingApi;
}

export function createOrdersModule(deps: OrdersModuleDeps): { orders: OrdersApi; checkout: CheckoutApi } {
  const repository = new InMemoryOrderRepository();
  return {
    orders: new OrderService(repository, deps.bus),
    checkout: new CheckoutService({ ...deps, orders: repository }),
  };
}
