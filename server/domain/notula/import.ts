// Markdown notula → Episode, the inverse of exportNotula. The front matter is the
// source of truth for metadata; the body gives back what people wrote: question
// texts, notes with their attribution, closing statements.
import type { Attribution, ClosingStatement, Episode, Id, Note, Poll, Question, Speaker } from '../../contract/types.ts';
import { unescapeInline } from './escape.ts';
import { readFrontMatter } from './frontmatter.ts';
import { NotulaError, SECTION, joinNames } from './layout.ts';
import { validateEpisodeInfo } from '../episode.ts';

export type ImportResult =
  | { ok: true; episode: Episode }
  | { ok: false; error: { line: number; message: string } };

interface Block { line: number; lines: string[] }
interface Written { line: number; by: Attribution; text: string }
interface Heading { line: number; text: string; notes: Written[] }

/** Runs of non-blank lines, each remembering the file line it starts on. */
function blocksOf(lines: readonly string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((text, i) => {
    if (text.trim() === '') current = null;
    else if (current) current.lines.push(text);
    else blocks.push((current = { line: firstLine + i, lines: [text] }));
  });
  return blocks;
}

/** Reads "Pak Fahmi dan Bu Lis" back into speaker ids; anything else stays a free label. */
function resolveLabel(label: string, speakers: readonly Speaker[]): Attribution {
  const search = (rest: string, picked: Speaker[]): Speaker[] | null => {
    for (const s of speakers) {
      if (picked.includes(s) || !rest.startsWith(s.shortName)) continue;
      const next = [...picked, s];
      const after = rest.slice(s.shortName.length);
      if (after === '' && joinNames(next.map((n) => n.shortName)) === label) return next;
      for (const sep of [', ', ' dan ']) {
        const found = after.startsWith(sep) ? search(after.slice(sep.length), next) : null;
        if (found) return found;
      }
    }
    return null;
  };
  const found = label === '' ? null : search(label, []);
  return found ? { kind: 'speakers', speakerIds: found.map((s) => s.id) } : { kind: 'agency', label };
}

function parseNote(block: Block, speakers: readonly Speaker[]): Written {
  const line = single(block, 'Catatan');
  // Escaped text never contains "**", so the first ":**" closes the label.
  const end = line.startsWith('**') ? line.indexOf(':**', 2) : -1;
  if (end >= 0 && (line.length === end + 3 || line[end + 3] === ' ')) {
    return { line: block.line, by: resolveLabel(unescapeInline(line.slice(2, end)), speakers), text: unescapeInline(line.slice(end + 4)) };
  }
  return { line: block.line, by: { kind: 'none' }, text: unescapeInline(line) };
}

function single(block: Block, what: string): string {
  if (block.lines.length !== 1) {
    throw new NotulaError(block.line + 1, `${what} harus satu baris; pisahkan paragraf dengan baris kosong.`);
  }
  return block.lines[0] ?? '';
}

function parseClosing(header: Block, body: Block | undefined, speakers: readonly Speaker[]): ClosingStatement {
  const name = /^\*\*(.+):\*\*$/.exec(single(header, 'Nama pembicara penutup'))?.[1];
  const speaker = name === undefined ? undefined : speakers.find((s) => s.shortName === unescapeInline(name));
  if (!speaker) {
    throw new NotulaError(header.line, `diharapkan "**Nama Pembicara:**" dari daftar speakers di front matter.`);
  }
  if (!body) throw new NotulaError(header.line, `pernyataan penutup ${speaker.shortName} kosong.`);
  if (body.lines.every((l) => /^\d+\. /.test(l))) {
    return { speakerId: speaker.id, kind: 'points', points: body.lines.map((l) => unescapeInline(l.replace(/^\d+\. /, ''))) };
  }
  return { speakerId: speaker.id, kind: 'paragraph', text: unescapeInline(single(body, 'Pernyataan penutup')) };
}

function parseBody(blocks: readonly Block[], speakers: readonly Speaker[]) {
  const sections = new Map<string, string>(Object.values(SECTION).map((s) => [`## ${s}`, s]));
  const start = blocks.findIndex((b) => b.lines.length === 1 && b.lines[0] === `## ${SECTION.important}`);
  if (start < 0) throw new NotulaError(blocks[0]?.line ?? 1, `bagian "## ${SECTION.important}" tidak ditemukan.`);
  const headings: Heading[] = [];
  const free: Written[] = [];
  const closing: ClosingStatement[] = [];
  const seen = new Set<string>([SECTION.important]);
  let section: string = SECTION.important;
  for (let i = start + 1; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const first = b.lines[0] ?? '';
    if (b.lines.length === 1 && first.startsWith('## ')) {
      const next = sections.get(first);
      if (next === undefined || seen.has(next)) throw new NotulaError(b.line, `bagian "${first}" tidak dikenal atau muncul dua kali.`);
      seen.add((section = next));
    } else if (section === SECTION.important && first.startsWith('### ')) {
      headings.push({ line: b.line, text: unescapeInline(single(b, 'Judul pertanyaan').slice(4)), notes: [] });
    } else if (section === SECTION.important) {
      const heading = headings[headings.length - 1];
      if (!heading) throw new NotulaError(b.line, `catatan harus berada di bawah judul pertanyaan "### ...".`);
      heading.notes.push(parseNote(b, speakers));
    } else if (section === SECTION.other) {
      free.push(parseNote(b, speakers));
    } else if (section === SECTION.closing) {
      const body = blocks[i + 1];
      const usable = body && !(body.lines.length === 1 && sections.has(body.lines[0] ?? '')) ? body : undefined;
      closing.push(parseClosing(b, usable, speakers));
      if (usable) i++;
    }
    // Ringkasan, the poll results and the aspirations repeat the front matter, which stays authoritative.
  }
  return { headings, free, closing, sectionLine: blocks[start]?.line ?? 1 };
}

