import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import { addMember, isMember } from './members.ts';
import type { Ctx, Result } from './result.ts';
import { LIMITS } from '../contract/text.ts';
import { lines, requiredLine } from '../contract/lines.ts';
import { isRecordingUrl } from '../contract/recording-url.ts';
import { isValidTimeZone, toInstant } from '../contract/zone.ts';
import { closeOpenPolls } from './poll.ts';
import type { Change } from './changes.ts';
import type { Actor, Episode, EpisodeInfo, EpisodeInput, Speaker } from '../contract/types.ts';

/** Checks and normalises episode fields; keeps speaker ids that exist, mints the rest. */
export function validateEpisodeInfo(input: EpisodeInput, ctx: Ctx, previous?: Speaker[]): Result<EpisodeInfo> {
  const f = lines({
    series: [input.series, LIMITS.episodeField, 'Nama acara'],
    title: [input.title, LIMITS.episodeField, 'Judul episode'],
    partners: [input.partners, LIMITS.episodeField, 'Mitra', 'optional'],
    place: [input.place, LIMITS.episodeField, 'Tempat', 'optional'],
  });
  if (!f.ok) return f;
  if (!isValidTimeZone(input.timeZone)) return fail('invalid_time_zone');
  const startsAt = toInstant(input.startsAt, input.timeZone);
  if (!startsAt) return fail('invalid_date', '(waktu mulai)');
  let endsAt: string | null = null;
  if (input.endsAt) {
    endsAt = toInstant(input.endsAt, input.timeZone);
    if (!endsAt || endsAt < startsAt) return fail('invalid_date', '(waktu selesai harus setelah waktu mulai)');
  }
  let recordingUrl: string | null = null;
  if (input.recordingUrl && input.recordingUrl.trim()) {
    recordingUrl = input.recordingUrl.trim();
    if (!isRecordingUrl(recordingUrl)) {
      return fail('invalid_payload', 'Tautan rekaman harus diawali http:// atau https://.');
    }
  }
  const hosts: string[] = [];
  for (const raw of input.hosts ?? []) {
    const h = requiredLine(raw, LIMITS.name, 'Nama pemandu');
    if (!h.ok) return h;
    hosts.push(h.text);
  }
  const speakers: Speaker[] = [];
  const known = new Set((previous ?? []).map((s) => s.id));
  for (const raw of input.speakers ?? []) {
    const sp = lines({
      fullName: [raw.fullName, LIMITS.episodeField, 'Nama lengkap pembicara'],
      shortName: [raw.shortName, LIMITS.name, 'Nama panggilan pembicara'],
      position: [raw.position, LIMITS.episodeField, 'Jabatan', 'optional'],
      agency: [raw.agency, LIMITS.episodeField, 'Instansi', 'optional'],
    });
    if (!sp.ok) return sp;
    const { fullName, shortName, position, agency } = sp.values;
    const id = raw.id && known.has(raw.id) ? raw.id : ctx.newId();
    speakers.push({ id, fullName, shortName, position: position ?? '', agency: agency ?? '' });
  }
  if (new Set(speakers.map((s) => s.shortName.toLowerCase())).size !== speakers.length) {
    return fail('invalid_payload', 'Nama panggilan pembicara harus berbeda satu sama lain.');
  }
  return ok({
    series: f.values.series,
    partners: f.values.partners ?? '',
    number: input.number ?? null,
    title: f.values.title,
    place: f.values.place ?? '',
    startsAt,
    timeZone: input.timeZone,
    endsAt,
    recordingUrl,
    hosts,
    speakers,
    premoderation: input.premoderation ?? true,
  });
}

