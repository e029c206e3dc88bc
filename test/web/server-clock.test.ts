// The host's "on air for" must not follow a laptop clock that is minutes off: the offset
// to the server is bounded by Date headers and by timestamps the server sent.
import { describe, expect, it } from 'vitest';
import { ServerClock, formatMinutesSeconds } from '../../web/src/lib/server-clock.ts';

const SERVER = Date.parse('2026-10-03T12:00:00.400Z');
const AHEAD = 37 * 60_000 + 13_000; // the laptop's clock runs 37:13 fast

describe('ServerClock', () => {
  it('knows nothing at first, and then the Date header puts it within a second', () => {
    const c = new ServerClock();
    expect(c.offset).toBe(0);
    // Sent and received 80 ms apart, around server time 12:00:00.4 (the header says 12:00:00).
    c.noteHttpDate(new Date(SERVER).toUTCString(), SERVER + AHEAD - 40, SERVER + AHEAD + 40);
    expect(Math.abs(c.offset - -AHEAD)).toBeLessThanOrEqual(600);
  });

  it('narrows with a fresh server timestamp and lands on the true offset within the delivery time', () => {
    const c = new ServerClock();
    c.noteHttpDate(new Date(SERVER).toUTCString(), SERVER + AHEAD - 40, SERVER + AHEAD + 40);
    // A question aired at SERVER + 5000, its delta received 30 ms later.
    c.noteStamp(new Date(SERVER + 5000).toISOString(), SERVER + 5030 + AHEAD);
    expect(c.offset).toBeGreaterThanOrEqual(-AHEAD - 30);
    expect(c.offset).toBeLessThanOrEqual(-AHEAD + 600);
  });

  it('with only timestamps, assumes the clocks agree unless a stamp proves the browser is behind', () => {
    const c = new ServerClock();
    c.noteStamp(new Date(SERVER).toISOString(), SERVER + 2000); // browser ahead: says nothing new
    expect(c.offset).toBe(0);
    c.noteStamp(new Date(SERVER).toISOString(), SERVER - 90_000); // browser 90 s behind, at least
    expect(c.offset).toBe(90_000);
  });

  it('starts again when the browser clock is changed and the bounds no longer agree', () => {
    const c = new ServerClock();
    c.noteHttpDate(new Date(SERVER).toUTCString(), SERVER + AHEAD, SERVER + AHEAD);
    // Someone sets the laptop right: the next sample contradicts the old bounds.
    c.noteHttpDate(new Date(SERVER + 60_000).toUTCString(), SERVER + 60_000, SERVER + 60_000);
    expect(Math.abs(c.offset)).toBeLessThanOrEqual(600); // the truth is 0; the old −37:13 is gone
  });

  it('ignores a missing or unreadable header or stamp', () => {
    const c = new ServerClock();
    c.noteHttpDate(null, 0, 1);
    c.noteHttpDate('kemarin', 0, 1);
    c.noteStamp(null);
    c.noteStamp('nanti');
    expect(c.offset).toBe(0);
    expect(c.now()).toBeGreaterThan(SERVER - 10 ** 12);
  });
});

describe('formatMinutesSeconds', () => {
  it.each([[0, '00:00'], [999, '00:00'], [65_000, '01:05'], [59 * 60_000 + 59_999, '59:59'], [75 * 60_000 + 3000, '75:03'], [-4000, '00:00']])(
    '%i ms → %s', (ms, text) => expect(formatMinutesSeconds(ms)).toBe(text),
  );
});
