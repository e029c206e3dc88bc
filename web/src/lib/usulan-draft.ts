// An usulan as it is being typed, shared by the listener's form and the screener's
// type-in: what the page checks before sending (the server checks the rest: RT/RW,
// phone, the district's lists), which field a refusal is about, and what is sent.
import { LIMITS, normalizeLine } from '$contract/text.ts';
import type { Payload } from '$contract/events.ts';

export interface UsulanDraft {
  text: string;
  problem: string;
  dimension: string;
  kecamatan: string;
  desa: string;
  rtRw: string;
  /** Agreed to be contacted; without it name and phone are neither shown nor sent. */
  consent: boolean;
  name: string;
  phone: string;
}

export type UsulanField = 'text' | 'problem' | 'dimension' | 'kecamatan' | 'desa' | 'rtrw' | 'consent' | 'name' | 'phone';
/** The order of the fields on the page: the first one with a problem gets the focus. */
export const FIELD_ORDER: readonly UsulanField[] = ['text', 'problem', 'dimension', 'kecamatan', 'desa', 'rtrw', 'consent', 'name', 'phone'];

/** What an usulan says, where, and who may be contacted: the common part of aspiration:submit and aspiration:enter. */
export type UsulanPayload = Omit<Payload<'aspiration:submit'>, 'episodeId'>;

/** A page's translator, narrowed to the words a helper needs. */
export type Words<K extends string> = (key: K, vars?: Record<string, string | number>) => string;
export type CheckWord = 'needText' | 'needProblem' | 'needDimension' | 'needKecamatan' | 'needDesa' | 'tooLong';

/** The page's problem for a field, or '' when the server refused that field (its message is shown once, under the form). */
export type FieldErrors = Partial<Record<UsulanField, string>>;

export function emptyDraft(): UsulanDraft {
  return { text: '', problem: '', dimension: '', kecamatan: '', desa: '', rtRw: '', consent: false, name: '', phone: '' };
}

/** Characters as the server counts them: after normalising, in code points. */
export function textLength(raw: string): number {
  return [...normalizeLine(raw)].length;
}

/** Over-long text is flagged while typing; missing answers only after a first try. */
export function draftProblems(d: UsulanDraft, tried: boolean, w: Words<CheckWord>): FieldErrors {
  const found: FieldErrors = {};
  const size = (raw: string, max: number, empty: string) => {
    const n = textLength(raw);
    return n > max ? w('tooLong', { n: n - max }) : tried && n === 0 ? empty : undefined;
  };
  const text = size(d.text, LIMITS.aspirationText, w('needText'));
  const problem = size(d.problem, LIMITS.aspirationProblem, w('needProblem'));
  if (text) found.text = text;
  if (problem) found.problem = problem;
  if (tried && !d.dimension) found.dimension = w('needDimension');
  if (tried && !d.kecamatan) found.kecamatan = w('needKecamatan');
  if (tried && !d.desa) found.desa = w('needDesa');
  return found;
}

export function firstProblem(errors: FieldErrors): UsulanField | undefined {
  return FIELD_ORDER.find((f) => errors[f] !== undefined);
}

const FIELD_OF: Record<string, UsulanField> = {
  invalid_rt_rw: 'rtrw', invalid_phone: 'phone', consent_required: 'consent', unknown_dimension: 'dimension',
  unknown_kecamatan: 'kecamatan', unknown_desa: 'desa', desa_outside_kecamatan: 'desa',
};

/** Which field a refusal is about, so it can be marked and focused. */
export function refusedField(error: { code: string; message: string }): UsulanField | null {
  const byCode = FIELD_OF[error.code];
  if (byCode) return byCode;
  if (!error.code.startsWith('text_')) return null;
  // Text refusals name the field in their message: "(Usulan)", "Permasalahan paling banyak…", "Nama…".
  if (error.message.includes('Permasalahan')) return 'problem';
  if (error.message.includes('Nama')) return 'name';
  return 'text';
}

/** The page's problems, plus '' on the field the server refused. */
export function fieldErrors(problems: FieldErrors, refused: UsulanField | null): FieldErrors {
  return refused && problems[refused] === undefined ? { ...problems, [refused]: '' } : problems;
}

/** What is sent. Without consent nothing personal leaves the page, whatever was typed. */
export function draftPayload(d: UsulanDraft): UsulanPayload {
  return {
    text: d.text, problem: d.problem, dimension: d.dimension, kecamatan: d.kecamatan, desa: d.desa,
    rtRw: d.rtRw.trim() || null,
    ...(d.consent ? { name: d.name.trim() || null, phone: d.phone.trim() || null, consent: true } : {}),
  };
}
