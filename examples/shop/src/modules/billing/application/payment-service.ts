import { type Result, err, ok } from '@shared';
import { type InvoiceId, amountDue, applyPayment, isSettled } from '../domain/invoice';
import type { InvoiceRepository } from '../domain/invoice-repository';
import type { PaymentGateway, PaymentMethod } from '../domain/payment';
import { type InvoiceDto, toInvoiceDto } from './invoice-service';
// deliberate (cycle): billing calls back into orders to mark the order paid, while orders already
// depends on billing to issue invoices: orders -> billing -> orders. bulkhead.json lists both edges
// in dependsOn, so neither import is undeclared; the cycle rule is what objects. Fix: billing
// publishes a `billing.invoice-paid` event on the EventBus and orders subscribes to it.
import { OrderId, OrderStatus, type OrdersApi } from '@shop/orders';

export interface PaymentServiceDeps {
  readonly invoices: InvoiceRepository;
  readonly gateway: PaymentGateway;
  /** Resolved lazily: orders is created after billing (see src/main.ts). */
  readonly orders: () => OrdersApi;
}

export class PaymentService {
  constructor(private readonly deps: PaymentServiceDeps) {}

  /** Charges the full amount due and, once the invoice is settled, marks the order paid. */
  async pay(invoiceId: InvoiceId, method: PaymentMethod): Promise<Result<InvoiceDto>> {
    const { invoices, gateway, orders } = this.deps;
    const invoice = await invoices.findById(invoiceId);
    if (!invoice) return err(`Unknown invoice ${invoiceId}`);
    const amount = amountDue(invoice);

    const captured = await gateway.capture(amount, method);
    if (!captured.ok) return captured;
    const updated = applyPayment(invoice, amount);
    if (!updated.ok) return updated;
    await invoices.save(updated.value);
    await invoices.recordPayment({
      invoiceId,
      amount,
      method: method.kind,
      transactionId: captured.value.transactionId,
      capturedAt: new Date(),
    });

    if (isSettled(updated.value)) {
      const orderId = OrderId.parse(updated.value.orderId);
      if (!orderId.ok) return orderId;
      const order = await orders().updateStatus(orderId.value, OrderStatus.Paid);
      if (!order.ok) return order;
    }
    return ok(toInvoiceDto(updated.value));
  }
}
