// Times on staff pages are read in the episode's own zone, never the laptop's: a
// screener in Jakarta preparing a show in Jayapura must see Jayapura's clock.
// Zones, their labels and wall-clock conversion are the contract's ($contract/zone.ts);
// this file only formats for the page's language.
import type { Lang } from './i18n.svelte.ts';
import { zoneLabel } from '$contract/zone.ts';

function locale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
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
