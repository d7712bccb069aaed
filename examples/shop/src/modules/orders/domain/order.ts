import {
  type Brand,
  type Money,
  type Result,
  err,
  hasPrefix,
  multiplyMoney,
  newId,
  ok,
  sumMoney,
} from '@shared';
import type { ProductId } from '@shop/catalog';
import type { PostalAddress, UserId } from '@shop/users';

export type OrderId = Brand<string, 'OrderId'>;

/** Companion of the `OrderId` type. */
export const OrderId = {
  generate(): OrderId {
    return newId('ord') as OrderId;
  },
  parse(raw: string): Result<OrderId> {
    return hasPrefix(raw, 'ord') ? ok(raw as OrderId) : err(`"${raw}" is not an order id`);
  },
};

export const OrderStatus = {
  Placed: 'placed',
  AwaitingPayment: 'awaiting-payment',
  Paid: 'paid',
  Shipped: 'shipped',
  Cancelled: 'cancelled',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  placed: ['awaiting-payment', 'cancelled'],
  'awaiting-payment': ['paid', 'cancelled'],
  paid: ['shipped'],
  shipped: [],
  cancelled: [],
};

export interface OrderLine {
  readonly productId: ProductId;
  readonly name: string;
  readonly unitPrice: Money;
  readonly quantity: number;
}

export interface Order {
  readonly id: OrderId;
  readonly customerId: UserId;
  readonly lines: readonly OrderLine[];
  readonly shippingAddress: PostalAddress;
  readonly status: OrderStatus;
  readonly invoiceId?: string;
  readonly placedAt: Date;
}

export function placeOrder(
  customerId: UserId,
  lines: readonly OrderLine[],
  shippingAddress: PostalAddress,
): Result<Order> {
  if (lines.length === 0) return err('An order needs at least one line');
  if (lines.some((line) => !Number.isInteger(line.quantity) || line.quantity < 1)) {
    return err('Quantities must be whole numbers of at least 1');
  }
  return ok({
    id: OrderId.generate(),
    customerId,
    lines,
    shippingAddress,
    status: OrderStatus.Placed,
    placedAt: new Date(),
  });
}

export function lineTotal(line: OrderLine): Money {
  return multiplyMoney(line.unitPrice, line.quantity);
}

export function orderTotal(order: Pick<Order, 'lines'>): Money {
  const currency = order.lines[0]?.unitPrice.currency ?? 'EUR';
  return sumMoney(order.lines.map(lineTotal), currency);
}

export function changeStatus(order: Order, next: OrderStatus): Result<Order> {
  if (order.status === next) return ok(order);
  if (!NEXT_STATUSES[order.status].includes(next)) {
    return err(`Order ${order.id} cannot go from ${order.status} to ${next}`);
  }
  return ok({ ...order, status: next });
}
