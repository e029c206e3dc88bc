// The fixed vocabulary of the notula body, shared by export and import so the two
// cannot drift apart.
import type { Attribution, Episode, Question, Speaker } from '../../contract/types.ts';

export const FORMAT_VERSION = 1;

export const SECTION = {
  important: 'Hal-hal penting dalam diskusi',
  other: 'Catatan lain',
  closing: 'Closing Statements',
  polls: 'Hasil Jajak Pendapat',
  aspirations: 'Aspirasi Pendengar',
  summary: 'Ringkasan',
} as const;

export const SUMMARY = {
  received: 'Pertanyaan diterima',
  aired: 'Disiarkan',
  merged: 'Digabung dengan pertanyaan serupa',
  answeredOffAir: 'Dijawab di luar siaran',
  filtered: 'Disaring (tidak ditayangkan)',
  answered: 'Pertanyaan terjawab',
  listeners: 'Pendengar bergabung',
} as const;

/** A parse failure that points at a line of the file; thrown inside import, returned outside. */
export class NotulaError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** "Pak Fahmi", "Pak Fahmi dan Bu Lis", "Pak Fahmi, Bu Lis dan Mas Adi". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} dan ${names[names.length - 1]}`;
}

/** The label printed before a note, or null for a note without attribution. */
export function attributionLabel(by: Attribution, speakers: readonly Speaker[]): string | null {
  if (by.kind === 'agency') return by.label;
  if (by.kind === 'none') return null;
  const names = by.speakerIds
    .map((id) => speakers.find((s) => s.id === id)?.shortName)
    .filter((n): n is string => n !== undefined);
  return names.length ? joinNames(names) : null;
}

function sortKey(v: string | null): string {
  // Missing times sort last; "\uffff" is above every ISO digit.
  return v ?? '\uffff';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Questions that were discussed on air, in the order they went on air. */
export function notulaQuestions(e: Episode): Question[] {
  return e.questions
    .filter((q) => q.status === 'answered' || q.status === 'on_air')
    .sort((a, b) => compare(sortKey(a.onAirAt), sortKey(b.onAirAt)) || compare(a.createdAt, b.createdAt) || compare(a.id, b.id));
}

/** Stable sort by createdAt: notes written in the same millisecond keep their stored order. */
export function byCreatedAt<T extends { createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compare(a.createdAt, b.createdAt));
}
