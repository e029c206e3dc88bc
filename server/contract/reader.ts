// The public episode page's reader side (issue 12 item 3): "N Dilihat" and the reader poll
// "Bagaimana Tanggapan Anda?", kept apart from the live poll of the show. Types only; the
// rules are server/domain/reader.ts, the staff read them in the episode's analytics.

/** What the readers of a published episode's page said and how many read it. */
export interface ReaderStats {
  /** Readers counted once per reader per day (not per reload). */
  views: number;
  poll: {
    question: string;
    /** In the poll's order; percentages whole and summing to 100 (largest remainder), or all 0. */
    options: { label: string; count: number; percent: number }[];
    total: number;
  };
}
