/**
 * Public API of the billing module: invoices and payments.
 * Other modules import from `@shop/billing` only.
 */
import type { UsersApi } from '@shop/users';
import { InvoiceService } from './application/invoice-service';
import { PaymentService, type PaymentServiceDeps } from './application/payment-service';
import { FakePaymentGateway } from './infrastructure/fake-payment-gateway';
import { InMemoryInvoiceRepository } from './infrastructure/in-memory-invoice-repository';

export { InvoiceId, invoiceLine } from './domain/invoice';
export type { InvoiceLine } from './domain/invoice';
export type { PaymentMethod } from './domain/payment';
export type { InvoiceDto, IssueInvoiceCommand } from './application/invoice-service';

export type BillingApi = Pick<InvoiceService, 'issueInvoice' | 'getInvoice'> & Pick<PaymentService, 'pay'>;

export interface BillingModuleDeps {
  readonly users: UsersApi;
  readonly orders: PaymentServiceDeps['orders'];
}

export function createBillingModule(deps: BillingModuleDeps): BillingApi {
  const invoices = new InMemoryInvoiceRepository();
  const invoiceService = new InvoiceService(invoices, deps.users);
  const paymentService = new PaymentService({
    invoices,
    gateway: new FakePaymentGateway(),
    orders: deps.orders,
  });
  return {
    issueInvoice: (command) => invoiceService.issueInvoice(command),
    getInvoice: (id) => invoiceService.getInvoice(id),
    pay: (invoiceId, method) => paymentService.pay(invoiceId, method),
  };
}
