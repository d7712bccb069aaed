import type { Invoice, InvoiceId } from './invoice';
import type { Payment } from './payment';

export interface InvoiceRepository {
  findById(id: InvoiceId): Promise<Invoice | undefined>;
  findByOrder(orderId: string): Promise<Invoice | undefined>;
  save(invoice: Invoice): Promise<void>;
  recordPayment(payment: Payment): Promise<void>;
}
