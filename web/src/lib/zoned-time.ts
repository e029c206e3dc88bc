// Times on staff pages are read in the episode's own zone, never the laptop's: a
// screener in Jakarta preparing a show in Jayapura must see Jayapura's clock.
import type { Lang } from './i18n.svelte.ts';

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

export function zoneLabel(timeZone: string): string {
  return LABELS[timeZone] ?? timeZone;
}

function locale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function parts(ms: number, timeZone: string): Parts {
  const out: Parts = {};
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  for (const p of f.formatToParts(new Date(ms))) out[p.type] = p.value;
  return out;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** "2026-10-03" + "19:00" on the wall clock of a zone → ISO instant; null when not a real date/time. */
export function toInstant(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, da, h, mi);
  if (new Date(naive).getUTCDate() !== da) return null; // 31 February and the like
  try {
    // Two passes settle the offset even next to a zone's change of offset.
    const first = naive - offsetAt(naive, timeZone);
    return new Date(naive - offsetAt(first, timeZone)).toISOString();
  } catch {
    return null;
  }
}

/** An instant as the date and time fields of a form, in the zone. */
export function fromInstant(iso: string, timeZone: string): { date: string; time: string } {
  const p = parts(Date.parse(iso), timeZone);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** "Sabtu, 3 Oktober 2026 19.00 WIB". */
export function formatDateTime(iso: string, timeZone: string, lang: Lang): string {
  const f = new Intl.DateTimeFormat(locale(lang), {
    timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return `${f.format(new Date(iso))} ${zoneLabel(timeZone)}`;
}

/** "19.05" (id) or "19:05" (en), for lists where the date is obvious. */
export function formatTime(iso: string | number, timeZone: string, lang: Lang, seconds = false): string {
  const f = new Intl.DateTimeFormat(locale(lang), {
    timeZone, hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23',
  });
  return f.format(new Date(iso));
}

/** Elapsed time as "1:05:09" or "5:09". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
