// Aspirations (usulan) for the musrenbang: listeners submit them during a show, staff type
// in the ones that came by phone or SMS or turn an on-air question into one, listeners
// support them, and planners review them across episodes. Every rule checks everything
// before it changes anything, so a refused command leaves the list exactly as it was.
import type { AspirationChange } from './changes.ts';
import { UNASSIGNED_DIMENSION } from '../contract/dimensions.ts';
import { findDesa, findKecamatan, isSampleRegion } from './district.ts';
import type { InUse } from './district.ts';
import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import type { Ctx, Result } from './result.ts';
import { findQuestion } from './question.ts';
import { incomingFlags, postings } from './moderation/incoming.ts';
import { LIMITS } from '../contract/text.ts';
import { lines, optionalLine, requiredLine } from '../contract/lines.ts';
import type {
  Actor, Aspiration, AspirationContact, AspirationNote, AspirationStatus, AspirationStatusEntry, Channel, District, Episode, Id,
} from '../contract/types.ts';

/** Statuses in which other listeners see an aspiration and may support it. */
export const ASPIRATION_OPEN: ReadonlySet<AspirationStatus> = new Set(['baru', 'ditinjau', 'diteruskan']);

export const ASPIRATION_STATUS_LABELS: Record<AspirationStatus, string> = {
  baru: 'Baru',
  ditinjau: 'Ditinjau',
  diteruskan: 'Diteruskan ke musrenbang',
  ditolak: 'Ditolak',
  digabung: 'Digabung',
};

/** What the usulan says and where: the same for every way it arrives. */
export interface AspirationFields {
  text: string;
  problem: string;
  dimension: string;
  kecamatan: string;
  desa: string;
  rtRw?: string | null;
}

export interface ContactInput {
  name?: string | null;
  phone?: string | null;
  /** The listener agreed to be contacted; without it, no name or phone is kept. */
  consent?: boolean;
}

export type AspirationInput = AspirationFields & ContactInput;

type Failure = ReturnType<typeof fail>;
type Checked<T> = { ok: true; value: T } | Failure;

export function findAspiration(list: readonly Aspiration[], id: Id): Aspiration | undefined {
  return list.find((a) => a.id === id);
}

/**
 * The usulan's status history. One saved before the history existed gets what is known of it:
 * it came in as "baru", and reached its present status (if another) by its last change.
 */
export function historyOf(a: Aspiration): AspirationStatusEntry[] {
  if (a.history) return a.history;
  const start: AspirationStatusEntry = { at: a.createdAt, status: 'baru' };
  return a.status === 'baru' ? [start] : [start, statusEntry(a.updatedAt, a.status, a.rejectReason, a.mergedInto)];
}

function statusEntry(at: string, status: AspirationStatus, reason: string | null, mergedInto: Id | null): AspirationStatusEntry {
  return { at, status, ...(reason !== null && status === 'ditolak' ? { reason } : {}), ...(mergedInto !== null && status === 'digabung' ? { mergedInto } : {}) };
}

/** Appends the usulan's present status to its history (append only: earlier steps stay as they were). */
function recordStatus(a: Aspiration, at: string): void {
  a.history = [...historyOf(a), statusEntry(at, a.status, a.rejectReason, a.mergedInto)];
}

export function supportCount(a: Aspiration): number {
  return a.supporters.length;
}

/** "3/5", "RT 03 RW 05", "003 / 005" → "003/005". */
export function normalizeRtRw(raw: string): string | null {
  const m = /^(?:rt\.?\s*)?(\d{1,3})\s*(?:\/|\s|-)\s*(?:rw\.?\s*)?(\d{1,3})$/i.exec(raw.trim());
  if (!m) return null;
  const [rt, rw] = [Number(m[1]), Number(m[2])];
  if (rt < 1 || rw < 1) return null;
  return `${String(rt).padStart(3, '0')}/${String(rw).padStart(3, '0')}`;
}

/** "+62 812-3456-7890", "0812 3456 7890" → "081234567890". Indonesian numbers only. */
export function normalizePhone(raw: string): string | null {
  let s = raw.replace(/[\s().-]/g, '');
  if (s.startsWith('+62')) s = `0${s.slice(3)}`;
  else if (s.startsWith('62')) s = `0${s.slice(2)}`;
  return /^0\d{8,12}$/.test(s) ? s : null;
}

