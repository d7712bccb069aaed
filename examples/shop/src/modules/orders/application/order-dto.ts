import { type Money, formatMoney } from '@shared';
import { type Order, type OrderId, type OrderStatus, lineTotal, orderTotal } from '../domain/order';

export interface OrderLineDto {
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
}

export interface OrderDto {
  readonly id: OrderId;
  readonly customerId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLineDto[];
  readonly total: Money;
  /** For e-mails and the order page, e.g. "£42.00". */
  readonly totalText: string;
  readonly invoiceId?: string;
  readonly placedAt: string;
}

export function toOrderDto(order: Order): OrderDto {
  const total = orderTotal(order);
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: lineTotal(line),
    })),
    total,
    totalText: formatMoney(total),
    invoiceId: order.invoiceId,
    placedAt: order.placedAt.toISOString(),
  };
}
