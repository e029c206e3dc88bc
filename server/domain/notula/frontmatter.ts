// The machine-readable half of a transcript. The body is for people; everything a
// re-import needs that the body does not show lives here.
import { tallyOf } from './tally.ts';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { CHANNELS, EDIT_FIELDS, POLL_KINDS, ROLES } from '../../contract/types.ts';
import type { Channel, EditEntry, EditField, Episode, NotulaAspiration, PollKind, Question, Role, Speaker } from '../../contract/types.ts';
import { pollCounts, pollsOf } from '../poll.ts';
import { FORMAT_VERSION, NotulaError } from './layout.ts';
import { isId } from '../../contract/ids.ts';
import { parseJoinCode } from '../../contract/join-code.ts';
import { isRecordingUrl } from '../../contract/recording-url.ts';

/** The server never writes aliases (aliasDuplicateObjects: false); a few are tolerated, a "billion laughs" is not. */
const MAX_ALIASES = 20;
/** Far above any field the server accepts (notes: 4,000), far below what could hurt. */
const MAX_TEXT = 20_000;

export interface FrontMatterQuestion {
  id: string;
  channel: Channel;
  createdAt: string;
  onAirAt: string | null;
  answeredAt: string | null;
  /** The question as asked, written only when the body shows an editorial heading instead. */
  text?: string;
}

export interface FrontMatter {
  id: string;
  code: string;
  series: string;
  partners: string;
  number: number | null;
  title: string;
  place: string;
  startsAt: string;
  timeZone: string;
  endsAt: string | null;
  recordingUrl: string | null;
  hosts: string[];
  speakers: Speaker[];
  startedAt: string | null;
  endedAt: string | null;
  counts: {
    questionsReceived: number; questionsAnswered: number; listeners: number;
    /** The public tally; absent in transcripts from before it. */
    questionsAired?: number; questionsMerged?: number; questionsAnsweredOffAir?: number; questionsFiltered?: Record<string, number>;
  };
  questions: FrontMatterQuestion[];
  /** Absent in transcripts without polls. */
  polls: FrontMatterPoll[];
  /** The aspiration section as printed; absent when the episode had none. */
  aspirations: NotulaAspiration[];
  /** The edit log of corrections after the show; absent when there were none. */
  edits: EditEntry[];
}

export interface FrontMatterPoll {
  id: string;
  kind: PollKind;
  preset: 'satisfaction' | null;
  question: string;
  options: string[];
  counts: number[];
  openedAt: string;
  closedAt: string | null;
}

/**
 * Front matter text (without the --- fences); keys are written in one fixed order.
 * The long lists (questions, polls, aspirations) are written one JSON object per line,
 * which YAML 1.2 reads as a flow mapping: for 500 questions and 2,000 usulan the yaml
 * library's block style took 87 ms, these lines take 2 ms, and one item stays one line.
 */
export function writeFrontMatter(e: Episode, answered: readonly Question[], aspirations: readonly NotulaAspiration[] = []): string {
  const polls = pollsOf(e);
  const head = {
    kentongan: FORMAT_VERSION,
    id: e.id,
    code: e.code,
    series: e.series,
    partners: e.partners,
    number: e.number,
    title: e.title,
    place: e.place,
    startsAt: e.startsAt,
    timeZone: e.timeZone,
    endsAt: e.endsAt,
    recordingUrl: e.recordingUrl,
    hosts: [...e.hosts],
    speakers: e.speakers.map((s) => ({ id: s.id, fullName: s.fullName, shortName: s.shortName, position: s.position, agency: s.agency })),
    startedAt: e.startedAt,
    endedAt: e.endedAt,
    counts: {
      questionsReceived: e.archived?.questionsReceived ?? e.questions.length,
      questionsAnswered: answered.length,
      listeners: e.archived?.listeners ?? e.listeners.length,
      ...tallyCounts(e),
    },
  };
  // lineWidth 0: no folding, so one value stays on one line and diffs stay small.
  let text = stringify(head, { lineWidth: 0, aliasDuplicateObjects: false });
  text += flowList('questions', answered.map((q) => ({
    id: q.id, channel: q.channel, createdAt: q.createdAt, onAirAt: q.onAirAt, answeredAt: q.answeredAt,
    // The body prints the heading; the words as asked stay here so a re-import keeps both.
    ...(q.heading ? { text: q.text } : {}),
  })));
  // Written only when present, so transcripts from before polls and aspirations keep their bytes.
  if (polls.length) {
    text += flowList('polls', polls.map((p) => ({
      id: p.id, kind: p.kind, preset: p.preset, question: p.question, options: [...p.options], counts: pollCounts(p),
      openedAt: p.openedAt, closedAt: p.closedAt,
    })));
  }
  if (aspirations.length) {
    text += flowList('aspirations', aspirations.map((a) => ({
      id: a.id, dimension: a.dimension, text: a.text, problem: a.problem, kecamatan: a.kecamatan, desa: a.desa, rtRw: a.rtRw, supports: a.supports,
    })));
  }
  const edits = e.edits ?? [];
  if (edits.length) {
    text += flowList('edits', edits.map((x) => ({ at: x.at, by: x.by, role: x.role, field: x.field, target: x.target, before: x.before, after: x.after })));
  }
  return text;
}

