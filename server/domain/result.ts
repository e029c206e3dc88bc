import type { DomainError } from '../contract/errors.ts';
import type { Lexicon } from './moderation/lexicon.ts';
import type { Id, Instant } from '../contract/types.ts';
import type { Change } from './changes.ts';

export type Result<T> = { ok: true; value: T; changes: Change[] } | { ok: false; error: DomainError };

/** What a command needs from the outside world, passed in so the rules stay pure. */
export interface Ctx {
  now: Instant;
  newId: () => Id;
  /** The word list with the admin's changes (domain/moderation); absent: the built-in one. */
  lexicon?: Lexicon;
  /** Listeners a screener blocked (domain/moderation/block.ts): what they send stops counting. */
  blocked?: ReadonlySet<Id>;
}

export function ok<T>(value: T, changes: Change[] = []): Result<T> {
  return { ok: true, value, changes };
}
