import { buildLexicon } from '../domain/moderation/lexicon.ts';
import type { Lexicon } from '../domain/moderation/lexicon.ts';
import { checkWords } from '../domain/moderation/words.ts';
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import type { ModerationWords } from '../contract/moderation.ts';
import type { BlockEntry, ModerationStore } from '../store/moderation.ts';

/**
 * The word list the flags use: the built-in one with the admin's changes, rebuilt (about a
 * millisecond) only when they change, handed to every rule through its context.
 */
export class ModerationService {
  #lexicon: Lexicon;

  constructor(private store: ModerationStore, private log?: (line: string) => void) {
    this.#lexicon = buildLexicon(store.data);
  }

  get lexicon(): Lexicon {
    return this.#lexicon;
  }

  #blocked: ReadonlySet<string> | null = null;

  /** The blocked listener ids, handed to every rule through its context. */
  get blocked(): ReadonlySet<string> {
    return (this.#blocked ??= new Set(Object.keys(this.store.data.blocked ?? {})));
  }

  blockEntries(): Array<[listenerId: string, entry: BlockEntry]> {
    return Object.entries(this.store.data.blocked ?? {});
  }

  /** Records (or, with null, lifts) a block; written before anything is taken out or given back. */
  async setBlock(listenerId: string, entry: BlockEntry | null): Promise<boolean> {
    const all = (this.store.data.blocked ??= {});
    const before = all[listenerId];
    if (entry) all[listenerId] = entry;
    else delete all[listenerId];
    this.#blocked = null;
    try {
      await this.store.commit();
      return true;
    } catch (err) {
      this.log?.(`kentongan: blokir tidak tersimpan: ${(err as Error).message}`);
      if (before) all[listenerId] = before;
      else delete all[listenerId];
      this.#blocked = null;
      return false;
    }
  }

  snapshot(): string {
    return this.store.snapshot();
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  words(): ModerationWords {
    return { add: [...this.store.data.add], remove: [...this.store.data.remove] };
  }

  async changeWords(input: ModerationWords): Promise<{ ok: true; value: ModerationWords } | { ok: false; error: DomainError }> {
    const checked = checkWords(input);
    if (!checked.ok) return checked;
    const before = this.words();
    this.store.data.add = checked.value.add;
    this.store.data.remove = checked.value.remove;
    try {
      await this.store.commit();
    } catch (err) {
      this.log?.(`kentongan: daftar kata tidak tersimpan: ${(err as Error).message}`);
      this.store.data.add = before.add;
      this.store.data.remove = before.remove;
      return fail('not_saved');
    }
    this.#lexicon = buildLexicon(this.store.data);
    return { ok: true, value: this.words() };
  }
}