/** Checks text, dimension and place against the district's lists. */
export function checkFields(district: District, input: AspirationFields): Checked<Omit<AspirationFields, 'rtRw'> & { rtRw: string | null }> {
  const f = lines({ text: [input.text, LIMITS.aspirationText, 'Usulan'], problem: [input.problem, LIMITS.aspirationProblem, 'Permasalahan'] });
  if (!f.ok) return f;
  if (!district.dimensions.some((d) => d.code === input.dimension)) return fail('unknown_dimension');
  const kecamatan = findKecamatan(district, input.kecamatan);
  if (!kecamatan) return fail('unknown_kecamatan');
  const desa = findDesa(district, input.desa);
  if (!desa) return fail('unknown_desa');
  if (desa.kecamatan.code !== kecamatan.code) {
    return fail('desa_outside_kecamatan', `(${desa.desa.name} ada di Kecamatan ${desa.kecamatan.name}, bukan ${kecamatan.name}.)`);
  }
  let rtRw: string | null = null;
  if (input.rtRw != null && input.rtRw.trim() !== '') {
    rtRw = normalizeRtRw(input.rtRw);
    if (!rtRw) return fail('invalid_rt_rw');
  }
  return { ok: true, value: { ...f.values, dimension: input.dimension, kecamatan: kecamatan.code, desa: desa.desa.code, rtRw } };
}

function checkContact(input: ContactInput, ctx: Ctx): Checked<AspirationContact | null> {
  const name = optionalLine(input.name, LIMITS.name, 'Nama');
  if (!name.ok) return name;
  let phone: string | null = null;
  if (input.phone != null && input.phone.trim() !== '') {
    phone = normalizePhone(input.phone);
    if (!phone) return fail('invalid_phone');
  }
  if (name.text === null && phone === null) return { ok: true, value: null };
  if (input.consent !== true) return fail('consent_required');
  return { ok: true, value: { name: name.text, phone, consentAt: ctx.now } };
}

/** One more than the highest short number of the episode's usulan ("U3"). */
export function nextAspirationNumber(list: readonly Aspiration[], episodeId: Id): number {
  let max = 0;
  for (const a of list) if (a.episodeId === episodeId && a.number && a.number > max) max = a.number;
  return max + 1;
}

function create(
  list: Aspiration[], district: District, e: Episode, input: AspirationInput, ctx: Ctx,
  origin: { channel: Channel; submittedBy: Id | null; questionId: Id | null },
): Result<Aspiration> {
  const fields = checkFields(district, input);
  if (!fields.ok) return fields;
  const contact = checkContact(input, ctx);
  if (!contact.ok) return contact;
  const flags = origin.submittedBy ? usulanFlags(list, e.id, origin.submittedBy, fields.value.text, fields.value.problem, ctx) : [];
  const a: Aspiration = {
    id: ctx.newId(), number: nextAspirationNumber(list, e.id), episodeId: e.id, ...fields.value, ...origin, contact: contact.value,
    supporters: [], status: 'baru', rejectReason: null, mergedInto: null, mergedFrom: [], notes: [],
    history: [{ at: ctx.now, status: 'baru' }], createdAt: ctx.now, updatedAt: ctx.now,
    ...(flags.length ? { flags } : {}),
    ...(origin.submittedBy && ctx.blocked?.has(origin.submittedBy) ? { blocked: true } : {}),
  };
  list.push(a);
  return ok(a, [{ kind: 'aspiration', aspiration: a }]);
}

function requireLive(e: Episode): Failure | null {
  if (e.status === 'ended') return fail('episode_ended');
  if (e.status !== 'live') return fail('episode_not_live');
  return null;
}

