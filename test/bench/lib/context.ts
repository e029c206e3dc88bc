import type { Pool } from './pool.ts';

export interface BenchContext {
  pool: Pool;
  quick: boolean;
  log: (line: string) => void;
  /** A scenario parameter: `--set vote.rate=1500` on the command line, else the mode's default. */
  param(name: string, quick: number, full: number): number;
}
