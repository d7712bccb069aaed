import type { User } from './user';
import type { UserId } from './user-id';

export interface UserRepository {
  findById(id: UserId): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  save(user: User): Promise<void>;
}
