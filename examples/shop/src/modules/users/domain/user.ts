import { type Result, err, ok } from '@shared';
import { UserId } from './user-id';

export interface PostalAddress {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  readonly country: string;
}

export interface User {
  readonly id: UserId;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly shippingAddress?: PostalAddress;
  /** Falls back to the shipping address when absent. */
  readonly billingAddress?: PostalAddress;
  readonly registeredAt: Date;
}

export interface NewUser {
  email: string;
  firstName: string;
  lastName: string;
  shippingAddress?: PostalAddress;
  billingAddress?: PostalAddress;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createUser(input: NewUser, now = new Date()): Result<User> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) return err(`"${input.email}" is not a valid e-mail address`);
  if (!input.firstName.trim() || !input.lastName.trim()) return err('First and last name are required');
  if (input.shippingAddress && !/^[A-Z]{2}$/.test(input.shippingAddress.country)) {
    return err(`"${input.shippingAddress.country}" is not an ISO country code`);
  }
  return ok({
    id: UserId.generate(),
    email,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    shippingAddress: input.shippingAddress,
    billingAddress: input.billingAddress,
    registeredAt: now,
  });
}

/** "Ada L." — how a customer is shown to other customers. */
export function displayName(user: Pick<User, 'firstName' | 'lastName'>): string {
  return `${user.firstName} ${user.lastName.charAt(0).toUpperCase()}.`;
}

export function billingAddressOf(user: User): PostalAddress | undefined {
  return user.billingAddress ?? user.shippingAddress;
}
