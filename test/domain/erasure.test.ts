// The pure erasure rules: what a listener may withdraw, what stays as public record,
// contact expiry at its boundary, and an episode's usulan when it is deleted.
import { describe, expect, it } from 'vitest';
import {
  aspirationsOfDeletedEpisode, eraseListenerAspirations, eraseListenerQuestions, expireContacts, parseRetentionDays, removeContact,
} from '../../server/domain/erasure.ts';
import { mergeQuestion } from '../../server/domain/question.ts';
import type { Aspiration } from '../../server/contract/types.ts';
import { approvedFromListener, host, liveEpisode, makeCtx, planner, q, screener, unwrap } from './fixtures.ts';

function usulan(id: string, over: Partial<Aspiration> = {}): Aspiration {
  return {
    id, episodeId: 'ep1', text: `Usulan ${id}`, problem: 'Masalah', dimension: 'living', kecamatan: '98.02.01', desa: '98.02.01.2001',
    rtRw: null, channel: 'web', submittedBy: 'L1', questionId: null, contact: { name: 'Bu Ani', phone: '081234567890', consentAt: '2026-01-01T00:00:00.000Z' },
    supporters: [], status: 'baru', rejectReason: null, mergedInto: null, mergedFrom: [], notes: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

describe('erasing a listener\'s questions', () => {
  it('withdraws what nobody built on and keeps what others rest on, without name or place', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const alone = approvedFromListener(e, ctx, 'L1', 'Pertanyaan sendiri');
    const target = approvedFromListener(e, ctx, 'L1', 'Pertanyaan yang digabungi');
    const dup = approvedFromListener(e, ctx, 'L2', 'Pertanyaan kembar');
    unwrap(mergeQuestion(e, screener, dup.id, target.id));
    for (const x of e.questions) if (x.askedBy === 'L1') Object.assign(x, { askerName: 'Pak Budi', askerLocation: 'Dusun Atas' });

    const before = structuredClone(e);
    expect(unwrap(eraseListenerQuestions(e, 'L1', [], false))).toMatchObject({ questionsWithdrawn: 1, questionsAnonymised: 1 });
    expect(e).toStrictEqual(before);

    const r = eraseListenerQuestions(e, 'L1', [], true);
    expect(r.ok && r.changes.map((c) => c.kind).sort()).toEqual(['question', 'questionRemoved']);
    expect(e.questions.find((x) => x.id === alone.id)).toBeUndefined();
    expect(q(e, target.id)).toMatchObject({ text: 'Pertanyaan yang digabungi', askerName: null, askerLocation: null, askedBy: null });
    expect(q(e, dup.id)).toMatchObject({ askedBy: 'L2', mergedInto: target.id });
  });

  it('keeps a question an usulan was made from', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const asked = approvedFromListener(e, ctx, 'L1', 'Jalan berlubang');
    const made = usulan('u1', { episodeId: e.id, questionId: asked.id, submittedBy: 'L1' });
    expect(unwrap(eraseListenerQuestions(e, 'L1', [made], true))).toMatchObject({ questionsWithdrawn: 0, questionsAnonymised: 1 });
    expect(q(e, asked.id).askedBy).toBeNull();
  });
});

describe('erasing a listener\'s usulan', () => {
  it('withdraws open ones, keeps forwarded and merge targets without contact, leaves others alone', () => {
    const list = [
      usulan('a'), usulan('b', { status: 'diteruskan' }), usulan('c', { mergedFrom: ['z'] }), usulan('d', { status: 'ditolak', contact: null }),
      usulan('e', { submittedBy: 'L2' }),
    ];
    const r = unwrap(eraseListenerAspirations(list, 'L1', true, makeCtx()));
    expect(r).toEqual({ questionsWithdrawn: 0, questionsAnonymised: 0, aspirationsWithdrawn: 2, aspirationsAnonymised: 2, contactsRemoved: 3 });
    expect(list.map((a) => a.id)).toEqual(['b', 'c', 'e']);
    expect(list.slice(0, 2).map((a) => [a.contact, a.submittedBy])).toEqual([[null, null], [null, null]]);
    expect(list[2]!.contact?.name).toBe('Bu Ani');
  });
});

describe('hapus kontak', () => {
  it('needs the planner\'s desk and a known usulan; keeps the usulan', () => {
    const list = [usulan('a')];
    const ctx = makeCtx();
    expect(removeContact(list, host, 'a', ctx)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(removeContact(list, planner, 'x', ctx)).toMatchObject({ ok: false, error: { code: 'aspiration_not_found' } });
    expect(list[0]!.contact).not.toBeNull();
    expect(unwrap(removeContact(list, planner, 'a', ctx))).toMatchObject({ id: 'a', contact: null, text: 'Usulan a' });
  });
});

describe('contact retention', () => {
  it('removes a contact exactly when it is `days` old, and one whose consent time is unreadable', () => {
    const list = [
      usulan('due', { contact: { name: 'A', phone: null, consentAt: '2026-01-01T00:00:00.000Z' } }),
      usulan('young', { contact: { name: 'B', phone: null, consentAt: '2026-01-01T00:00:00.001Z' } }),
      usulan('bad', { contact: { name: 'C', phone: null, consentAt: 'kemarin' } }),
    ];
    expect(unwrap(expireContacts(list, '2026-01-31T00:00:00.000Z', 30))).toBe(2);
    expect(list.map((a) => a.contact?.name ?? null)).toEqual([null, 'B', null]);
  });

  it('reads CONTACT_RETENTION_DAYS as whole days from 1 to 36,500', () => {
    expect(['365', ' 30 ', '1', '36500'].map(parseRetentionDays)).toEqual([365, 30, 1, 36500]);
    expect(['0', '-5', '1.5', 'abc', '', '36501', '1e3'].map(parseRetentionDays)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('an episode deleted', () => {
  it('deletes its usulan except forwarded ones and merge targets (kept without contact); others forget the deleted sources', () => {
    const list = [
      usulan('a'), usulan('fwd', { status: 'diteruskan' }), usulan('src', { status: 'digabung', mergedInto: 'elsewhere' }),
      usulan('elsewhere', { episodeId: 'ep2', mergedFrom: ['src'] }),
    ];
    expect(unwrap(aspirationsOfDeletedEpisode(list, 'ep1', makeCtx()))).toEqual({ removed: 2, kept: 1 });
    expect(list.map((a) => a.id)).toEqual(['fwd', 'elsewhere']);
    expect(list[0]!.contact).toBeNull();
    expect(list[1]!.mergedFrom).toEqual([]);
    expect(list[1]!.contact).not.toBeNull();
  });
});