/**
 * JSON.stringify leaves DEL, the C1 controls and U+FFFE/U+FFFF as they are; YAML does not
 * allow them unescaped (the domain strips them from text, this is the belt to its braces).
 */
const NOT_YAML_PRINTABLE = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g;

/** The tally as front-matter counts, only when the episode has one (old transcripts keep their bytes). */
function tallyCounts(e: Episode) {
  const t = tallyOf(e);
  if (!t) return {};
  return { questionsAired: t.aired, questionsMerged: t.merged, questionsAnsweredOffAir: t.answeredOffAir, questionsFiltered: { ...t.filtered } };
}

function flowList(key: string, items: readonly object[]): string {
  if (items.length === 0) return `${key}: []\n`;
  const lines = items.map((item) => `  - ${JSON.stringify(item).replace(NOT_YAML_PRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
  return `${key}:\n${lines.join('')}`;
}

type Path = (string | number)[];

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses and checks the front matter; firstLine is the file line its text starts on. */
export function readFrontMatter(text: string, firstLine: number): FrontMatter {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const fileLine = (offset: number) => lines.linePos(offset).line + firstLine - 1;
  const bad = doc.errors[0];
  if (bad) {
    throw new NotulaError(fileLine(bad.pos[0]), `front matter bukan YAML yang sah (${bad.code}).`);
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // yaml throws a ReferenceError for an alias bomb or an alias to nothing.
    throw new NotulaError(firstLine, `front matter tidak bisa dibaca (${err instanceof Error ? err.message.slice(0, 80) : 'alias YAML'}).`);
  }

  const lineOf = (path: Path): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length ? doc.getIn(p, true) : doc.contents;
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (range) return fileLine(range[0]);
      if (!p.length) return firstLine;
    }
  };
  const fail = (path: Path, what: string): never => {
    const line = lineOf(path);
    throw new NotulaError(line, `kolom "${path.join('.')}" ${what}.`);
  };
  const at = (path: Path): unknown => {
    let v: unknown = root;
    for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
    if (v === undefined) fail(path, 'wajib ada');
    return v;
  };
  const str = (path: Path): string => {
    const v = at(path);
    if (typeof v !== 'string') fail(path, 'harus berupa teks');
    return (v as string).length <= MAX_TEXT ? (v as string) : fail(path, `paling banyak ${MAX_TEXT} karakter`);
  };
  /** Ids become file names and lookup keys: only what the server itself makes. */
  const id = (path: Path): string => {
    const v = at(path);
    return isId(v) ? v : fail(path, 'harus berupa id: 1–40 huruf, angka, "-" atau "_"');
  };
  const optStr = (path: Path): string | null => (at(path) === null ? null : str(path));
  const instant = (path: Path): string => {
    const v = str(path);
    return ISO.test(v) && Number.isFinite(Date.parse(v)) ? v : fail(path, 'harus berupa waktu ISO 8601');
  };
  const optInstant = (path: Path): string | null => (at(path) === null ? null : instant(path));
  const count = (path: Path): number => {
    const v = at(path);
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fail(path, 'harus berupa bilangan bulat tidak negatif');
  };
  const list = (path: Path): unknown[] => {
    const v = at(path);
    return Array.isArray(v) ? v : fail(path, 'harus berupa daftar');
  };
  /** Whether a key that transcripts written before it existed leave out is there. */
  const has = (path: Path): boolean => {
    const parent = path.length > 1 ? at(path.slice(0, -1)) : root;
    return parent !== null && typeof parent === 'object' && Object.hasOwn(parent as object, path[path.length - 1]!);
  };
  /** { label: count } with a few short labels ("kata kasar", "spam", "lainnya"). */
  const filteredCounts = (v: unknown, path: Path): Record<string, number> => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(path, 'harus berisi pasangan alasan: jumlah');
    const out: Record<string, number> = {};
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > 10) fail(path, 'paling banyak 10 alasan');
    for (const [k] of entries) {
      if (!/^[a-z][a-z ]{0,29}$/.test(k)) fail([...path, k], 'harus berupa alasan pendek huruf kecil');
      out[k] = count([...path, k]);
    }
    return out;
  };
  /** A list that transcripts written before it existed leave out. */
  const optList = (path: Path): unknown[] => (has(path) ? list(path) : []);

  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new NotulaError(firstLine, `front matter harus berisi pasangan kunci: nilai.`);
  }
  if (at(['kentongan']) !== FORMAT_VERSION) fail(['kentongan'], `harus bernilai ${FORMAT_VERSION} (versi format notula)`);
  const timeZone = str(['timeZone']);
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    fail(['timeZone'], 'bukan zona waktu IANA yang dikenal');
  }
  const number = at(['number']);
  if (number !== null && (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 100_000)) {
    fail(['number'], 'harus berupa bilangan bulat 0–100000 atau null');
  }
  const code = parseJoinCode(at(['code'])) ?? fail(['code'], 'harus berupa kode gabung: 6 huruf/angka tanpa 0, O, 1, I, L');
  const recordingUrl = optStr(['recordingUrl']);
  if (recordingUrl !== null && !isRecordingUrl(recordingUrl)) fail(['recordingUrl'], 'harus berupa tautan http:// atau https://');
  const channel = (path: Path): Channel => {
    const v = str(path);
    return (CHANNELS as readonly string[]).includes(v) ? (v as Channel) : fail(path, `harus salah satu dari ${CHANNELS.join(', ')}`);
  };

  return {
    id: id(['id']),
    code,
    series: str(['series']),
    partners: str(['partners']),
    number: number as number | null,
    title: str(['title']),
    place: str(['place']),
    startsAt: instant(['startsAt']),
    timeZone,
    endsAt: optInstant(['endsAt']),
    recordingUrl,
    hosts: list(['hosts']).map((_, i) => str(['hosts', i])),
    speakers: list(['speakers']).map((_, i) => ({
      id: id(['speakers', i, 'id']),
      fullName: str(['speakers', i, 'fullName']),
      shortName: str(['speakers', i, 'shortName']),
      position: str(['speakers', i, 'position']),
      agency: str(['speakers', i, 'agency']),
    })),
    startedAt: optInstant(['startedAt']),
    endedAt: optInstant(['endedAt']),
    counts: {
      questionsReceived: count(['counts', 'questionsReceived']),
      questionsAnswered: count(['counts', 'questionsAnswered']),
      listeners: count(['counts', 'listeners']),
      ...(has(['counts', 'questionsAired']) ? {
        questionsAired: count(['counts', 'questionsAired']),
        questionsMerged: count(['counts', 'questionsMerged']),
        questionsAnsweredOffAir: count(['counts', 'questionsAnsweredOffAir']),
        questionsFiltered: filteredCounts(at(['counts', 'questionsFiltered']), ['counts', 'questionsFiltered']),
      } : {}),
    },
    questions: list(['questions']).map((_, i) => ({
      id: id(['questions', i, 'id']),
      channel: channel(['questions', i, 'channel']),
      createdAt: instant(['questions', i, 'createdAt']),
      onAirAt: optInstant(['questions', i, 'onAirAt']),
      answeredAt: optInstant(['questions', i, 'answeredAt']),
      ...(has(['questions', i, 'text']) ? { text: str(['questions', i, 'text']) } : {}),
    })),
    polls: optList(['polls']).map((_, i) => {
      const kind = str(['polls', i, 'kind']);
      if (!(POLL_KINDS as readonly string[]).includes(kind)) fail(['polls', i, 'kind'], `harus salah satu dari ${POLL_KINDS.join(', ')}`);
      const preset = at(['polls', i, 'preset']);
      if (preset !== null && preset !== 'satisfaction') fail(['polls', i, 'preset'], 'harus satisfaction atau null');
      const options = list(['polls', i, 'options']).map((_, j) => str(['polls', i, 'options', j]));
      const counts = list(['polls', i, 'counts']).map((_, j) => count(['polls', i, 'counts', j]));
      if (options.length === 0) fail(['polls', i, 'options'], 'tidak boleh kosong');
      if (counts.length !== options.length) fail(['polls', i, 'counts'], 'harus sama panjang dengan options');
      return {
        id: id(['polls', i, 'id']), kind: kind as PollKind, preset: preset as 'satisfaction' | null,
        question: str(['polls', i, 'question']), options, counts,
        openedAt: instant(['polls', i, 'openedAt']), closedAt: optInstant(['polls', i, 'closedAt']),
      };
    }),
    aspirations: optList(['aspirations']).map((_, i) => ({
      id: id(['aspirations', i, 'id']),
      dimension: str(['aspirations', i, 'dimension']),
      text: str(['aspirations', i, 'text']),
      problem: str(['aspirations', i, 'problem']),
      kecamatan: str(['aspirations', i, 'kecamatan']),
      desa: str(['aspirations', i, 'desa']),
      rtRw: optStr(['aspirations', i, 'rtRw']),
      supports: count(['aspirations', i, 'supports']),
    })),
    edits: optList(['edits']).map((_, i) => {
      const role = str(['edits', i, 'role']);
      if (!(ROLES as readonly string[]).includes(role)) fail(['edits', i, 'role'], `harus salah satu dari ${ROLES.join(', ')}`);
      const field = str(['edits', i, 'field']);
      if (!(EDIT_FIELDS as readonly string[]).includes(field)) fail(['edits', i, 'field'], `harus salah satu dari ${EDIT_FIELDS.join(', ')}`);
      return {
        at: instant(['edits', i, 'at']), by: str(['edits', i, 'by']), role: role as Role, field: field as EditField,
        target: at(['edits', i, 'target']) === null ? null : id(['edits', i, 'target']),
        before: optStr(['edits', i, 'before']), after: optStr(['edits', i, 'after']),
      };
    }),
  };
}
