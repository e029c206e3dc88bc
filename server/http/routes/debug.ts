import { Router } from 'express';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { fail } from '../../contract/errors.ts';
import { sendError } from '../errors.ts';
import type { EpisodeService } from '../../app/episode-service.ts';
import { enableAckTiming } from '../../realtime/ack-timing.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Process figures for the benchmark (test/bench): event-loop delay, utilisation, memory,
 * store writes. Mounted only when DEBUG_METRICS=1, and answers loopback callers only.
 */
export function debugRoutes(episodes: EpisodeService): Router {
  const r = Router();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const acks = enableAckTiming();
  let elu: EventLoopUtilization = performance.eventLoopUtilization();

  r.use('/api/debug', (req, res, next) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return sendError(res, fail('unknown_route').error);
    next();
  });

  r.get('/api/debug/metrics', (_req, res) => {
    const ms = (ns: number) => Number((ns / 1e6).toFixed(2));
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    res.json({
      eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) },
      eventLoopUtilization: Number(performance.eventLoopUtilization(elu).utilization.toFixed(3)),
      // Handler arrival → acknowledgement, server side (µs recorded, ms reported).
      ackMs: { count: acks.count, p50: acks.count ? acks.percentile(50) / 1000 : null, p95: acks.count ? acks.percentile(95) / 1000 : null, p99: acks.count ? acks.percentile(99) / 1000 : null, max: acks.count ? acks.max / 1000 : null },
      rssBytes: mem.rss, heapUsedBytes: mem.heapUsed,
      cpuMicros: { user: cpu.user, system: cpu.system },
      writes: episodes.health().writes,
    });
  });

  /** Starts a new measurement window for the delay histogram and the utilisation. */
  r.post('/api/debug/metrics/reset', (_req, res) => {
    delay.reset();
    acks.reset();
    elu = performance.eventLoopUtilization();
    res.status(204).end();
  });

  return r;
}
