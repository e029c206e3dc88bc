// The usulan draft shared by the listener's form and the screener's type-in: the page's
// checks, which field a refusal is about, and that nothing personal is sent without consent.
import { describe, expect, it } from 'vitest';
import { draftPayload, draftProblems, emptyDraft, fieldErrors, firstProblem, refusedField } from '../../web/src/lib/usulan-draft.ts';
import type { CheckWord } from '../../web/src/lib/usulan-draft.ts';

const words = (key: CheckWord, vars?: Record<string, string | number>) => (vars ? `${key} ${JSON.stringify(vars)}` : key);
const filled = () => ({ ...emptyDraft(), text: 'Lampu jalan', problem: 'Gelap', dimension: 'living', kecamatan: '99.01.01', desa: '99.01.01.2002' });

describe('usulan draft', () => {
  it('flags missing answers only after a first try, over-long text at once', () => {
    expect(draftProblems(emptyDraft(), false, words)).toEqual({});
    const tried = draftProblems(emptyDraft(), true, words);
    expect(tried).toEqual({ text: 'needText', problem: 'needProblem', dimension: 'needDimension', kecamatan: 'needKecamatan', desa: 'needDesa' });
    expect(firstProblem(tried)).toBe('text');
    // Counted as the server counts: whitespace runs are one space, emoji one character.
    const long = { ...emptyDraft(), problem: `${'🙂'.repeat(500)}   x` };
    expect(draftProblems(long, false, words)).toEqual({ problem: 'tooLong {"n":2}' });
    expect(draftProblems(filled(), true, words)).toEqual({});
  });

  it('names the field a refusal is about', () => {
    expect(refusedField({ code: 'invalid_phone', message: 'x' })).toBe('phone');
    expect(refusedField({ code: 'desa_outside_kecamatan', message: 'x' })).toBe('desa');
    expect(refusedField({ code: 'text_empty', message: 'Teks tidak boleh kosong. (Permasalahan)' })).toBe('problem');
    expect(refusedField({ code: 'text_too_long', message: 'Nama paling banyak 80 karakter.' })).toBe('name');
    expect(refusedField({ code: 'text_empty', message: 'Teks tidak boleh kosong. (Usulan)' })).toBe('text');
    expect(refusedField({ code: 'episode_not_live', message: 'x' })).toBeNull();
    expect(fieldErrors({ text: 'a' }, 'phone')).toEqual({ text: 'a', phone: '' });
    expect(fieldErrors({ phone: 'a' }, 'phone')).toEqual({ phone: 'a' });
  });

  it('sends name and phone only with consent', () => {
    const typed = { ...filled(), rtRw: '  ', name: 'Pak Karto', phone: '0813 9999 0000' };
    expect(draftPayload(typed)).toEqual({
      text: 'Lampu jalan', problem: 'Gelap', dimension: 'living', kecamatan: '99.01.01', desa: '99.01.01.2002', rtRw: null,
    });
    expect(draftPayload({ ...typed, consent: true, name: ' ' })).toMatchObject({ name: null, phone: '0813 9999 0000', consent: true });
  });
});
