import { type EventBus, type Money, type Result, err, ok } from '@shared';
import { type BillingApi, invoiceLine } from '@shop/billing';
import type { CatalogApi, ProductId } from '@shop/catalog';
import type { UserId, UsersApi } from '@shop/users';
import { type OrderLine, OrderStatus, changeStatus, placeOrder } from '../domain/order';
import { orderPlaced } from '../domain/order-events';
import type { OrderRepository } from '../domain/order-repository';
import { type OrderDto, toOrderDto } from './order-dto';
// deliberate (internal-import): orders reaches into billing's domain for the payment terms.
// `domain/invoice` is not part of billing's public API (`@shop/billing`); billing should put the due
// date on the InvoiceDto it returns. orders -> billing itself is declared, so only this rule fires.
import { PAYMENT_TERMS_DAYS } from '../../billing/domain/invoice';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CheckoutCommand {
  readonly customerId: UserId;
  readonly lines: readonly { productId: ProductId; quantity: number }[];
}

export interface CheckoutReceipt {
  readonly order: OrderDto;
  readonly invoiceId: string;
  readonly amountDue: Money;
  readonly payBy: Date;
}

export interface CheckoutDeps {
  readonly orders: OrderRepository;
  readonly catalog: CatalogApi;
  readonly users: UsersApi;
  readonly billing: BillingApi;
  readonly bus: EventBus;
}

export class CheckoutService {
  constructor(private readonly deps: CheckoutDeps) {}

  async checkout(command: CheckoutCommand): Promise<Result<CheckoutReceipt>> {
    const { orders, catalog, users, billing, bus } = this.deps;

    const customer = await users.getUser(command.customerId);
    if (!customer) return err(`Unknown customer ${command.customerId}`);
    const address = await users.shippingAddressOf(command.customerId);
    if (!address) return err('Please add a shipping address before checking out');

    const lines: OrderLine[] = [];
    for (const requested of command.lines) {
      const product = await catalog.findProduct(requested.productId);
      if (!product) return err(`Unknown product ${requested.productId}`);
      lines.push({
        productId: product.id,
        name: product.name,
        unitPrice: product.price,
        quantity: requested.quantity,
      });
    }

    const placed = placeOrder(command.customerId, lines, address);
    if (!placed.ok) return placed;
    const reserved = await catalog.reserveStock(lines);
    if (!reserved.ok) return reserved;

    const invoice = await billing.issueInvoice({
      orderId: placed.value.id,
      customerId: command.customerId,
      lines: lines.map((line) => invoiceLine(line.name, line.unitPrice, line.quantity)),
    });
    if (!invoice.ok) return invoice;

    const awaiting = changeStatus({ ...placed.value, invoiceId: invoice.value.id }, OrderStatus.AwaitingPayment);
    if (!awaiting.ok) return awaiting;
    await orders.save(awaiting.value);
    await bus.publish(orderPlaced(awaiting.value));

    return ok({
      order: toOrderDto(awaiting.value),
      invoiceId: invoice.value.id,
      amountDue: invoice.value.gross,
      payBy: new Date(Date.now() + PAYMENT_TERMS_DAYS * DAY_MS),
    });
  }
}
