import express from 'express';
import compression from 'compression';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../contract/errors.ts';
import { errorHandler, sendError } from './errors.ts';
import { originAllowed } from '../auth/origin.ts';
import { securityHeaders } from './headers.ts';
import { NOMODULE_SCRIPT, listenerPage } from './listener-html.ts';
import { listenerLiteRoutes } from './routes/listener-lite.ts';
import type { Broadcaster } from '../realtime/broadcaster.ts';
import { sessionRoutes } from './routes/session.ts';
import { staffRoutes } from './routes/staff.ts';
import { episodeRoutes } from './routes/episodes.ts';
import { notulaRoutes } from './routes/notula.ts';
import { debugRoutes } from './routes/debug.ts';
import { districtRoutes } from './routes/district.ts';
import { aspirationRoutes } from './routes/aspirations.ts';
import { opdRoutes } from './routes/opd.ts';
import { erasureRoutes } from './routes/erasure.ts';
import { auditRoutes } from './routes/audit.ts';
import { auditHook } from './audit-hook.ts';
import { backupRoutes } from './routes/backup.ts';
import { publicRoutes } from './routes/public.ts';
import { openDataRoutes } from './routes/open-data.ts';
import { trackerRoutes } from './routes/tracker.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import type { BackupService } from '../app/backup-service.ts';
import type { HttpDeps } from './routes/deps.ts';
import { intakeStaffRoutes, intakeWebhooks } from './routes/intake.ts';
import { moderationRoutes } from './routes/moderation.ts';
import type { IntakeService } from '../app/intake-service.ts';

export interface HttpOptions extends HttpDeps {
  allowedOrigins: string[];
  /** Built web app (vite build output); served with an SPA fallback when present. */
  webDir: string;
  /** The realtime broadcaster: its snapshot cache and sequence number go into the listener page. */
  broadcaster: Broadcaster;
  /** Mounts /api/debug/metrics for the benchmark (loopback only). Off by default. */
  debugMetrics?: boolean;
  /** GET /api/backup (routes/backup.ts); absent: no such route. */
  backup?: BackupService;
  /** SMS and WhatsApp into the show (routes/intake.ts). */
  intake: IntakeService;
  /** The clock the webhooks' time window is checked against. */
  now: () => number;
}

export function createHttpApp(opts: HttpOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use(securityHeaders(opts.publicUrl));
  app.use((req, res, next) => {
    // A cross-site page must not drive a signed-in staff browser: SameSite=Lax covers
    // most of it, Origin covers the rest.
    if (req.method !== 'GET' && req.method !== 'HEAD' && !originAllowed(req, opts)) {
      return sendError(res, fail('not_allowed', 'Permintaan dari situs lain ditolak.').error);
    }
    next();
  });
  // Before the JSON parser: a webhook's signature is over its raw bytes.
  const intakeDeps = { intake: opts.intake, staff: opts.staff, now: opts.now, log: opts.log };
  app.use(intakeWebhooks(intakeDeps));
  app.use('/api', express.json({ limit: '64kb' }));
  app.use('/api', auditHook(opts.audit, opts.staff));
  app.use(intakeStaffRoutes(intakeDeps));

  app.get('/api/health', (_req, res) => {
    res.json({ ok: true, ...opts.episodes.health(), publicUrl: opts.publicAddress() });
  });
  // What the host console, the studio screen and the overlay build the join link and QR from.
  app.get('/api/address', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(opts.publicAddress());
  });
  // First: the public pages are what most requests are (a shared episode), and the routers
  // before them would each be walked for nothing.
  app.use(openDataRoutes(opts)); // before publicRoutes: its /arsip/:series would take /arsip/feed.atom
  app.use(publicRoutes(opts));
  app.use(trackerRoutes(opts));
  app.use(sessionRoutes(opts));
  app.use(staffRoutes(opts));
  app.use(episodeRoutes(opts));
  app.use(notulaRoutes(opts));
  app.use(districtRoutes(opts));
  app.use(erasureRoutes(opts));
  app.use(aspirationRoutes(opts));
  app.use(opdRoutes(opts));
  app.use(auditRoutes(opts));
  app.use(analyticsRoutes(opts));
  app.use(moderationRoutes(opts));
  if (opts.backup) app.use(backupRoutes(opts.backup));
  if (opts.debugMetrics) app.use(debugRoutes(opts.episodes));
  app.use('/api', (_req, res) => sendError(res, fail('unknown_route').error));
  // The listener page without JavaScript needs no built web app: it is there either way.
  app.use(listenerLiteRoutes(opts));
  app.get('/ringan.js', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('js').send(NOMODULE_SCRIPT);
  });

  if (existsSync(opts.webDir)) {
    // Listeners are on slow mobile links: gzip every page asset.
    app.use(compression());
    app.use(express.static(opts.webDir, { index: false, maxAge: '1h' }));
    const indexHtml = join(opts.webDir, 'index.html');
    app.get('/j/:code', listenerPage(indexHtml, opts.episodes, opts.broadcaster));
    app.get('/{*splat}', (_req, res) => res.sendFile(indexHtml));
  } else {
    app.get('/', (_req, res) => res.type('text').send('Kentongan: web app not built yet. Run `npm run build`.'));
  }
  app.use(errorHandler(opts.log));
  return app;
}
