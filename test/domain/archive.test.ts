// The archive's rules without a server: what is published, a row, the reader's query, the
// grouping, and the recording start the chapters count from.
import { describe, expect, it } from 'vitest';
import { archiveEntry, choicesOf, EMPTY_QUERY, filterArchive, findByPath, groupBySeries, parseArchiveQuery, published } from '../../server/domain/archive.ts';
import { chapters, clockOf, recordingStartOf, setRecordingStart } from '../../server/domain/recording-start.ts';
import { endEpisode } from '../../server/domain/episode.ts';
import { airQuestion, markAnswered } from '../../server/domain/question.ts';
import { buildFinishedSample } from '../../server/sample/episodes.ts';
import type { Episode, NotulaAspiration } from '../../server/contract/types.ts';
import { admin, expectRefused, host, listener, liveEpisode, makeCtx, notulis, planner, screener, submitted, unwrap } from './fixtures.ts';

const usulan = (dimension: string): NotulaAspiration => ({ id: 'u1', dimension, text: 'Sumur bor', problem: 'Kering', kecamatan: 'K', desa: 'D', rtRw: null, supports: 3 });

/** An ended show of `series` #`number`, with one question aired 10 minutes and one 25 minutes in. */
function show(series: string, number: number, startsAt: string, title = 'Jalan desa'): Episode {
  const ctx = makeCtx(startsAt);
  const e = liveEpisode(ctx, { series, number, title, startsAt });
  ctx.tick(600);
  const a = submitted(e, ctx, 'Kapan jalan diaspal?');
  unwrap(airQuestion(e, host, a.id, ctx));
  ctx.tick(900);
  unwrap(markAnswered(e, host, a.id, ctx));
  const b = submitted(e, ctx, 'Bagaimana lampu jalan?');
  unwrap(airQuestion(e, host, b.id, ctx));
  ctx.tick(300);
  unwrap(endEpisode(e, host, ctx));
  e.id = `ep${number}${series.length}`.padEnd(12, 'x');
  return e;
}

describe('the archive listing', () => {
  const older = show('OBROLAN PAGI', 11, '2025-09-06T12:00:00.000Z');
  const newer = show('OBROLAN PAGI', 12, '2026-10-03T12:00:00.000Z', 'Sampah pasar');
  const other = show('SUARA DESA', 7, '2026-11-14T12:00:00.000Z', 'Air bersih');
  const draft = liveEpisode(makeCtx(), { series: 'OBROLAN PAGI', number: 13 });
  const all = published([newer, draft, other, older]);
  const entries = all.map((e) => archiveEntry(e, e === other ? [usulan('Smart Living')] : [], all));

  it('publishes ended episodes only, in the order they ended', () => {
    expect(all.map((e) => e.number)).toEqual([11, 12, 7]);
  });

  it('says per row: address, Indonesian date in the zone, agencies, counts', () => {
    const row = entries.find((r) => r.id === other.id)!;
    expect(row.path).toBe('/arsip/suara-desa/7-air-bersih');
    expect(row.date).toMatch(/^Sabtu, 14 November 2026 \(19\.00–selesai WIB\)$/);
    expect(row.year).toBe(2026);
    expect(row.answered).toBe(2);
    expect(row.dimensions).toEqual([{ slug: 'smart-living', name: 'Smart Living' }]);
    expect(row.poll).toBeNull();
  });

  it('summarises the live poll with whole percentages that add up (the sample: 79/7/0/14)', () => {
    const e = buildFinishedSample();
    const row = archiveEntry(e, [], [e]);
    expect(row.poll?.options.map((o) => o.percent)).toEqual([79, 7, 0, 14]);
    expect(row.poll?.total).toBe(14);
  });

  it('groups newest first by series', () => {
    const groups = groupBySeries(entries);
    expect(groups.map((g) => g.slug)).toEqual(['suara-desa', 'obrolan-pagi']);
    expect(groups[1]!.entries.map((r) => r.number)).toEqual([12, 11]);
  });

  it('finds rows by every word (any case, any accent), series, year and dimension', () => {
    const choices = choicesOf(entries);
    const q = (raw: Record<string, unknown>) => {
      const p = parseArchiveQuery(raw, choices);
      if (!p.ok) throw new Error(p.message);
      return filterArchive(entries, p.query).map((r) => r.number);
    };
    expect(q({})).toHaveLength(3);
    expect(q({ q: 'SAMPAH pásar' })).toEqual([12]);
    expect(q({ q: 'sampah bersih' })).toEqual([]);
    expect(q({ seri: 'obrolan-pagi' })).toEqual([11, 12]);
    expect(q({ tahun: '2025' })).toEqual([11]);
    expect(q({ dimensi: 'smart-living' })).toEqual([7]);
    expect(q({ q: '  ', seri: '', tahun: '', dimensi: '' })).toHaveLength(3);
    expect(choices.years).toEqual([2026, 2025]);
  });

  it('refuses what the form never sends, with a message for the page', () => {
    const choices = choicesOf(entries);
    for (const raw of [{ tahun: '99' }, { tahun: ['2025', '2026'] }, { seri: 'OBROLAN' }, { seri: 'tidak-ada' }, { dimensi: 'smart-living/..' }, { q: 'x'.repeat(101) }, { q: { a: '1' } }, { lain: '1' }]) {
      const p = parseArchiveQuery(raw, choices);
      expect(p.ok, JSON.stringify(raw)).toBe(false);
      if (!p.ok) expect(p.message.length).toBeGreaterThan(10);
    }
  });

  it('finds a published episode by its address only', () => {
    expect(findByPath(entries, 'obrolan-pagi', '12-sampah-pasar')?.id).toBe(newer.id);
    expect(findByPath(entries, 'obrolan-pagi', '13-jalan-desa')).toBeUndefined();
    expect(EMPTY_QUERY.q).toBe('');
  });
});

