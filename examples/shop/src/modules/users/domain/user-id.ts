import { type Brand, type Result, err, hasPrefix, newId, ok } from '@shared';

export type UserId = Brand<string, 'UserId'>;

/** Companion of the `UserId` type: creating and parsing user ids. */
export const UserId = {
  generate(): UserId {
    return newId('usr') as UserId;
  },
  parse(raw: string): Result<UserId> {
    return hasPrefix(raw, 'usr') ? ok(raw as UserId) : err(`"${raw}" is not a user id`);
  },
};
