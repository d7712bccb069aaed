import {
  type Brand,
  type Money,
  type Result,
  addMoney,
  err,
  hasPrefix,
  multiplyMoney,
  newId,
  ok,
  subtractMoney,
  sumMoney,
  zero,
} from '@shared';

export type InvoiceId = Brand<string, 'InvoiceId'>;

/** Companion of the `InvoiceId` type. */
export const InvoiceId = {
  generate(): InvoiceId {
    return newId('inv') as InvoiceId;
  },
  parse(raw: string): Result<InvoiceId> {
    return hasPrefix(raw, 'inv') ? ok(raw as InvoiceId) : err(`"${raw}" is not an invoice id`);
  },
};

/** Days a customer has to pay an invoice. Internal: exposed to other modules only as a due date. */
export const PAYMENT_TERMS_DAYS = 14;

/** Standard VAT rate; prices in the catalog are net. */
export const VAT_RATE = 0.19;

export type InvoiceStatus = 'open' | 'paid' | 'void';

export interface InvoiceLine {
  readonly description: string;
  readonly unitPrice: Money;
  readonly quantity: number;
}

export interface Invoice {
  readonly id: InvoiceId;
  readonly orderId: string;
  readonly customerId: string;
  readonly billedTo: string;
  readonly lines: readonly InvoiceLine[];
  readonly net: Money;
  readonly vat: Money;
  readonly gross: Money;
  readonly paid: Money;
  readonly status: InvoiceStatus;
  readonly issuedAt: Date;
  readonly dueAt: Date;
}

export function invoiceLine(description: string, unitPrice: Money, quantity: number): InvoiceLine {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new RangeError(`Invalid quantity ${quantity} for "${description}"`);
  }
  return { description, unitPrice, quantity };
}

export function issueInvoice(
  input: { orderId: string; customerId: string; billedTo: string; lines: readonly InvoiceLine[] },
  now = new Date(),
): Result<Invoice> {
  if (input.lines.length === 0) return err('Cannot invoice an empty order');
  const currency = input.lines[0].unitPrice.currency;
  const net = sumMoney(
    input.lines.map((line) => multiplyMoney(line.unitPrice, line.quantity)),
    currency,
  );
  const vat = multiplyMoney(net, VAT_RATE);
  const dueAt = new Date(now);
  dueAt.setDate(dueAt.getDate() + PAYMENT_TERMS_DAYS);
  return ok({
    id: InvoiceId.generate(),
    ...input,
    net,
    vat,
    gross: addMoney(net, vat),
    paid: zero(currency),
    status: 'open',
    issuedAt: now,
    dueAt,
  });
}

export function amountDue(invoice: Invoice): Money {
  return subtractMoney(invoice.gross, invoice.paid);
}

export function isSettled(invoice: Invoice): boolean {
  return invoice.status === 'paid';
}

export function applyPayment(invoice: Invoice, amount: Money): Result<Invoice> {
  if (invoice.status !== 'open') return err(`Invoice ${invoice.id} is ${invoice.status}`);
  if (amount.amount <= 0) return err('A payment must be positive');
  if (amount.amount > amountDue(invoice).amount) return err('Payment exceeds the amount due');
  const paid = addMoney(invoice.paid, amount);
  return ok({ ...invoice, paid, status: paid.amount === invoice.gross.amount ? 'paid' : 'open' });
}
