// What listeners, the studio and the planner's desk see of aspirations (usulan), and the
// desk's sorts and counts. Types and the sort names; server/domain/planner.ts builds them.
import type { Aspiration, AspirationNote, AspirationPlan, AspirationStatus, Id } from './types.ts';

/** An usulan as listeners and the studio see it: no listener ids, no contact. */
export type AspirationView = Pick<Aspiration,
  'id' | 'episodeId' | 'text' | 'problem' | 'dimension' | 'kecamatan' | 'desa' | 'rtRw' | 'channel'
  | 'status' | 'rejectReason' | 'mergedInto' | 'questionId' | 'createdAt' | 'updatedAt' | 'number'> & {
  /** How many listeners support it (never who). */
  supports: number;
  /** Staff views only: the flags' reasons ("kata kasar: goblok", "tautan"). */
  flags?: string[];
};

export interface EpisodeRef {
  id: Id;
  series: string;
  number: number | null;
  title: string;
  /** Broadcast date in the episode's zone, YYYY-MM-DD. */
  date: string;
}

/** An usulan on the planner's desk: names resolved, notes, and contact where consented. */
export interface DeskView extends AspirationView {
  dimensionName: string;
  kecamatanName: string;
  desaName: string;
  contact: { name: string | null; phone: string | null } | null;
  notes: AspirationNote[];
  mergedFrom: Id[];
  episode: EpisodeRef | null;
  /** Volume, satuan, perkiraan biaya, OPD tujuan: staff only, like the notes. */
  plan: AspirationPlan;
}

export const SORTS = ['support', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface CountRow {
  code: string;
  name: string;
  /** Usulan in the filtered list. */
  count: number;
  /** Their supports added up. */
  supports: number;
}

export interface DeskCounts {
  byDimension: CountRow[];
  byKecamatan: CountRow[];
  byStatus: Record<AspirationStatus, number>;
  total: number;
}
