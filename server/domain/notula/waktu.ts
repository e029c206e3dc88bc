// Dates in the notula are read by listeners in the episode's own zone, never the
// server's: every formatter here is given the zone explicitly.

/** Indonesia's three zones by their local names; ICU's abbreviations vary between versions. */
const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

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

function parts(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions, locale = 'id-ID'): Parts {
  const out: Parts = {};
  for (const p of formatter(locale, timeZone, options).formatToParts(new Date(iso))) {
    out[p.type] = p.value;
  }
  return out;
}

function clock(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}.${p.minute}`;
}

function longDate(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

export function zoneLabel(iso: string, timeZone: string): string {
  return INDONESIAN_ZONES[timeZone] ?? parts(iso, timeZone, { timeZoneName: 'short' }).timeZoneName ?? timeZone;
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD. */
export function dateInZone(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-US');
  return `${p.year}-${p.month}-${p.day}`;
}

/** "Sabtu, 16 Maret 2019 (19.00–selesai WIB)" or "(19.00–21.00 WIB)". */
export function formatWaktu(startsAt: string, endsAt: string | null, timeZone: string): string {
  let end = 'selesai';
  if (endsAt) {
    // A show that runs past midnight names the day it ends, or "01.00" would read as before the start.
    end = dateInZone(endsAt, timeZone) === dateInZone(startsAt, timeZone)
      ? clock(endsAt, timeZone)
      : `${longDate(endsAt, timeZone)} ${clock(endsAt, timeZone)}`;
  }
  return `${longDate(startsAt, timeZone)} (${clock(startsAt, timeZone)}–${end} ${zoneLabel(startsAt, timeZone)})`;
}

/** "Kamis, 3 Desember 2026 10.05 WIB": when a notula was last corrected. */
export function formatUpdated(iso: string, timeZone: string): string {
  return `${longDate(iso, timeZone)} ${clock(iso, timeZone)} ${zoneLabel(iso, timeZone)}`;
}
