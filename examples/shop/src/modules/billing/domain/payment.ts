import type { Money, Result } from '@shared';
import type { InvoiceId } from './invoice';

export type PaymentMethod =
  | { readonly kind: 'card'; readonly token: string }
  | { readonly kind: 'bank-transfer'; readonly reference: string };

export interface Payment {
  readonly invoiceId: InvoiceId;
  readonly amount: Money;
  readonly method: PaymentMethod['kind'];
  readonly transactionId: string;
  readonly capturedAt: Date;
}

/** Port to the payment provider; the adapter lives in infrastructure/. */
export interface PaymentGateway {
  capture(amount: Money, method: PaymentMethod): Promise<Result<{ transactionId: string }>>;
}
