// Time zones, once for the server and the web. A station, a host and its listeners read
// times in the episode's own zone, never the machine's: servers run in UTC, and a
// screener in Jakarta preparing a show in Jayapura must see Jayapura's clock. Wall-clock
// times typed by a host ("2026-11-21T19:00") mean the episode's zone; instants with an
// offset or "Z" are taken as they are. Only Intl, no date library: it runs in both.

/** The zones a station picks from, by their Indonesian names. */
export const ZONES = [
  { zone: 'Asia/Jakarta', label: 'WIB' },
  { zone: 'Asia/Makassar', label: 'WITA' },
  { zone: 'Asia/Jayapura', label: 'WIT' },
] as const;

// ICU's short names vary between versions ("GMT+7"), so Indonesia's are spelled out.
const LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/**
 * "WIB" for Asia/Jakarta. Any other zone: ICU's short name at the instant `at` when one
 * is given (the notula prints "CET"), else the zone's own name ("Europe/Paris").
 */
export function zoneLabel(timeZone: string, at?: string): string {
  const label = LABELS[timeZone];
  if (label) return label;
  return (at === undefined ? undefined : zoneParts(at, timeZone, { timeZoneName: 'short' }).timeZoneName) ?? timeZone;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

// Building an Intl.DateTimeFormat costs far more than using one (about half a millisecond
// here): exporting 2,000 usulan would spend a second on it. A formatter is immutable, so
// one per locale, zone and options is kept and reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    if (formatters.size >= 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** The parts of an instant (ISO string or ms) as formatted in a zone, by part type. */
export function zoneParts(at: string | number, timeZone: string, options: Intl.DateTimeFormatOptions, locale = 'id-ID'): Parts {
  const out: Parts = {};
  for (const p of formatter(locale, timeZone, options).formatToParts(new Date(at))) out[p.type] = p.value;
  return out;
}

const WALL: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const p = zoneParts(ms, timeZone, WALL, 'en-US');
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant at which the zone's wall clock shows `wall` (a time given as if it were UTC). */
function wallToInstant(wall: number, timeZone: string): string {
  // Two passes settle the offset even next to a zone's change of offset.
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone)).toISOString();
}

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An ISO instant for `raw`, reading a time without offset in `zone`; null when not a time. */
export function toInstant(raw: string, zone: string): string | null {
  const m = NAIVE.exec(raw.trim());
  if (m) {
    const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
    const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
    if (!Number.isFinite(wall)) return null;
    return wallToInstant(wall, zone);
  }
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** A form's "2026-10-03" + "19:00" on the wall clock of a zone → ISO instant; null when not a real date/time or zone. */
export function fieldsToInstant(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, da, h, mi);
  if (new Date(naive).getUTCDate() !== da) return null; // 31 February and the like
  try {
    return wallToInstant(naive, timeZone);
  } catch {
    return null;
  }
}

/** An instant as a form's date and time fields, in the zone. */
export function instantToFields(iso: string, timeZone: string): { date: string; time: string } {
  const p = zoneParts(Date.parse(iso), timeZone, WALL, 'en-US');
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD. */
export function dateInZone(iso: string, timeZone: string): string {
  const p = zoneParts(iso, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-US');
  return `${p.year}-${p.month}-${p.day}`;
}
