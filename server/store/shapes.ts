// The shapes of the data files, checked when they are loaded. Loose objects: a field the
// server adds later (or another version wrote) is kept, but every field the code reads
// must be there with its type, so a wrongly shaped file is caught at start, not as a 500
// in the middle of a show. Only polls and archivedAspirations are optional: episodes
// written before polls existed lack them.
import { readJsonFile } from './recovery.ts';
import * as v from 'valibot';
import { ASPIRATION_STATUSES, CHANNELS, EPISODE_STATUSES, POLL_KINDS, QUESTION_STATUSES, ROLES } from '../contract/types.ts';
import { ID_PATTERN } from '../contract/ids.ts';

const str = v.string();
const nstr = v.nullable(v.string());
const num = v.number();
const strings = v.array(str);

const speaker = v.looseObject({ id: str, fullName: str, shortName: str, position: str, agency: str });
const question = v.looseObject({
  id: str, text: str, channel: v.picklist(CHANNELS), askerName: nstr, askerLocation: nstr, status: v.picklist(QUESTION_STATUSES),
  askedBy: nstr, voters: strings, createdAt: str, onAirAt: nstr, answeredAt: nstr, mergedInto: nstr,
});
const attribution = v.variant('kind', [
  v.looseObject({ kind: v.literal('speakers'), speakerIds: strings }),
  v.looseObject({ kind: v.literal('agency'), label: str }),
  v.looseObject({ kind: v.literal('none') }),
]);
const note = v.looseObject({ id: str, questionId: nstr, by: attribution, text: str, createdAt: str, updatedAt: str });
const closing = v.variant('kind', [
  v.looseObject({ speakerId: str, kind: v.literal('paragraph'), text: str }),
  v.looseObject({ speakerId: str, kind: v.literal('points'), points: strings }),
]);
const poll = v.looseObject({
  id: str, kind: v.picklist(POLL_KINDS), preset: v.nullable(v.literal('satisfaction')), question: str, options: strings,
  status: v.picklist(['open', 'closed']), resultsVisible: v.boolean(), answers: v.record(str, num),
  archivedCounts: v.nullable(v.array(num)), openedAt: str, closedAt: nstr,
});
const audiencePoint = v.looseObject({ at: str, connected: num });
const notulaAspiration = v.looseObject({ id: str, dimension: str, text: str, problem: str, kecamatan: str, desa: str, rtRw: nstr, supports: num });

export const episodeShape = v.looseObject({
  id: v.pipe(str, v.regex(ID_PATTERN)), code: str, status: v.picklist(EPISODE_STATUSES),
  series: str, partners: str, number: v.nullable(num), title: str, place: str, startsAt: str, timeZone: str, endsAt: nstr,
  recordingUrl: nstr, hosts: strings, speakers: v.array(speaker), premoderation: v.boolean(),
  createdAt: str, startedAt: nstr, endedAt: nstr,
  questions: v.array(question), notes: v.array(note), closing: v.array(closing), listeners: strings,
  archived: v.nullable(v.looseObject({ questionsReceived: num, listeners: num })),
  polls: v.optional(v.array(poll)), archivedAspirations: v.optional(v.array(notulaAspiration)),
  audience: v.optional(v.looseObject({ samples: v.array(audiencePoint), peak: v.nullable(audiencePoint) })),
});

export const indexShape = v.looseObject({
  version: v.literal(1),
  episodes: v.array(v.looseObject({ id: str, code: str, title: str, status: v.picklist(EPISODE_STATUSES), file: str })),
});

const region = v.looseObject({ code: str, name: str });
export const districtShape = v.looseObject({
  version: v.literal(1),
  district: v.looseObject({
    name: str, code: nstr, timeZone: str, dimensions: v.array(region),
    kecamatan: v.array(v.looseObject({ code: str, name: str, desa: v.array(region) })),
  }),
  /** The admin's OPD list; files from before it existed have none (the default list is used). */
  opd: v.optional(strings),
});

export const aspirationShape = v.looseObject({
  id: str, episodeId: str, text: str, problem: str, dimension: str, kecamatan: str, desa: str, rtRw: nstr,
  channel: v.picklist(CHANNELS), submittedBy: nstr, questionId: nstr,
  contact: v.nullable(v.looseObject({ name: nstr, phone: nstr, consentAt: str })),
  supporters: strings, status: v.picklist(ASPIRATION_STATUSES), rejectReason: nstr, mergedInto: nstr, mergedFrom: strings,
  notes: v.array(v.looseObject({ id: str, staffId: str, by: str, text: str, createdAt: str })),
  // Written since issue 10: usulan from before have none.
  plan: v.optional(v.looseObject({ volume: v.nullable(num), satuan: nstr, perkiraanBiaya: v.nullable(num), opdTujuan: nstr })),
  // Written since issue 12: usulan from before have none.
  history: v.optional(v.array(v.looseObject({ at: str, status: v.picklist(ASPIRATION_STATUSES), reason: v.optional(str), mergedInto: v.optional(str) }))),
  createdAt: str, updatedAt: str,
});
/** The list is checked item by item (see AspirationStore): one bad usulan must not cost the others. */
export const aspirationsFileShape = v.looseObject({ version: v.literal(1), aspirations: v.array(v.unknown()) });

export const staffShape = v.looseObject({
  version: v.literal(1),
  listenerSecret: v.pipe(str, v.minLength(16)),
  staff: v.array(v.looseObject({
    id: str, username: str, name: str, role: v.picklist(ROLES), passwordHash: str, createdAt: str, disabled: v.boolean(),
    mustChangePassword: v.optional(v.boolean()),
  })),
  sessions: v.array(v.looseObject({ tokenHash: str, staffId: str, expiresAt: str })),
});

/** Where and what: `questions.0: expected Object but received null` (first issue only). */
export function shapeProblem(schema: v.GenericSchema, data: unknown): string | null {
  const r = v.safeParse(schema, data);
  if (r.success) return null;
  const issue = r.issues[0]!;
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${issue.message}`.slice(0, 200);
}

/**
 * Reads a JSON data file and checks its shape: `raw` null when there is no file (not a
 * problem), `problem` in words when it cannot be parsed or is wrongly shaped.
 */
export async function readShaped(path: string, schema: v.GenericSchema): Promise<{ raw: unknown; problem: string | null }> {
  try {
    const raw = await readJsonFile(path);
    return { raw, problem: raw === null ? null : shapeProblem(schema, raw) };
  } catch (err) {
    return { raw: undefined, problem: err instanceof Error ? err.message.split('\n')[0]!.slice(0, 160) : String(err) };
  }
}

/** data/readers.json (store/readers.ts): views and reader-poll votes per published episode. */
export const readerShape = v.looseObject({
  version: v.literal(1),
  episodes: v.record(str, v.looseObject({ views: num, votes: v.record(str, num) })),
});

/** data/intake.json (store/intake.ts): the SMS/WhatsApp settings, deliveries seen, numbers that said BERHENTI. */
export const intakeShape = v.looseObject({
  version: v.literal(1),
  settings: v.record(str, v.nullable(v.string())),
  seen: v.record(str, str),
  stopped: strings,
  health: v.record(str, v.looseObject({ lastMessageAt: nstr, lastErrorAt: nstr, lastError: nstr })),
});

/** data/moderation.json (store/moderation.ts): the admin's changes to the word list. */
export const moderationShape = v.looseObject({
  version: v.literal(1),
  add: strings,
  remove: strings,
  blocked: v.optional(v.record(str, v.looseObject({ id: str, at: str, episodeId: str, sample: str }))),
});
