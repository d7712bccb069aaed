import { type Money, type Result, err, newId, ok } from '@shared';
import type { PaymentGateway, PaymentMethod } from '../domain/payment';

/**
 * Stands in for the card processor in development: card tokens starting with `tok_declined`
 * are declined, everything else is captured.
 */
export class FakePaymentGateway implements PaymentGateway {
  async capture(amount: Money, method: PaymentMethod): Promise<Result<{ transactionId: string }>> {
    if (amount.amount <= 0) return err('Nothing to capture');
    if (method.kind === 'card' && method.token.startsWith('tok_declined')) {
      return err('The card was declined');
    }
    return ok({ transactionId: newId('txn') });
  }
}