export function createEpisode(actor: Actor, input: EpisodeInput, code: string, ctx: Ctx): Result<Episode> {
  if (!can(actor, 'episode.create')) return fail('not_allowed');
  const info = validateEpisodeInfo(input, ctx);
  if (!info.ok) return info;
  return ok({
    ...info.value,
    id: ctx.newId(),
    code,
    status: 'draft',
    createdAt: ctx.now,
    startedAt: null,
    endedAt: null,
    questions: [],
    notes: [],
    closing: [],
    listeners: [],
    archived: null,
  });
}

export function infoOf(e: Episode): EpisodeInfo {
  const { series, partners, number, title, place, startsAt, timeZone, endsAt, recordingUrl, hosts, speakers, premoderation } = e;
  return { series, partners, number, title, place, startsAt, timeZone, endsAt, recordingUrl, hosts, speakers, premoderation };
}

function episodeChange(e: Episode) {
  return { kind: 'episode' as const, info: infoOf(e), status: e.status };
}

export function editEpisode(e: Episode, actor: Actor, input: Partial<EpisodeInput>, ctx: Ctx): Result<Episode> {
  if (!can(actor, 'episode.edit')) return fail('not_allowed');
  if (e.status === 'ended') return fail('episode_ended');
  // An edit names only what changes: omitted fields keep their values (a PATCH must not
  // silently switch pre-moderation back on or drop the speakers mid-show).
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const info = validateEpisodeInfo({ ...(infoOf(e) as EpisodeInput), ...given }, ctx, e.speakers);
  if (!info.ok) return info;
  const removed = e.speakers.filter((s) => !info.value.speakers.some((n) => n.id === s.id)).map((s) => s.id);
  const inUse = e.notes.some((n) => n.by.kind === 'speakers' && n.by.speakerIds.some((id) => removed.includes(id)))
    || e.closing.some((c) => removed.includes(c.speakerId));
  if (inUse) return fail('invalid_payload', 'Pembicara yang sudah punya catatan tidak bisa dihapus.');
  Object.assign(e, info.value);
  return ok(e, [episodeChange(e)]);
}

export function setPremoderation(e: Episode, actor: Actor, on: boolean): Result<Episode> {
  if (!can(actor, 'episode.moderation')) return fail('not_allowed');
  if (e.status === 'ended') return fail('episode_ended');
  e.premoderation = on;
  return ok(e, [episodeChange(e)]);
}

export function startEpisode(e: Episode, actor: Actor, ctx: Ctx): Result<Episode> {
  if (!can(actor, 'episode.start')) return fail('not_allowed');
  if (e.status !== 'draft') return fail('episode_not_draft');
  e.status = 'live';
  e.startedAt = ctx.now;
  return ok(e, [episodeChange(e)]);
}

/** Ends the show. A question still on air counts as answered: it was discussed. An open poll closes. */
export function endEpisode(e: Episode, actor: Actor, ctx: Ctx): Result<Episode> {
  if (!can(actor, 'episode.end')) return fail('not_allowed');
  if (e.status !== 'live') return fail('episode_not_live');
  const changes: Change[] = [];
  for (const q of e.questions) {
    if (q.status === 'on_air') {
      q.status = 'answered';
      q.answeredAt = ctx.now;
      changes.push({ kind: 'question' as const, question: q });
    }
  }
  for (const poll of closeOpenPolls(e, ctx.now)) changes.push({ kind: 'poll', poll });
  e.status = 'ended';
  e.endedAt = ctx.now;
  return ok(e, [...changes, episodeChange(e)]);
}

export function deleteEpisode(e: Episode, actor: Actor): Result<Episode> {
  if (!can(actor, 'episode.delete')) return fail('not_allowed');
  if (e.status === 'live') return fail('episode_live');
  return ok(e);
}

/** Records a listener joining; counted once per listener for the notula's figures. */
export function joinListener(e: Episode, listenerId: string): Result<boolean> {
  if (e.status === 'ended' || isMember(e.listeners, listenerId)) return ok(false);
  addMember(e.listeners, listenerId);
  return ok(true, [{ kind: 'listeners', count: e.listeners.length, listenerId }]);
}
