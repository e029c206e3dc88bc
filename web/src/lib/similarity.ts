// Likely duplicates among listeners' questions, for the screener to merge. Two
// measures, because listeners write the same question two ways: with other words
// around the same key words (token Jaccard), and with typos or affixes on the same
// words (character trigrams: "sampah"/"sampa", "membentuk"/"bentuk").

// Words that appear in almost every question and say nothing about its subject.
const STOPWORDS = new Set([
  'yang', 'di', 'ke', 'dari', 'dan', 'atau', 'apa', 'apakah', 'bagaimana', 'gimana', 'kapan', 'mengapa', 'kenapa', 'siapa',
  'berapa', 'mana', 'untuk', 'buat', 'ini', 'itu', 'ada', 'dengan', 'kami', 'kita', 'saya', 'aku', 'anda', 'pak', 'bu', 'bapak',
  'ibu', 'mas', 'mbak', 'sudah', 'belum', 'akan', 'bisa', 'dapat', 'juga', 'tidak', 'nggak', 'ga', 'gak', 'pada', 'dalam', 'oleh',
  'sih', 'ya', 'kah', 'lah', 'pun', 'saja', 'aja', 'tolong', 'mohon', 'tanya', 'mau', 'ingin', 'the', 'a', 'an', 'is', 'are',
  'of', 'to', 'and', 'or', 'in', 'for', 'what', 'how', 'when', 'why',
]);

/** Lower case, accents and punctuation dropped, whitespace collapsed. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words that carry meaning: stop words and single letters left out. */
export function tokens(text: string): Set<string> {
  return new Set(normalize(text).split(' ').filter((w) => w.length > 1 && !STOPWORDS.has(w)));
}

/** Character trigrams of each meaningful word, padded so word starts and ends count. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of tokens(text)) {
    const w = ` ${word} `;
    for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  }
  return out;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not similar (nothing to compare). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** 2|A ∩ B| / (|A| + |B|): kinder than Jaccard to a short text inside a longer one. */
export function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/** 0 (nothing alike) … 1 (the same words). Symmetric. */
export function similarity(a: string, b: string): number {
  return Math.max(jaccard(tokens(a), tokens(b)), dice(trigrams(a), trigrams(b)));
}

export interface Candidate {
  id: string;
  text: string;
}

/** Score at which two questions are worth showing to the screener as a possible pair. */
export const DUPLICATE_THRESHOLD = 0.45;

/** The candidates most like `text`, best first, at or above the threshold. */
export function likelyDuplicates<T extends Candidate>(text: string, candidates: readonly T[], limit = 3, threshold = DUPLICATE_THRESHOLD): Array<{ item: T; score: number }> {
  return candidates
    .map((item) => ({ item, score: similarity(text, item.text) }))
    .filter((x) => x.score >= threshold)
    .sort((x, y) => y.score - x.score || x.item.id.localeCompare(y.item.id))
    .slice(0, limit);
}
