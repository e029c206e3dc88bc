// Episode → Markdown notula, in the order of the station's published minutes.
// Every piece of listener or staff text passes through escapeInline; only the
// fixed labels below and generated dates/numbers are written as they are.
import type { ClosingStatement, Episode, Note, NotulaAspiration, Poll, Speaker } from '../../contract/types.ts';
import { largestRemainder } from '../percent.ts';
import { pollCounts, pollsOf } from '../poll.ts';
import { escapeInline as esc } from './escape.ts';
import { writeFrontMatter } from './frontmatter.ts';
import { SECTION, SUMMARY, attributionLabel, byCreatedAt, notulaQuestions } from './layout.ts';
import { dateInZone } from '../../contract/zone.ts';
import { formatUpdated, formatWaktu } from './waktu.ts';
import { headingOf } from '../correction.ts';
import { maskContact } from '../contact-mask.ts';
import { filteredWords, tallyOf } from './tally.ts';

function upper(s: string): string {
  return s.toLocaleUpperCase('id-ID');
}

/** A link destination: the URL is already http(s); keep it from closing the link early. */
function linkTarget(url: string): string {
  return url.replace(/[\\()<>]/g, (c) => `\\${c}`).replace(/\s/g, (c) => encodeURIComponent(c));
}

function speakerLine(s: Speaker): string {
  const detail = [s.position, s.agency].filter((p) => p !== '').map(esc).join(', ');
  return `– ${esc(s.fullName)}${detail ? ` (${detail})` : ''}`;
}

