// "Pertanyaan Anda kini: disetujui." — the listener's own questions and usulan announce a change
// of status once, not the whole list again. The status is kept, not the sentence, so switching
// language words it anew. Call while the component initialises (it starts an effect).
export function lastStatusChange<S>(items: () => readonly { id: string; status: S }[]): { readonly status: S | null } {
  let changedTo = $state<S | null>(null);
  let seen = new Map<string, S>();
  $effect(() => {
    const now = items();
    const changed = now.find((x) => seen.has(x.id) && seen.get(x.id) !== x.status);
    if (changed) changedTo = changed.status;
    seen = new Map(now.map((x) => [x.id, x.status] as const));
  });
  return {
    get status() {
      return changedTo;
    },
  };
}
