// Precision and recall of the flags on the labelled corpus, shared by the corpus test and
// the benchmark. Each sample is posted as its own listener's item 30 s after the one
// before, so contextFlags runs as it would on a busy show (and must add nothing here: the
// texts differ and no listener posts twice).
import { contextFlags, textFlags, type Flag, type FlagKind, type Posting } from '../../../server/domain/moderation/flags.ts';
import type { Lexicon } from '../../../server/domain/moderation/lexicon.ts';
import type { Sample } from './corpus/index.ts';

export interface Outcome { readonly sample: Sample; readonly flags: readonly Flag[] }
export interface KindFigures { readonly kind: FlagKind; readonly labelled: number; readonly flagged: number; readonly hits: number; readonly precision: number; readonly recall: number }
export interface Figures {
  readonly outcomes: readonly Outcome[];
  readonly abuse: KindFigures;
  readonly spam: KindFigures;
  readonly ordinary: number;
  readonly falseAlarms: readonly Outcome[];
  readonly falseAlarmRate: number;
  readonly tricky: number;
  readonly trickyFalseAlarms: number;
  readonly misses: readonly Outcome[];
}

/** The recent items contextFlags is given: the episode's last 50. */
export const RECENT = 50;

export function flagCorpus(corpus: readonly Sample[], lexicon?: Lexicon): Outcome[] {
  const posted: Posting[] = [];
  return corpus.map((sample, i) => {
    const item: Posting = { author: `pendengar-${i}`, at: i * 30_000, text: sample.text };
    const flags = [...textFlags(sample.text, lexicon), ...contextFlags(item, posted.slice(-RECENT))];
    posted.push(item);
    return { sample, flags };
  });
}

function kindFigures(outcomes: readonly Outcome[], kind: FlagKind): KindFigures {
  const has = (o: Outcome) => o.flags.some((f) => f.kind === kind);
  const labelled = outcomes.filter((o) => o.sample.label === kind).length;
  const flagged = outcomes.filter(has).length;
  const hits = outcomes.filter((o) => o.sample.label === kind && has(o)).length;
  return { kind, labelled, flagged, hits, precision: flagged === 0 ? 1 : hits / flagged, recall: labelled === 0 ? 1 : hits / labelled };
}

export function measure(corpus: readonly Sample[], lexicon?: Lexicon): Figures {
  const outcomes = flagCorpus(corpus, lexicon);
  const ordinary = outcomes.filter((o) => o.sample.label === 'ordinary');
  const falseAlarms = ordinary.filter((o) => o.flags.length > 0);
  const tricky = ordinary.filter((o) => o.sample.tags.includes('tricky'));
  const misses = outcomes.filter((o) => o.sample.label !== 'ordinary' && !o.flags.some((f) => f.kind === o.sample.label));
  return {
    outcomes,
    abuse: kindFigures(outcomes, 'abuse'),
    spam: kindFigures(outcomes, 'spam'),
    ordinary: ordinary.length,
    falseAlarms,
    falseAlarmRate: falseAlarms.length / ordinary.length,
    tricky: tricky.length,
    trickyFalseAlarms: tricky.filter((o) => o.flags.length > 0).length,
    misses,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The figures in one plain line. */
export function summary(f: Figures): string {
  return `moderation corpus: ${f.outcomes.length} samples; ` +
    `abuse precision ${f.abuse.precision.toFixed(3)} recall ${f.abuse.recall.toFixed(3)} (${f.abuse.hits}/${f.abuse.labelled}); ` +
    `spam precision ${f.spam.precision.toFixed(3)} recall ${f.spam.recall.toFixed(3)} (${f.spam.hits}/${f.spam.labelled}); ` +
    `false alarms ${f.falseAlarms.length}/${f.ordinary} ordinary = ${pct(f.falseAlarmRate)} (tricky ${f.trickyFalseAlarms}/${f.tricky})`;
}
