// The public archive's listing: which episodes are published, what a row of the archive says
// about each, and the reader's search and filters. Pure: the route gives it the episodes and
// their usulan, the page (server/public/archive-page.ts) turns the result into HTML.
import { publicPath, seriesSlug, slugify, SLUG_PATTERN } from '../contract/public-path.ts';
import { dateInZone } from '../contract/zone.ts';
import type { Episode, NotulaAspiration } from '../contract/types.ts';
import { formatWaktu } from './notula/waktu.ts';
import { notulaQuestions } from './notula/layout.ts';
import { headingOf } from './correction.ts';
import { pollCounts, pollsOf } from './poll.ts';
import { largestRemainder } from './percent.ts';

/** Published = ended; the order they were published in decides a twin's address (public-path.ts). */
export function published(episodes: readonly Episode[]): Episode[] {
  const key = (e: Episode) => e.endedAt ?? e.startsAt;
  return episodes.filter((e) => e.status === 'ended').sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}

export interface PollSummary {
  question: string;
  options: { label: string; percent: number; count: number }[];
  total: number;
}

export interface ArchiveEntry {
  id: string;
  path: string;
  series: string;
  seriesSlug: string;
  number: number | null;
  title: string;
  startsAt: string;
  /** "Sabtu, 14 November 2026 (19.00–selesai WIB)", in the episode's zone. */
  date: string;
  /** The calendar year in the episode's zone. */
  year: number;
  agencies: string[];
  answered: number;
  listeners: number;
  poll: PollSummary | null;
  /** Smart-city dimensions of the episode's usulan: slug → name. */
  dimensions: { slug: string; name: string }[];
  /** Folded text the word search looks in. */
  words: string;
}

/** Lower case without diacritics, so "Pendidikan" finds "pendidikan" and "é" finds "e". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The first poll of the show: the satisfaction poll when there was one. */
export function pollSummary(e: Episode): PollSummary | null {
  const polls = pollsOf(e);
  const p = polls.find((x) => x.preset === 'satisfaction') ?? polls[0];
  if (!p) return null;
  const counts = pollCounts(p);
  const percents = largestRemainder(counts);
  return { question: p.question, options: p.options.map((label, i) => ({ label, percent: percents[i]!, count: counts[i]! })), total: counts.reduce((a, b) => a + b, 0) };
}

/** One row of the archive. `all` is published(...), for the stable address. */
export function archiveEntry(e: Episode, usulan: readonly NotulaAspiration[], all: readonly Episode[]): ArchiveEntry {
  const answered = notulaQuestions(e);
  const dims = new Map<string, string>();
  for (const a of usulan) dims.set(slugify(a.dimension), a.dimension);
  const agencies = [...new Set(e.speakers.map((s) => s.agency).filter((a) => a.trim() !== ''))];
  const text = [e.series, e.partners, e.title, ...e.hosts, ...e.speakers.flatMap((s) => [s.fullName, s.shortName, s.agency]), ...answered.map(headingOf), ...e.notes.map((n) => n.text), ...usulan.map((a) => a.text)];
  return {
    id: e.id,
    path: publicPath(e, all),
    series: e.series,
    seriesSlug: seriesSlug(e),
    number: e.number,
    title: e.title,
    startsAt: e.startsAt,
    date: formatWaktu(e.startsAt, e.endsAt, e.timeZone),
    year: Number(dateInZone(e.startsAt, e.timeZone).slice(0, 4)),
    agencies,
    answered: answered.length,
    listeners: e.archived?.listeners ?? e.listeners.length,
    poll: pollSummary(e),
    dimensions: [...dims].map(([slug, name]) => ({ slug, name })),
    words: fold(text.join('\n')),
  };
}

export interface ArchiveQuery {
  q: string;
  seri: string | null;
  tahun: number | null;
  dimensi: string | null;
}

export const EMPTY_QUERY: ArchiveQuery = { q: '', seri: null, tahun: null, dimensi: null };
export const QUERY_MAX = 100;

/** What the filters may be set to: the values present in the archive. */
export interface ArchiveChoices {
  series: { slug: string; name: string }[];
  years: number[];
  dimensions: { slug: string; name: string }[];
}

