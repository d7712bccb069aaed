import type { User } from '../domain/user';
import type { UserId } from '../domain/user-id';
import type { UserRepository } from '../domain/user-repository';

export class InMemoryUserRepository implements UserRepository {
  private readonly byId = new Map<UserId, User>();

  async findById(id: UserId): Promise<User | undefined> {
    return this.byId.get(id);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    for (const user of this.byId.values()) {
      if (user.email === email) return user;
    }
    return undefined;
  }

  async save(user: User): Promise<void> {
    this.byId.set(user.id, user);
  }
}
