// Dates in the notula are read by listeners in the episode's own zone, never the
// server's: every formatter here is given the zone explicitly (zones and their labels:
// server/contract/zone.ts).
import { dateInZone, zoneLabel, zoneParts as parts } from '../../contract/zone.ts';

function clock(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}.${p.minute}`;
}

function longDate(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
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
  return `${longDate(startsAt, timeZone)} (${clock(startsAt, timeZone)}–${end} ${zoneLabel(timeZone, startsAt)})`;
}

/** "Kamis, 3 Desember 2026 10.05 WIB": when a notula was last corrected. */
export function formatUpdated(iso: string, timeZone: string): string {
  return `${longDate(iso, timeZone)} ${clock(iso, timeZone)} ${zoneLabel(timeZone, iso)}`;
}
