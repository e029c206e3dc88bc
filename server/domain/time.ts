// Wall-clock times typed by a host ("2026-11-21T19:00") mean the episode's zone, not the
// server's (servers run in UTC). Instants with an offset or "Z" are taken as they are.

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Milliseconds the zone is ahead of UTC at the instant `ms`. */
function offsetAt(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

/** An ISO instant for `raw`, reading a time without offset in `zone`; null when not a time. */
export function toInstant(raw: string, zone: string): string | null {
  const m = NAIVE.exec(raw.trim());
  if (m) {
    const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
    const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
    if (!Number.isFinite(wall)) return null;
    let ms = wall - offsetAt(wall, zone);
    ms = wall - offsetAt(ms, zone);
    return new Date(ms).toISOString();
  }
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
