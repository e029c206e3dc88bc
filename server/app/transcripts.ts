import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
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

  /** The archived notula of this episode, if there is one (either name #freeName may have given it). */
  async nameOf(e: Episode): Promise<string | null> {
    const names = await this.list();
    const base = transcriptFileName(e);
    for (const name of [base, base.replace(/\.md$/, `_${e.code.toLowerCase()}.md`)]) {
      if (!names.includes(name)) continue;
      const text = await readFile(join(this.dir, name), 'utf8').catch(() => '');
      if (text.includes(`\nid: ${e.id}\n`) || text.includes(`\nid: "${e.id}"\n`)) return name;
    }
    return null;
  }

  /** Rewrites the episode's notula only when the archive holds one (an erasure must reach it; a removed one stays removed). */
  async rewriteIfArchived(e: Episode, aspirations?: readonly NotulaAspiration[]): Promise<string | null> {
    if (!(await this.nameOf(e))) return null;
    return this.write(e, aspirations);
  }

  /**
   * Deletes a notula by a name taken from the archive's own listing, never a path built
   * from input: a name not listed (../staff.json, a dotfile) is simply not found.
   */
  async remove(name: string): Promise<boolean> {
    const listed = (await this.list()).find((n) => n === name);
    if (!listed) return false;
    await unlink(join(this.dir, listed));
    return true;
  }
}
