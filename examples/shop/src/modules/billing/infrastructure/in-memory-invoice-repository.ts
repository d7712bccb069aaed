import type { Invoice, InvoiceId } from '../domain/invoice';
import type { InvoiceRepository } from '../domain/invoice-repository';
import type { Payment } from '../domain/payment';

export class InMemoryInvoiceRepository implements InvoiceRepository {
  private readonly byId = new Map<InvoiceId, Invoice>();
  private readonly payments: Payment[] = [];

  async findById(id: InvoiceId): Promise<Invoice | undefined> {
    return this.byId.get(id);
  }

  async findByOrder(orderId: string): Promise<Invoice | undefined> {
    return [...this.byId.values()].find((invoice) => invoice.orderId === orderId);
  }

  async save(invoice: Invoice): Promise<void> {
    this.byId.set(invoice.id, invoice);
  }

  async recordPayment(payment: Payment): Promise<void> {
    this.payments.push(payment);
  }
}