/** A listener submits an usulan from the listener page while the show is live. */
export function submitAspiration(list: Aspiration[], district: District, e: Episode, actor: Actor, input: AspirationInput, ctx: Ctx): Result<Aspiration> {
  if (actor.kind !== 'listener') return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  // A retry after "mungkin sudah tersimpan" gets the first usulan back (written again), not a second one.
  const fields = checkFields(district, input);
  const contact = checkContact(input, ctx);
  const f = fields.ok ? fields.value : null;
  const c = contact.ok ? contact.value : undefined;
  const again = f && c !== undefined && list.find((a) => a.episodeId === e.id && a.submittedBy === actor.listenerId && a.status === 'baru'
    && a.text === f.text && a.problem === f.problem && a.dimension === f.dimension && a.kecamatan === f.kecamatan && a.desa === f.desa
    && a.rtRw === f.rtRw && (a.contact?.name ?? null) === (c?.name ?? null) && (a.contact?.phone ?? null) === (c?.phone ?? null));
  if (again) return ok(again, [{ kind: 'aspiration', aspiration: again }]);
  return create(list, district, e, input, ctx, { channel: 'web', submittedBy: actor.listenerId, questionId: null });
}

/**
 * A listener texts an usulan (USUL <desa>: <usulan>): the desa already matched against the
 * district's list (domain/intake/desa.ts), no dimension (the planner assigns it on the desk),
 * no problem written out, no contact: a number is kept only as a keyed hash.
 */
export function textedAspiration(
  list: Aspiration[], district: District, e: Episode, actor: Actor, input: { desa: string; text: string }, channel: Channel, ctx: Ctx,
): Result<Aspiration> {
  if (actor.kind !== 'listener') return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  const f = lines({ text: [input.text, LIMITS.aspirationText, 'Usulan'] });
  if (!f.ok) return f;
  const place = findDesa(district, input.desa);
  if (!place) return fail('unknown_desa');
  const again = list.find((a) => a.episodeId === e.id && a.submittedBy === actor.listenerId && a.status === 'baru' && a.text === f.values.text && a.desa === place.desa.code);
  if (again) return ok(again, [{ kind: 'aspiration', aspiration: again }]);
  const a: Aspiration = {
    id: ctx.newId(), number: nextAspirationNumber(list, e.id), episodeId: e.id, text: f.values.text, problem: '',
    dimension: UNASSIGNED_DIMENSION, kecamatan: place.kecamatan.code, desa: place.desa.code, rtRw: null,
    channel, submittedBy: actor.listenerId, questionId: null, contact: null,
    supporters: [], status: 'baru', rejectReason: null, mergedInto: null, mergedFrom: [], notes: [],
    history: [{ at: ctx.now, status: 'baru' }], createdAt: ctx.now, updatedAt: ctx.now,
  };
  const flags = usulanFlags(list, e.id, actor.listenerId, a.text, '', ctx);
  if (flags.length) a.flags = flags;
  if (ctx.blocked?.has(actor.listenerId)) a.blocked = true;
  list.push(a);
  return ok(a, [{ kind: 'aspiration', aspiration: a }]);
}

/** Flags on a listener's usulan, among the episode's recent usulan (domain/moderation). */
function usulanFlags(list: readonly Aspiration[], episodeId: Id, author: Id, text: string, problem: string, ctx: Ctx) {
  const recent = list.filter((x) => x.episodeId === episodeId);
  return incomingFlags(
    { author, at: ctx.now, text: problem ? `${text} \n ${problem}` : text, body: text },
    postings(recent, (x) => ({ author: x.submittedBy, at: x.createdAt, text: x.text })),
    ctx.lexicon,
  );
}

/** The usulan a listener names by its short number in the episode ("DUKUNG U3"). */
export function aspirationByNumber(list: readonly Aspiration[], episodeId: Id, n: number): Aspiration | undefined {
  return list.find((a) => a.episodeId === episodeId && a.number === n);
}

/** A screener types in an usulan that came by phone, SMS, WhatsApp…, during or after the show. */
export function enterAspiration(
  list: Aspiration[], district: District, e: Episode, actor: Actor, input: AspirationInput & { channel: Channel }, ctx: Ctx,
): Result<Aspiration> {
  if (!can(actor, 'aspiration.submit')) return fail('not_allowed');
  if (e.status === 'draft') return fail('episode_not_live');
  return create(list, district, e, input, ctx, { channel: input.channel, submittedBy: null, questionId: null });
}

