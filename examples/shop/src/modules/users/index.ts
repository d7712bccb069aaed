/**
 * Public API of the users module: customer accounts and their addresses.
 * Other modules import from `@shop/users` only; everything else in this folder is internal.
 */
import { UserService } from './application/user-service';
import { InMemoryUserRepository } from './infrastructure/in-memory-user-repository';

export { UserId } from './domain/user-id';
export type { PostalAddress } from './domain/user';
export type { RegisterUserCommand, UserDto } from './application/user-service';

export type UsersApi = Pick<UserService, 'register' | 'getUser' | 'shippingAddressOf'>;

export function createUsersModule(): UsersApi {
  return new UserService(new InMemoryUserRepository());
}
