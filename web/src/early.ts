// Runs from the small entry chunk, before the app's code has arrived. On a slow link each
// step of "HTML → app → page → connect → join" costs a round trip or more; here the
// socket handshake, the first join and the page's own code all start at once instead.
import { startEarlyJoin } from './lib/early-join.ts';
import { normalizeCode } from '$contract/join-code.ts';

export function startEarly(): void {
  const live = /^\/(j|studio)\/([^/]+)\/?$/.exec(location.pathname);
  if (!live) return;
  const code = normalizeCode(decodeURIComponent(live[2]!));
  // Exactly the targets the listener and studio pages join with, or the result goes unused.
  if (live[1] === 'studio') {
    startEarlyJoin({ code, watchOnly: true, packed: true });
    void import('./routes/studio/Studio.svelte');
  } else {
    startEarlyJoin({ code, packed: true });
    void import('./routes/listener/Listener.svelte');
  }
}