/**
 * Turns a question that went on air into an usulan. The text defaults to the question's;
 * its asker follows the usulan's status as their own. Asker names are not consent to be
 * contacted, so no contact is carried over.
 */
export function aspirationFromQuestion(
  list: Aspiration[], district: District, e: Episode, actor: Actor, questionId: Id,
  input: Omit<AspirationFields, 'text'> & { text?: string | null }, ctx: Ctx,
): Result<Aspiration> {
  if (!can(actor, 'aspiration.submit')) return fail('not_allowed');
  if (e.status === 'draft') return fail('episode_not_live');
  const q = findQuestion(e, questionId);
  if (!q) return fail('question_not_found');
  if (q.status !== 'on_air' && q.status !== 'answered') {
    return fail('invalid_transition', 'Hanya pertanyaan yang sedang atau sudah mengudara yang bisa dijadikan usulan.');
  }
  if (list.some((a) => a.episodeId === e.id && a.questionId === q.id)) return fail('already_converted');
  const text = input.text != null && input.text.trim() !== '' ? input.text : q.text;
  return create(list, district, e, { ...input, text }, ctx, { channel: q.channel, submittedBy: q.askedBy, questionId: q.id });
}

/** One support per listener, for an usulan still open. */
export function supportAspiration(list: Aspiration[], actor: Actor, id: Id, ctx?: Pick<Ctx, 'blocked'>): Result<number> {
  if (actor.kind !== 'listener') return fail('not_allowed');
  const a = findAspiration(list, id);
  if (!a) return fail('aspiration_not_found');
  if (!ASPIRATION_OPEN.has(a.status)) return fail('aspiration_closed');
  if (a.supporters.includes(actor.listenerId) || a.suspendedSupporters?.includes(actor.listenerId)) return fail('already_supported');
  if (ctx?.blocked?.has(actor.listenerId)) {
    (a.suspendedSupporters ??= []).push(actor.listenerId);
    return ok(a.supporters.length, [{ kind: 'aspiration', aspiration: a }]);
  }
  a.supporters.push(actor.listenerId);
  return ok(a.supporters.length, [{ kind: 'supports', aspiration: a }]);
}

function resolveAll(list: readonly Aspiration[], ids: readonly Id[]): Checked<Aspiration[]> {
  if (ids.length === 0) return fail('invalid_payload', 'Pilih setidaknya satu usulan.');
  const out: Aspiration[] = [];
  for (const id of new Set(ids)) {
    const a = findAspiration(list, id);
    if (!a) return fail('aspiration_not_found', `(${id})`);
    out.push(a);
  }
  return { ok: true, value: out };
}

/**
 * Sets the status of one or many usulan at once, all or nothing. "ditolak" needs a reason
 * and may be set by any staff who moderates (to hide spam during a show); the other
 * statuses are the planner's. "digabung" comes only from merging.
 */
export function setAspirationStatus(
  list: Aspiration[], actor: Actor, ids: readonly Id[], status: AspirationStatus, reason: string | null | undefined, ctx: Ctx,
): Result<Aspiration[]> {
  if (!can(actor, status === 'ditolak' ? 'aspiration.moderate' : 'aspiration.review')) return fail('not_allowed');
  if (status === 'digabung') return fail('invalid_transition', 'Gunakan "gabungkan" untuk menggabung usulan.');
  let why: string | null = null;
  if (status === 'ditolak') {
    const r = requiredLine(reason ?? '', LIMITS.rejectReason, 'Alasan penolakan');
    if (!r.ok) return r.error.code === 'text_empty' ? fail('reason_required') : r;
    why = r.text;
  }
  const found = resolveAll(list, ids);
  if (!found.ok) return found;
  const closed = found.value.find((a) => a.status === 'digabung');
  if (closed) return fail('aspiration_closed', `(${closed.id})`);
  const changes: AspirationChange[] = [];
  for (const a of found.value) {
    if (a.status === status && a.rejectReason === why) continue;
    // The history of one saved before it existed is derived from the state before this change.
    a.history = historyOf(a);
    a.status = status;
    a.rejectReason = why;
    a.updatedAt = ctx.now;
    recordStatus(a, ctx.now);
    changes.push({ kind: 'aspiration', aspiration: a });
  }
  return ok(found.value, changes);
}

