import { type Result, err, mapResult } from '@shared';
import {
  type NewUser,
  type PostalAddress,
  type User,
  billingAddressOf,
  createUser,
  displayName,
  normalizeEmail,
} from '../domain/user';
import type { UserId } from '../domain/user-id';
import type { UserRepository } from '../domain/user-repository';

/** What leaves the users module: no internals, only what callers need. */
export interface UserDto {
  readonly id: UserId;
  readonly email: string;
  readonly displayName: string;
  readonly fullName: string;
  readonly shippingAddress?: PostalAddress;
  readonly billingAddress?: PostalAddress;
}

export type RegisterUserCommand = NewUser;

export class UserService {
  constructor(private readonly users: UserRepository) {}

  async register(command: RegisterUserCommand): Promise<Result<UserDto>> {
    if (await this.users.findByEmail(normalizeEmail(command.email))) {
      return err(`${command.email} is already registered`);
    }
    const user = createUser(command);
    if (user.ok) await this.users.save(user.value);
    return mapResult(user, toUserDto);
  }

  async getUser(id: UserId): Promise<UserDto | undefined> {
    const user = await this.users.findById(id);
    return user && toUserDto(user);
  }

  async shippingAddressOf(id: UserId): Promise<PostalAddress | undefined> {
    return (await this.users.findById(id))?.shippingAddress;
  }
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: displayName(user),
    fullName: `${user.firstName} ${user.lastName}`,
    shippingAddress: user.shippingAddress,
    billingAddress: billingAddressOf(user),
  };
}
