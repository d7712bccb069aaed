/**
 * Branded string ids. Each module defines its own id type (`UserId`, `OrderId`, ...) on top of
 * these helpers, so an order id can never be passed where a product id is expected.
 */
declare const brand: unique symbol;

export type Brand<T, B extends string> = T & { readonly [brand]: B };

let sequence = 0;

/** A sortable, prefixed id such as `ord_lx2k9f0003`. Good enough for an in-memory shop. */
export function newId(prefix: string): string {
  sequence += 1;
  return `${prefix}_${Date.now().toString(36)}${sequence.toString(36).padStart(4, '0')}`;
}

/** Whether `raw` looks like an id made by `newId(prefix)`. */
export function hasPrefix(raw: string, prefix: string): boolean {
  return raw.startsWith(`${prefix}_`) && /^[0-9a-z]+$/.test(raw.slice(prefix.length + 1));
}
