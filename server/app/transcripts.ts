import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { exportNotula, transcriptFileName } from '../domain/notula/index.ts';
import { insideDir } from '../store/paths.ts';
import { writeFileDurably } from '../store/durable-file.ts';
import type { Episode, NotulaAspiration } from '../contract/types.ts';

/** A temp file of a write that never finished: `.<name>.md.tmp`. */
const TEMP = /^\..+\.md\.tmp$/;

/** transcripts/: one Markdown notula per finished episode, named to read as a programme guide. */
export class TranscriptArchive {
  /**
   * The write under way per episode: two corrections a moment apart would otherwise share
   * one temp file, and the second rename could find it gone. Each write waits for the one
   * before it, and writes the episode as it is by then.
   */
  readonly #writing = new Map<string, Promise<string>>();

  constructor(readonly dir: string) {}

  /** The path of a file in the archive; refuses any name that would land outside it. */
  #path(name: string): string {
    const path = insideDir(this.dir, name);
    if (!path || name.includes('/') || name.includes('\\')) throw new Error(`transcript name ${JSON.stringify(name).slice(0, 80)} is not inside ${this.dir}`);
    return path;
  }

  /** Writes (or rewrites) the episode's notula atomically, with its aspiration section; returns the file name. */
  write(e: Episode, aspirations?: readonly NotulaAspiration[]): Promise<string> {
    const before = this.#writing.get(e.id);
    const next = (before ? before.catch(() => '') : Promise.resolve('')).then(() => this.#write(e, aspirations));
    this.#writing.set(e.id, next);
    const done = () => { if (this.#writing.get(e.id) === next) this.#writing.delete(e.id); };
    next.then(done, done);
    return next;
  }

  async #write(e: Episode, aspirations?: readonly NotulaAspiration[]): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = await this.#freeName(e);
    const target = this.#path(name);
    // A failed write leaves no half notula behind.
    await writeFileDurably(target, exportNotula(e, aspirations), { tmp: this.#path(`.${name}.tmp`) });
    return name;
  }

  /** Removes temp files that a crash mid-write left; returns their names. Run at start. */
  async sweep(): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((f) => TEMP.test(f));
    } catch {
      return [];
    }
    for (const f of names) await unlink(this.#path(f)).catch(() => undefined);
    return names;
  }

  /**
   * The programme-guide name, unless another episode's notula already holds it (same
   * date, series, number and title): then the join code is added, never overwriting.
   */
  async #freeName(e: Episode): Promise<string> {
    const name = transcriptFileName(e);
    const existing = await readFile(this.#path(name), 'utf8').catch(() => null);
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
    return readFile(this.#path(name), 'utf8');
  }

  /** The archived notula of this episode, if there is one (either name #freeName may have given it). */
  async nameOf(e: Episode): Promise<string | null> {
    const names = await this.list();
    const base = transcriptFileName(e);
    for (const name of [base, base.replace(/\.md$/, `_${e.code.toLowerCase()}.md`)]) {
      if (!names.includes(name)) continue;
      const text = await readFile(this.#path(name), 'utf8').catch(() => '');
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
    await unlink(this.#path(listed));
    return true;
  }
}
