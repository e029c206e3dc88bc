import { readFile } from 'node:fs/promises';
import { buildArchive, dataEntryOk, transcriptEntryOk } from '../store/backup.ts';
import type { BackupManifest } from '../store/backup.ts';
import { sameKey } from '../store/backup-key.ts';
import { insideDir } from '../store/paths.ts';
import type { EpisodeStore } from '../store/episodes.ts';
import type { TranscriptArchive } from './transcripts.ts';
import type { AuditService } from './audit-service.ts';

export interface BackupServiceDeps {
  dataDir: string;
  transcriptsDir: string;
  /** DATA_DIR/backup.key (store/backup-key.ts). */
  key: string;
  episodes: EpisodeStore;
  /** The other stores' files as their next write would make them, by file name. */
  documents: Array<{ name: string; snapshot(): string }>;
  transcripts: TranscriptArchive;
  audit: AuditService;
  log: (line: string) => void;
  now?: () => Date;
}

export type Backup = { archive: Buffer; manifest: BackupManifest };

/** The backup archive of this moment: what GET /api/backup sends and `npm run backup` saves. */
export class BackupService {
  constructor(private readonly deps: BackupServiceDeps) {}

  /** Compared in constant time: the key is the only thing between a caller and every file. */
  authorized(given: string): boolean {
    return sameKey(given, this.deps.key);
  }

  /**
   * Every store serialised in one synchronous stretch, so the archive is one state of the
   * whole folder (see store/backup.ts). Then, after it, the files that never change under
   * the server: damaged episode files (never written again) and the transcripts (each
   * replaced whole by a rename, so any read sees one version).
   */
  async snapshot(): Promise<Backup> {
    const { dataDir, transcriptsDir, transcripts, log } = this.deps;
    const createdAt = this.deps.now?.() ?? new Date();
    const episodesNow = this.deps.episodes.snapshot();
    const data = [...episodesNow.files, ...this.deps.documents.map((d) => ({ name: d.name, text: d.snapshot() }))];
    const damaged: Array<{ name: string; data: Buffer }> = [];
    for (const name of episodesNow.damaged) {
      const path = dataEntryOk(name) ? insideDir(dataDir, name) : null;
      const bytes = path ? await readFile(path).catch(() => null) : null;
      if (bytes) damaged.push({ name, data: bytes });
    }
    const notulas: Array<{ name: string; data: Buffer }> = [];
    for (const name of await transcripts.list()) {
      const path = insideDir(transcriptsDir, name);
      if (!transcriptEntryOk(name) || !path) {
        log(`kentongan: cadangan: notula ${JSON.stringify(name).slice(0, 80)} dilewati (nama berkas di luar pola)`);
        continue;
      }
      const bytes = await readFile(path).catch(() => null);
      if (bytes) notulas.push({ name, data: bytes });
    }
    const built = await buildArchive({ createdAt, data, damaged, transcripts: notulas });
    await this.deps.audit.record({ by: { kind: 'system' }, action: 'backup.create', detail: { episodes: built.manifest.episodes.length, transcripts: notulas.length, bytes: built.archive.length } });
    return built;
  }
}