function unique(ids: readonly Id[], line: number, what: string): void {
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw new NotulaError(line, `id ${what} "${dup}" muncul lebih dari sekali.`);
}

function later(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

function toNotes(written: readonly Written[], questionId: Id | null, base: string, newId: () => Id): Note[] {
  // Notes only keep their order in the body; consecutive milliseconds preserve it.
  return written.map((w, k) => {
    const at = later(base, k);
    return { id: newId(), questionId, by: w.by, text: w.text, createdAt: at, updatedAt: at };
  });
}

export function importNotula(md: string, ctx: { newId: () => Id }): ImportResult {
  try {
    return { ok: true, episode: parse(md, ctx) };
  } catch (err) {
    if (err instanceof NotulaError) return { ok: false, error: { line: err.line, message: err.message } };
    throw err;
  }
}

function parse(md: string, ctx: { newId: () => Id }): Episode {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== '---') throw new NotulaError(1, 'notula harus diawali front matter "---".');
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new NotulaError(lines.length, `front matter tidak ditutup dengan "---".`);
  const fm = readFrontMatter(lines.slice(1, end).join('\n'), 2);
  // The same rules as POST /api/episodes (lengths, empty names, time order, distinct short
  // names): an import must not hold what the station's own form would refuse.
  const checked = validateEpisodeInfo(
    { ...fm, speakers: fm.speakers, premoderation: true },
    { now: fm.startsAt, newId: () => '' },
    fm.speakers,
  );
  if (!checked.ok) throw new NotulaError(2, `front matter: ${checked.error.message}`);
  unique(fm.speakers.map((s) => s.id), 2, 'pembicara');
  unique(fm.questions.map((q) => q.id), 2, 'pertanyaan');
  unique(fm.polls.map((p) => p.id), 2, 'jajak pendapat');
  const body = parseBody(blocksOf(lines.slice(end + 1), end + 2), fm.speakers);

  if (body.headings.length !== fm.questions.length) {
    const line = body.headings[fm.questions.length]?.line ?? body.sectionLine;
    throw new NotulaError(line, `ada ${body.headings.length} judul pertanyaan, tetapi front matter mencatat ${fm.questions.length}.`);
  }
  const questions: Question[] = [];
  const notes: Note[] = [];
  fm.questions.forEach((q, i) => {
    const heading = body.headings[i] as Heading;
    // A corrected notula prints its editorial heading; the words as asked are in the front matter.
    const { text: asked, ...times } = q;
    questions.push({
      ...times, text: asked ?? heading.text, ...(asked !== undefined ? { heading: heading.text } : {}), askerName: null, askerLocation: null, status: 'answered', askedBy: null, voters: [], mergedInto: null,
    });
    notes.push(...toNotes(heading.notes, q.id, q.onAirAt ?? q.answeredAt ?? q.createdAt, ctx.newId));
  });
  notes.push(...toNotes(body.free, null, fm.endedAt ?? fm.startedAt ?? fm.startsAt, ctx.newId));

  // Imported polls keep their counts; who answered what stays with the station that ran them.
  const polls: Poll[] = fm.polls.map(({ counts: answered, ...p }) => ({
    ...p, status: 'closed', resultsVisible: true, answers: {}, archivedCounts: answered,
  }));
  const { counts, questions: _q, polls: _p, aspirations, edits, ...info } = fm;
  return {
    ...info,
    ...(edits.length ? { edits } : {}),
    polls,
    archivedAspirations: aspirations,
    premoderation: true,
    status: 'ended',
    createdAt: fm.startedAt ?? fm.startsAt,
    questions,
    notes,
    closing: body.closing,
    listeners: [],
    archived: {
      questionsReceived: counts.questionsReceived, listeners: counts.listeners,
      ...(counts.questionsAired !== undefined ? {
        aired: counts.questionsAired, merged: counts.questionsMerged ?? 0, answeredOffAir: counts.questionsAnsweredOffAir ?? 0, filtered: { ...counts.questionsFiltered },
      } : {}),
    },
  };
}