export function choicesOf(entries: readonly ArchiveEntry[]): ArchiveChoices {
  const series = new Map<string, string>();
  const dims = new Map<string, string>();
  const years = new Set<number>();
  for (const e of entries) {
    series.set(e.seriesSlug, e.series);
    years.add(e.year);
    for (const d of e.dimensions) dims.set(d.slug, d.name);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'id');
  return {
    series: [...series].map(([slug, name]) => ({ slug, name })).sort(byName),
    years: [...years].sort((a, b) => b - a),
    dimensions: [...dims].map(([slug, name]) => ({ slug, name })).sort(byName),
  };
}

export type QueryResult = { ok: true; query: ArchiveQuery } | { ok: false; message: string };

const KNOWN = new Set(['q', 'seri', 'tahun', 'dimensi']);

/**
 * Checks the reader's query string (as Express parsed it: strings, arrays, objects). An empty
 * field means "all". A series or dimension the archive does not hold is refused, like a
 * malformed one: the form only offers those there are.
 */
export function parseArchiveQuery(raw: Record<string, unknown>, choices: ArchiveChoices): QueryResult {
  const bad = (message: string): QueryResult => ({ ok: false, message });
  for (const k of Object.keys(raw)) if (!KNOWN.has(k)) return bad(`Saringan "${k.slice(0, 20)}" tidak dikenal.`);
  const one = (k: string): string | null | undefined => {
    const v = raw[k];
    if (v === undefined) return null;
    return typeof v === 'string' ? v.trim() : undefined;
  };
  const q = one('q');
  const seri = one('seri');
  const tahun = one('tahun');
  const dimensi = one('dimensi');
  if (q === undefined || seri === undefined || tahun === undefined || dimensi === undefined) return bad('Setiap saringan hanya boleh diisi sekali.');
  if (q !== null && q.length > QUERY_MAX) return bad(`Kata pencarian paling banyak ${QUERY_MAX} huruf.`);
  // eslint-disable-next-line no-control-regex
  if (q !== null && /[\u0000-\u001f\u007f]/.test(q)) return bad('Kata pencarian berisi tanda yang tidak bisa dipakai.');
  const query: ArchiveQuery = { q: q ?? '', seri: null, tahun: null, dimensi: null };
  if (seri) {
    if (!SLUG_PATTERN.test(seri) || !choices.series.some((s) => s.slug === seri)) return bad('Seri itu tidak ada di arsip.');
    query.seri = seri;
  }
  if (tahun) {
    if (!/^\d{4}$/.test(tahun)) return bad('Tahun harus empat angka, misalnya 2026.');
    query.tahun = Number(tahun);
  }
  if (dimensi) {
    if (!SLUG_PATTERN.test(dimensi) || !choices.dimensions.some((d) => d.slug === dimensi)) return bad('Dimensi itu tidak ada di arsip.');
    query.dimensi = dimensi;
  }
  return { ok: true, query };
}

/** The rows that match every filter and contain every word of the search. */
export function filterArchive(entries: readonly ArchiveEntry[], q: ArchiveQuery): ArchiveEntry[] {
  const words = fold(q.q).split(/\s+/).filter(Boolean);
  return entries.filter((e) =>
    (q.seri === null || e.seriesSlug === q.seri) &&
    (q.tahun === null || e.year === q.tahun) &&
    (q.dimensi === null || e.dimensions.some((d) => d.slug === q.dimensi)) &&
    words.every((w) => e.words.includes(w)));
}

export interface SeriesGroup {
  series: string;
  slug: string;
  entries: ArchiveEntry[];
}

/** Newest first, grouped by series; a series stands where its newest episode would. */
export function groupBySeries(entries: readonly ArchiveEntry[]): SeriesGroup[] {
  const sorted = [...entries].sort((a, b) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id));
  const groups = new Map<string, SeriesGroup>();
  for (const e of sorted) {
    const g = groups.get(e.seriesSlug) ?? groups.set(e.seriesSlug, { series: e.series, slug: e.seriesSlug, entries: [] }).get(e.seriesSlug)!;
    g.entries.push(e);
  }
  return [...groups.values()];
}

/** The published episode at /arsip/<series>/<episode>, if any (slugs already checked). */
export function findByPath(entries: readonly ArchiveEntry[], series: string, episode: string): ArchiveEntry | undefined {
  const path = `/arsip/${series}/${episode}`;
  return entries.find((e) => e.path === path);
}
