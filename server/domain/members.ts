// Membership in the id lists an episode keeps (a question's voters, the episode's
// listeners). The lists stay plain arrays, so the stored shape and its order do not
// change; a Set kept beside each long list answers "is this listener in it?" in O(1)
// instead of scanning 10,000 ids on every vote, join and snapshot.
import type { Id } from '../contract/types.ts';

/** Below this, scanning the array is as fast as keeping a Set. */
const SHORT = 32;

interface Index {
  ids: Set<Id>;
  /** The length and last id the Set mirrors: a push or pop made without these helpers shows up as a mismatch and rebuilds it. */
  length: number;
  last: Id | undefined;
}

const indexes = new WeakMap<readonly Id[], Index>();

function indexOf(list: readonly Id[]): Index {
  let index = indexes.get(list);
  if (!index || index.length !== list.length || index.last !== list[list.length - 1]) {
    index = { ids: new Set(list), length: list.length, last: list[list.length - 1] };
    indexes.set(list, index);
  }
  return index;
}

export function isMember(list: readonly Id[], id: Id): boolean {
  return list.length < SHORT ? list.includes(id) : indexOf(list).ids.has(id);
}

/** Appends `id` (the caller checked it is not there yet). */
export function addMember(list: Id[], id: Id): void {
  const index = indexes.get(list);
  list.push(id);
  if (index && index.length === list.length - 1) {
    index.ids.add(id);
    index.length = list.length;
    index.last = id;
  }
}

/** Removes `id`, keeping the order of the others; false when it was not there. */
export function removeMember(list: Id[], id: Id): boolean {
  const at = list.indexOf(id);
  if (at < 0) return false;
  const index = indexes.get(list);
  list.splice(at, 1);
  if (index && index.length === list.length + 1) {
    index.ids.delete(id);
    index.length = list.length;
    index.last = list[list.length - 1];
  }
  return true;
}