/**
 * Merges duplicates into one usulan, across episodes too. Supporters are combined and
 * each listener counts once; the duplicates become "digabung" and point at the target.
 */
export function mergeAspirations(list: Aspiration[], actor: Actor, sourceIds: readonly Id[], targetId: Id, ctx: Ctx): Result<Aspiration> {
  if (!can(actor, 'aspiration.review')) return fail('not_allowed');
  const target = findAspiration(list, targetId);
  if (!target) return fail('aspiration_not_found', `(${targetId})`);
  const found = resolveAll(list, sourceIds);
  if (!found.ok) return found;
  const closed = (a: Aspiration) => a.status === 'ditolak' || a.status === 'digabung';
  if (closed(target) || found.value.some((s) => s.id === target.id || closed(s))) return fail('aspiration_merge_invalid');
  const seen = new Set(target.supporters);
  const changes: AspirationChange[] = [];
  for (const source of found.value) {
    for (const v of source.supporters) if (!seen.has(v)) { target.supporters.push(v); seen.add(v); }
    source.supporters = [];
    source.history = historyOf(source);
    source.status = 'digabung';
    source.mergedInto = target.id;
    source.updatedAt = ctx.now;
    recordStatus(source, ctx.now);
    target.mergedFrom.push(source.id);
    changes.push({ kind: 'aspiration', aspiration: source });
  }
  target.updatedAt = ctx.now;
  changes.push({ kind: 'aspiration', aspiration: target });
  return ok(target, changes);
}

/** The planner corrects an usulan: wording, dimension or place. Omitted fields stay. */
export function editAspiration(list: Aspiration[], district: District, actor: Actor, id: Id, patch: Partial<AspirationFields>, ctx: Ctx): Result<Aspiration> {
  if (!can(actor, 'aspiration.review')) return fail('not_allowed');
  const a = findAspiration(list, id);
  if (!a) return fail('aspiration_not_found');
  if (a.status === 'digabung') return fail('aspiration_closed');
  const fields = checkFields(district, {
    text: patch.text ?? a.text, problem: patch.problem ?? a.problem, dimension: patch.dimension ?? a.dimension,
    kecamatan: patch.kecamatan ?? a.kecamatan, desa: patch.desa ?? a.desa, rtRw: patch.rtRw === undefined ? a.rtRw : patch.rtRw,
  });
  if (!fields.ok) return fields;
  Object.assign(a, fields.value, { updatedAt: ctx.now });
  return ok(a, [{ kind: 'aspiration', aspiration: a }]);
}

/** A planner's note on an usulan; staff only, never in a public file. */
export function addAspirationNote(list: Aspiration[], actor: Actor, id: Id, text: string, ctx: Ctx): Result<AspirationNote> {
  if (!can(actor, 'aspiration.review') || actor.kind !== 'staff') return fail('not_allowed');
  const a = findAspiration(list, id);
  if (!a) return fail('aspiration_not_found');
  const t = requiredLine(text, LIMITS.plannerNote, 'Catatan');
  if (!t.ok) return t;
  const note: AspirationNote = { id: ctx.newId(), staffId: actor.staffId, by: actor.name, text: t.text, createdAt: ctx.now };
  a.notes.push(note);
  a.updatedAt = ctx.now;
  return ok(note, [{ kind: 'aspiration', aspiration: a }]);
}

/**
 * Dimension and region codes that aspirations use; the district settings must keep them.
 * Usulan in the sample's invented regions are counted apart (see district.ts blockingCodes).
 */
export function codesInUse(list: readonly Aspiration[]): InUse {
  const own = { dimensions: new Set<string>(), kecamatan: new Set<string>(), desa: new Set<string>() };
  const sample = { dimensions: new Set<string>(), kecamatan: new Set<string>(), desa: new Set<string>() };
  for (const a of list) {
    const into = isSampleRegion(a.kecamatan) ? sample : own;
    into.dimensions.add(a.dimension);
    into.kecamatan.add(a.kecamatan);
    into.desa.add(a.desa);
  }
  return { ...own, sample };
}