function table(e: Episode): string {
  const rows: [string, string][] = [
    ['Tempat pelaksanaan', esc(e.place)],
    ['Waktu pelaksanaan', formatWaktu(e.startsAt, e.endsAt, e.timeZone)],
    ['Pemandu', e.hosts.map((h) => `– ${esc(h)}`).join('<br>')],
    ['Pembicara', e.speakers.map(speakerLine).join('<br>')],
  ];
  // GFM needs a header row; the reference has none, so it stays empty.
  return ['|  |  |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function noteBlock(n: Note, speakers: readonly Speaker[]): string {
  const label = attributionLabel(n.by, speakers);
  return label === null ? esc(n.text) : `**${esc(label)}:** ${esc(n.text)}`;
}

function closingBlocks(c: ClosingStatement, speakers: readonly Speaker[]): string[] {
  const speaker = speakers.find((s) => s.id === c.speakerId);
  if (!speaker) return [];
  if (c.kind === 'points' ? c.points.length === 0 : c.text === '') return [];
  const body = c.kind === 'paragraph' ? esc(c.text) : c.points.map((p, i) => `${i + 1}. ${esc(p)}`).join('\n');
  return [`**${esc(speaker.shortName)}:**`, body];
}

function pollBlocks(p: Poll): string[] {
  const counts = pollCounts(p);
  const percents = largestRemainder(counts);
  const total = counts.reduce((a, b) => a + b, 0);
  return [
    `### ${esc(p.question)}`,
    p.options.map((o, i) => `- ${esc(o)}: ${percents[i]}% (${counts[i]} suara)`).join('\n'),
    `Jumlah suara: ${total}`,
  ];
}

function aspirationLine(a: NotulaAspiration): string {
  const [rt, rw] = a.rtRw ? a.rtRw.split('/') : [];
  const place = `${a.rtRw ? `RT ${rt}/RW ${rw}, ` : ''}${a.desa}, Kec. ${a.kecamatan}`;
  // A texted usulan has no problem written out: no empty "Permasalahan:" then.
  const problem = a.problem ? ` — Permasalahan: ${esc(a.problem)}` : '';
  return `- ${esc(a.text)}${problem} — ${esc(place)} — ${a.supports} dukungan`;
}

/** The listeners' aspirations grouped by dimension, in the order given (already grouped). */
function aspirationBlocks(list: readonly NotulaAspiration[]): string[] {
  const groups = new Map<string, NotulaAspiration[]>();
  for (const a of list) (groups.get(a.dimension) ?? groups.set(a.dimension, []).get(a.dimension)!).push(a);
  return [...groups].flatMap(([dimension, items]) => [`### ${esc(dimension)}`, items.map(aspirationLine).join('\n')]);
}

/**
 * The Markdown notula. `aspirations` is the episode's aspiration section (see
 * notulaAspirations); an episode imported from a transcript brings its own.
 */
export function exportNotula(e: Episode, aspirations?: readonly NotulaAspiration[]): string {
  const polls = pollsOf(e);
  const usulan = aspirations ?? e.archivedAspirations ?? [];
  const answered = notulaQuestions(e);
  const shown = new Set(answered.map((q) => q.id));
  // An empty note would print as a stray blank paragraph; the domain never stores one.
  const notes = e.notes.filter((n) => n.text !== '');
  const blocks: string[] = [];

  if (e.recordingUrl) {
    const episode = e.number !== null ? ` Episode ${e.number}` : '';
    blocks.push(`[Klik untuk mendengarkan rekaman siaran ${esc(e.series)}${episode}](${linkTarget(e.recordingUrl)})`);
  }
  blocks.push(`# NOTULA ${esc(upper(e.series))}`);
  // "WONOSOBO MUDA x PESONA FM": the collaboration "x" stays lower case, as in print.
  if (e.partners) blocks.push(`## ${esc(e.partners.split(' x ').map(upper).join(' x '))}`);
  blocks.push(`## ${e.number !== null ? `EPS. ${e.number}: ` : ''}${esc(upper(e.title))}`);
  blocks.push(table(e));
  // Readers see that the minutes were tidied after the show; the log itself is in the front
  // matter. Generated text only; the import skips everything above the first section.
  const edits = e.edits ?? [];
  if (edits.length) blocks.push(`_Diperbarui ${formatUpdated(edits[edits.length - 1]!.at, e.timeZone)} (${edits.length} koreksi)_`);

  blocks.push(`## ${SECTION.important}`);
  // Notes grouped by question once, in stored order (not a pass over every note per question).
  const byQuestion = new Map<string, Note[]>();
  for (const n of notes) if (n.questionId !== null) (byQuestion.get(n.questionId) ?? byQuestion.set(n.questionId, []).get(n.questionId)!).push(n);
  for (const q of answered) {
    // A listener's number or e-mail in their question is not for the published minutes.
    blocks.push(`### ${esc(maskContact(headingOf(q)))}`);
    for (const n of byCreatedAt(byQuestion.get(q.id) ?? [])) blocks.push(noteBlock(n, e.speakers));
  }

  // A note whose question was later taken off the list would otherwise vanish from the minutes.
  const other = byCreatedAt(notes.filter((n) => n.questionId === null || !shown.has(n.questionId)));
  if (other.length) {
    blocks.push(`## ${SECTION.other}`);
    for (const n of other) blocks.push(noteBlock(n, e.speakers));
  }

  const closing = e.closing.flatMap((c) => closingBlocks(c, e.speakers));
  if (closing.length) blocks.push(`## ${SECTION.closing}`, ...closing);

  // What the reference lacks and planners want: poll results and the listeners' aspirations.
  if (polls.length) blocks.push(`## ${SECTION.polls}`, ...polls.flatMap(pollBlocks));
  if (usulan.length) blocks.push(`## ${SECTION.aspirations}`, ...aspirationBlocks(usulan));

  const received = e.archived?.questionsReceived ?? e.questions.length;
  const listeners = e.archived?.listeners ?? e.listeners.length;
  blocks.push(`## ${SECTION.summary}`);
  // What became of the questions, for the public; a transcript from before the tally has none.
  const tally = tallyOf(e);
  blocks.push([
    `- ${SUMMARY.received}: ${received}`,
    ...(tally ? [
      `- ${SUMMARY.aired}: ${tally.aired}`,
      `- ${SUMMARY.merged}: ${tally.merged}`,
      `- ${SUMMARY.answeredOffAir}: ${tally.answeredOffAir}`,
      `- ${SUMMARY.filtered}: ${filteredWords(tally)}`,
    ] : []),
    `- ${SUMMARY.answered}: ${answered.length}`,
    `- ${SUMMARY.listeners}: ${listeners}`,
  ].join('\n'));

  return `---\n${writeFrontMatter(e, answered, usulan)}---\n\n${blocks.join('\n\n')}\n`;
}

function slug(s: string, fallback: string): string {
  const ascii = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let out = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (out.length > 50) {
    // Cut at a word boundary when there is one, so the name does not end in half a word.
    const head = out.slice(0, 51);
    const cut = head.lastIndexOf('-');
    out = (cut > 0 ? head.slice(0, cut) : out.slice(0, 50)).replace(/-+$/, '');
  }
  return out || fallback;
}

/** "2019-03-16_disko-diskusi-kolaborasi_eps-02_siapkah-...md": a listing reads as a programme guide. */
export function transcriptFileName(e: Episode): string {
  const parts = [dateInZone(e.startsAt, e.timeZone), slug(e.series, 'acara')];
  if (e.number !== null) parts.push(`eps-${slug(String(e.number), '0').padStart(2, '0')}`);
  parts.push(slug(e.title, 'tanpa-judul'));
  return `${parts.join('_')}.md`;
}