describe('the recording start and the chapters', () => {
  it('counts chapters from startedAt until staff set another start', () => {
    const e = show('OBROLAN PAGI', 12, '2026-10-03T12:00:00.000Z');
    expect(recordingStartOf(e)).toBe(e.startedAt);
    // The helpers' clock moves a second per submitted question: seconds from the aired times.
    const aired = e.questions.map((q) => (Date.parse(q.onAirAt!) - Date.parse(e.startedAt!)) / 1000);
    expect(aired[0]).toBeGreaterThanOrEqual(600);
    expect(chapters(e).map((c) => c.seconds)).toEqual(aired);
    const ctx = makeCtx('2026-10-04T00:00:00.000Z');
    const at = new Date(Date.parse(e.startedAt!) + 120_000).toISOString();
    unwrap(setRecordingStart(e, notulis, at, ctx));
    expect(chapters(e).map((c) => c.seconds)).toEqual(aired.map((t) => t - 120));
    expect(e.edits?.at(-1)).toMatchObject({ field: 'recordingStartedAt', before: e.startedAt, after: at, role: 'notulis' });
    // Set after a question went on air: that chapter starts at 0, not before the recording.
    unwrap(setRecordingStart(e, admin, new Date(Date.parse(e.startedAt!) + 700_000).toISOString(), ctx));
    expect(chapters(e).map((c) => c.seconds)).toEqual([0, aired[1]! - 700]);
    // Back to the default: null, and startedAt itself, store nothing.
    unwrap(setRecordingStart(e, host, e.startedAt, ctx));
    expect(e.recordingStartedAt).toBeNull();
    expectRefused(e, 'no_change', () => setRecordingStart(e, host, null, ctx));
  });

  it('is refused to roles that may not correct, before the end, and outside the show', () => {
    const e = show('OBROLAN PAGI', 12, '2026-10-03T12:00:00.000Z');
    const ctx = makeCtx('2026-10-04T00:00:00.000Z');
    const at = e.startedAt!;
    for (const who of [screener, planner, listener('l1')]) expectRefused(e, 'not_allowed', () => setRecordingStart(e, who, at, ctx));
    expectRefused(e, 'invalid_date', () => setRecordingStart(e, host, 'besok pagi', ctx));
    expectRefused(e, 'invalid_date', () => setRecordingStart(e, host, new Date(Date.parse(at) - 7 * 3600_000).toISOString(), ctx));
    expectRefused(e, 'invalid_date', () => setRecordingStart(e, host, new Date(Date.parse(e.endedAt!) + 1000).toISOString(), ctx));
    const live = liveEpisode(makeCtx());
    expectRefused(live, 'episode_not_ended', () => setRecordingStart(live, host, live.startedAt, ctx));
  });

  it('prints a moment as a listener reads it', () => {
    expect([0, 65, 600, 3725].map(clockOf)).toEqual(['0:00', '1:05', '10:00', '1:02:05']);
  });
});
