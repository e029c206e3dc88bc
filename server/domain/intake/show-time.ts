// "Kamis 10 Des, 19.00 WIB": when the next show is, short enough for an SMS, in the show's zone.
import { zoneLabel, zoneParts } from '../../contract/zone.ts';

export function formatShowTime(at: string, timeZone: string): string {
  const p = zoneParts(at, timeZone, { weekday: 'long', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.weekday} ${p.day} ${p.month}, ${p.hour}.${p.minute} ${zoneLabel(timeZone, at)}`;
}
