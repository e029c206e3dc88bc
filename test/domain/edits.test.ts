// Rules added after review: partial episode edits, merge targets, emoji joiners.
import { describe, expect, it } from 'vitest';
import { editEpisode, setPremoderation } from '../../server/domain/episode.ts';
import { mergeQuestion, askQuestion } from '../../server/domain/question.ts';
import { castVote } from '../../server/domain/vote.ts';
import { normalizeLine } from '../../server/contract/text.ts';
import { approvedFromListener, expectRefused, host, listener, liveEpisode, makeCtx, screener, unwrap } from './fixtures.ts';

describe('editEpisode with only some fields', () => {
  it('keeps what the edit does not name: pre-moderation, hosts and speakers', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    unwrap(setPremoderation(e, host, false));
    const speakers = structuredClone(e.speakers);
    const hosts = [...e.hosts];
    unwrap(editEpisode(e, host, { series: e.series, title: 'Judul baru', startsAt: e.startsAt, timeZone: e.timeZone }, ctx));
    expect(e.title).toBe('Judul baru');
    expect(e.premoderation).toBe(false);
    expect(e.hosts).toEqual(hosts);
    expect(e.speakers).toEqual(speakers);
  });
});

describe('merging into a pending question', () => {
  it('is refused for an approved duplicate, so votes never move out of listeners\' sight', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const approved = approvedFromListener(e, ctx, 'L-1', 'Kapan jalan diperbaiki?');
    unwrap(castVote(e, listener('L-2'), approved.id));
    const pending = unwrap(askQuestion(e, listener('L-3'), { text: 'Jalan rusak kapan diperbaiki?' }, ctx));
    expectRefused(e, 'merge_invalid', () => mergeQuestion(e, screener, approved.id, pending.id));
  });

  it('is allowed between two pending questions', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const a = unwrap(askQuestion(e, listener('L-1'), { text: 'Satu' }, ctx));
    const b = unwrap(askQuestion(e, listener('L-2'), { text: 'Satu juga' }, ctx));
    expect(unwrap(mergeQuestion(e, screener, a.id, b.id)).id).toBe(b.id);
  });
});

describe('normalizeLine', () => {
  it('keeps zero-width joiners inside emoji and drops zero-width spaces', () => {
    expect(normalizeLine('keluarga 👨‍👩‍👧 hadir')).toBe('keluarga 👨‍👩‍👧 hadir');
    expect(normalizeLine('a\u200Bb')).toBe('a b');
  });
});

describe('times typed without an offset', () => {
  it('are read in the episode zone, not the server zone', async () => {
    const { toInstant } = await import('../../server/contract/zone.ts');
    expect(toInstant('2019-03-16T19:00', 'Asia/Jakarta')).toBe('2019-03-16T12:00:00.000Z');
    expect(toInstant('2019-03-16T19:00', 'Asia/Makassar')).toBe('2019-03-16T11:00:00.000Z');
    expect(toInstant('2019-03-16 19:00:30', 'Asia/Jayapura')).toBe('2019-03-16T10:00:30.000Z');
    expect(toInstant('2019-03-16T19:00:00+07:00', 'Asia/Jayapura')).toBe('2019-03-16T12:00:00.000Z');
    expect(toInstant('kemarin', 'Asia/Jakarta')).toBeNull();
    // A zone with daylight saving: the offset of that date applies.
    expect(toInstant('2024-07-01T12:00', 'Europe/Amsterdam')).toBe('2024-07-01T10:00:00.000Z');
    expect(toInstant('2024-01-01T12:00', 'Europe/Amsterdam')).toBe('2024-01-01T11:00:00.000Z');
  });
});
