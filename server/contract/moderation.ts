// What a flag can say, as a closed set: the screener's card shows a flag's reason, the
// notula's public tally counts filtered items by category ("difilter: kata kasar 3, spam 5")
// and never by text. No imports, so this file can move into server/contract unchanged if
// the web comes to need the labels.

export const FLAG_CATEGORIES = [
  'kata_kasar',
  'tautan',
  'nomor_telepon',
  'promosi',
  'huruf_besar',
  'teks_sama',
  'terlalu_cepat',
] as const;

export type FlagCategory = (typeof FLAG_CATEGORIES)[number];

/** Abuse is what is said; spam is how or how often it is sent. */
export type FlagKind = 'abuse' | 'spam';

export interface Flag {
  readonly kind: FlagKind;
  readonly category: FlagCategory;
  /** Short Indonesian text for the screener's card, e.g. "kata kasar: goblok". */
  readonly reason: string;
}

export const FLAG_KIND: Readonly<Record<FlagCategory, FlagKind>> = {
  kata_kasar: 'abuse',
  tautan: 'spam',
  nomor_telepon: 'spam',
  promosi: 'spam',
  huruf_besar: 'spam',
  teks_sama: 'spam',
  terlalu_cepat: 'spam',
};

/** Indonesian names of the categories, for the tally and for filters in the staff views. */
export const FLAG_LABEL: Readonly<Record<FlagCategory, string>> = {
  kata_kasar: 'kata kasar',
  tautan: 'tautan',
  nomor_telepon: 'nomor telepon',
  promosi: 'promosi',
  huruf_besar: 'huruf besar semua',
  teks_sama: 'teks sama',
  terlalu_cepat: 'terlalu cepat',
};

/** Indonesian names of the kinds ("kata kasar 3, spam 5" counts the spam categories as one). */
export const KIND_LABEL: Readonly<Record<FlagKind, string>> = { abuse: 'kata kasar', spam: 'spam' };

export function flag(category: FlagCategory, reason: string = FLAG_LABEL[category]): Flag {
  return { kind: FLAG_KIND[category], category, reason };
}

/** A flag as stored on a question or usulan: what the tally counts and what the card says. */
export interface StoredFlag {
  category: FlagCategory;
  reason: string;
}

/** The admin's changes to the word list (GET/PUT /api/moderation/words). */
export interface ModerationWords {
  /** Flagged wherever they stand, even a word with an ordinary meaning. */
  add: string[];
  /** Never flagged (a false alarm in this district). */
  remove: string[];
}
