import type { Pool } from './pool.ts';

export interface BenchContext {
  pool: Pool;
  quick: boolean;
  log: (line: string) => void;
}
