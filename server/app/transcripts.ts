import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { exportNotula, transcriptFileName } from '../domain/notula/index.ts';
import type { Episode, NotulaAspiration } from '../domain/types.ts';

/** transcripts/: one Markdown notula per finished episode, named to read as a programme guide. */
export class TranscriptArchive {
  constructor(readonly dir: string) {}

  /** Writes (or rewrites) the episode's notula atomically, with its aspiration section; returns the file name. */
  async write(e: Episode, aspirations?: readonly NotulaAspiration[]): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = await this.#freeName(e);
    const tmp = join(this.dir, `.${name}.tmp`);
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(exportNotula(e, aspirations), 'utf8');
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await rename(tmp, join(this.dir, name));
    return name;
  }

  /**
   * The programme-guide name, unless another episode's notula already holds it (same
   * date, series, number and title): then the join code is added, never overwriting.
   */
  async #freeName(e: Episode): Promise<string> {
    const name = transcriptFileName(e);
    const existing = await readFile(join(this.dir, name), 'utf8').catch(() => null);
    if (existing === null || existing.includes(`\nid: ${e.id}\n`) || existing.includes(`\nid: "${e.id}"\n`)) return name;
    return name.replace(/\.md$/, `_${e.code.toLowerCase()}.md`);
  }

  async list(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((f) => f.endsWith('.md') && !f.startsWith('.') && f !== 'README.md').sort();
    } catch {
      return [];
    }
  }

  async read(name: string): Promise<string | null> {
    if (!(await this.list()).includes(name)) return null;
    return readFile(join(this.dir, name), 'utf8');
  }
}
