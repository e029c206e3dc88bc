// Deterministic fixtures for the pure domain rules: every Episode is built through the
// domain functions themselves, with a clock and id counter the test controls.
import { expect } from 'vitest';
import { createEpisode, startEpisode } from '../../server/domain/episode.ts';
import type { Actor, Channel, Episode, EpisodeInput, Id, Question, Role } from '../../server/contract/types.ts';
import { approveQuestion, askQuestion, submitQuestion } from '../../server/domain/question.ts';
import type { Ctx, Result } from '../../server/domain/result.ts';
import type { ErrorCode } from '../../server/contract/errors.ts';

export const T0 = '2019-03-16T12:00:00.000Z';

export interface TestCtx extends Ctx {
  /** Moves the clock forward by `seconds`. */
  tick(seconds?: number): string;
}

/** A Ctx whose ids are "id-1", "id-2", … and whose clock only moves when told. */
export function makeCtx(start: string = T0): TestCtx {
  let n = 0;
  const ctx: TestCtx = {
    now: start,
    newId: () => `id-${++n}`,
    tick(seconds = 1) {
      ctx.now = new Date(Date.parse(ctx.now) + seconds * 1000).toISOString();
      return ctx.now;
    },
  };
  return ctx;
}

export function staff(role: Role, name = `Petugas ${role}`): Actor {
  return { kind: 'staff', staffId: `staff-${role}`, role, name };
}

export const admin = staff('admin');
export const host = staff('host');
export const screener = staff('screener');
export const notulis = staff('notulis');
export const planner = staff('planner');
export const ALL_STAFF: Actor[] = [admin, host, screener, notulis, planner];

export function listener(id: Id): Actor {
  return { kind: 'listener', listenerId: id };
}

/** The value of a successful result; fails the test with the error code otherwise. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function episodeInput(overrides: Partial<EpisodeInput> = {}): EpisodeInput {
  return {
    series: 'Obrolan Warga – Suara Desa',
    partners: 'Karang Taruna Sukamaju x Radio Swara Lembah FM',
    number: 7,
    title: 'Air Bersih untuk Dusun Atas',
    place: 'Studio Swara Lembah',
    startsAt: '2024-05-04T12:00:00.000Z',
    timeZone: 'Asia/Jakarta',
    endsAt: null,
    recordingUrl: null,
    hosts: ['Mas Dimas', 'Mbak Rara'],
    speakers: [
      { fullName: 'Ir. Hartono Wibisono, M.T.', shortName: 'Pak Har', position: 'Kepala Bidang Air Minum', agency: 'DPUPR' },
      { fullName: 'Ratna Kusumawati, S.K.M.', shortName: 'Bu Ratna', position: 'Kepala Puskesmas', agency: 'Dinas Kesehatan' },
    ],
    ...overrides,
  };
}

export function draftEpisode(ctx: Ctx, overrides: Partial<EpisodeInput> = {}, code = 'ABC234'): Episode {
  return unwrap(createEpisode(host, episodeInput(overrides), code, ctx));
}

export function liveEpisode(ctx: Ctx, overrides: Partial<EpisodeInput> = {}): Episode {
  const e = draftEpisode(ctx, overrides);
  unwrap(startEpisode(e, host, ctx));
  return e;
}

/** A listener's web question, approved by the screener when pre-moderation holds it. */
export function approvedFromListener(e: Episode, ctx: TestCtx, listenerId: Id, text: string): Question {
  ctx.tick();
  const q = unwrap(askQuestion(e, listener(listenerId), { text }, ctx));
  if (q.status === 'pending') unwrap(approveQuestion(e, screener, q.id));
  return q;
}

/** A question typed in by staff (approved at once). */
export function submitted(e: Episode, ctx: TestCtx, text: string, channel: Channel = 'sms'): Question {
  ctx.tick();
  return unwrap(submitQuestion(e, screener, { text, channel }, ctx));
}

/**
 * Asserts a command is refused with `code` and leaves the state (an episode, or every piece of
 * it a command touches) exactly as it was, deep equal: bad input changes nothing.
 */
export function expectRefused<T>(state: unknown, code: ErrorCode, command: () => Result<T>): void {
  const before = structuredClone(state);
  const r = command();
  expect(r.ok, `expected ${code}, got ok`).toBe(false);
  if (!r.ok) expect(r.error.code).toBe(code);
  expect(state).toStrictEqual(before);
}

export function q(e: Episode, id: Id): Question {
  const found = e.questions.find((x) => x.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}
