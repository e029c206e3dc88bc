import { createHistogram } from 'node:perf_hooks';
import type { RecordableHistogram } from 'node:perf_hooks';

/**
 * Server-side time from an event's arrival at its handler to its acknowledgement, in µs:
 * the benchmark's view of the server alone, apart from the network and the load generator.
 * Off (null) unless the debug metrics are on; then one histogram record per event.
 */
export const ackTiming: { histogram: RecordableHistogram | null } = { histogram: null };

export function enableAckTiming(): RecordableHistogram {
  ackTiming.histogram ??= createHistogram();
  return ackTiming.histogram;
}
