// The machine-readable half of a transcript. The body is for people; everything a
// re-import needs that the body does not show lives here.
import { LineCounter, parseDocument, stringify } from 'yaml';
import { CHANNELS } from '../types.ts';
import type { Channel, Episode, Question, Speaker } from '../types.ts';
import { FORMAT_VERSION, NotulaError } from './layout.ts';

export interface FrontMatterQuestion {
  id: string;
  channel: Channel;
  createdAt: string;
  onAirAt: string | null;
  answeredAt: string | null;
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
  counts: { questionsReceived: number; questionsAnswered: number; listeners: number };
  questions: FrontMatterQuestion[];
}

/** Front matter text (without the --- fences); keys are written in one fixed order. */
export function writeFrontMatter(e: Episode, answered: readonly Question[]): string {
  const data = {
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
    },
    questions: answered.map((q) => ({ id: q.id, channel: q.channel, createdAt: q.createdAt, onAirAt: q.onAirAt, answeredAt: q.answeredAt })),
  };
  // lineWidth 0: no folding, so one value stays on one line and diffs stay small.
  return stringify(data, { lineWidth: 0 });
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
  const root: unknown = doc.toJS();

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
    return typeof v === 'string' ? v : fail(path, 'harus berupa teks');
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
  if (number !== null && (typeof number !== 'number' || !Number.isFinite(number))) fail(['number'], 'harus berupa angka atau null');
  const channel = (path: Path): Channel => {
    const v = str(path);
    return (CHANNELS as readonly string[]).includes(v) ? (v as Channel) : fail(path, `harus salah satu dari ${CHANNELS.join(', ')}`);
  };

  return {
    id: str(['id']),
    code: str(['code']),
    series: str(['series']),
    partners: str(['partners']),
    number: number as number | null,
    title: str(['title']),
    place: str(['place']),
    startsAt: instant(['startsAt']),
    timeZone,
    endsAt: optInstant(['endsAt']),
    recordingUrl: optStr(['recordingUrl']),
    hosts: list(['hosts']).map((_, i) => str(['hosts', i])),
    speakers: list(['speakers']).map((_, i) => ({
      id: str(['speakers', i, 'id']),
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
    },
    questions: list(['questions']).map((_, i) => ({
      id: str(['questions', i, 'id']),
      channel: channel(['questions', i, 'channel']),
      createdAt: instant(['questions', i, 'createdAt']),
      onAirAt: optInstant(['questions', i, 'onAirAt']),
      answeredAt: optInstant(['questions', i, 'answeredAt']),
    })),
  };
}
