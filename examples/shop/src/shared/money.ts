/**
 * Money in integer minor units (cents), so that totals never drift through floating point.
 */
export type Currency = 'EUR' | 'USD' | 'GBP';

export interface Money {
  /** Minor units: 1999 is 19.99. */
  readonly amount: number;
  readonly currency: Currency;
}

export function money(amount: number, currency: Currency = 'EUR'): Money {
  if (!Number.isInteger(amount)) {
    throw new RangeError(`Money amounts are integer minor units, got ${amount}`);
  }
  return { amount, currency };
}

export function zero(currency: Currency = 'EUR'): Money {
  return money(0, currency);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** Multiplies and rounds half away from zero to whole minor units. */
export function multiplyMoney(value: Money, factor: number): Money {
  return money(Math.round(value.amount * factor), value.currency);
}

export function sumMoney(values: readonly Money[], currency: Currency = 'EUR'): Money {
  return values.reduce(addMoney, zero(currency));
}

export function isZero(value: Money): boolean {
  return value.amount === 0;
}

export function formatMoney(value: Money): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: value.currency }).format(
    value.amount / 100,
  );
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new TypeError(`Cannot combine ${a.currency} with ${b.currency}`);
  }
}
