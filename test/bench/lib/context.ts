import type { Generators, Pool } from './pool.ts';

export interface BenchContext {
  /** Every load-generator process (at least two: one holds < 20,000 sockets). Join bursts and the reconnect herd use them all. */
  pool: Pool;
  /** The processes storms send from (`--workers n`, the first n of the pool): the vote storm and the floor's storm. */
  generators: Generators;
  quick: boolean;
  log: (line: string) => void;
  /** A scenario parameter: `--set vote.rate=1500` on the command line, else the mode's default. */
  param(name: string, quick: number, full: number): number;
}
