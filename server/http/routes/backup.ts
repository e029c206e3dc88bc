import { Router } from 'express';
import { fail } from '../../contract/errors.ts';
import { sendError } from '../errors.ts';
import type { BackupService } from '../../app/backup-service.ts';

/**
 * GET /api/backup with `Authorization: Bearer <DATA_DIR/backup.key>`: the archive that
 * `npm run backup` saves. Not a staff route: the key proves the caller can read the data
 * folder, which a cron job or systemd timer can, and a sign-in cannot be scripted safely.
 */
export function backupRoutes(backup: BackupService): Router {
  const r = Router();
  r.get('/api/backup', async (req, res) => {
    const given = /^Bearer (\S{1,200})$/.exec(req.get('authorization') ?? '')?.[1];
    if (!given || !backup.authorized(given)) {
      return sendError(res, fail('not_allowed', 'Kunci cadangan salah atau tidak ada. Jalankan `npm run backup` di mesin server, dengan DATA_DIR yang sama.').error);
    }
    const { archive, manifest } = await backup.snapshot();
    const stamp = manifest.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    res.set('Content-Type', 'application/gzip');
    res.set('Cache-Control', 'no-store');
    res.set('Content-Disposition', `attachment; filename="kentongan-${stamp}.tar.gz"`);
    res.send(archive);
  });
  return r;
}
