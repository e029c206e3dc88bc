// The fixture the browser tests share, as `studioServer` is for the integration tests: one
// server and one Chromium per test file, started together, with the admin signed in and (when
// asked) the crew's accounts and sockets; a test file states only its story.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { context, launchBrowser, watchErrors } from './browser.ts';
import { signIn, startServer } from './server.ts';
import type { TestServer } from './server.ts';
import { crew } from './show.ts';
import type { Crew } from './show.ts';
import { disconnectCrew } from './integration.ts';
import type { AppConfig } from '../../server/application.ts';

export interface OpenedPage {
  readonly ctx: BrowserContext;
  readonly page: Page;
  /** Page and console errors seen so far (see watchErrors). */
  readonly errors: string[];
  /** The messages of dialogs the page opened (dismissed), when asked for with `dialogs`. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A staff session cookie (`name=value`) for the context. */
  cookie?: string;
  /** A phone's viewport and touch instead of a desk's screen. */
  phone?: boolean;
  /** Waits until a live console is connected and shows its episode. */
  console?: boolean;
  /** Dismisses every dialog and records its message: an alarm for script that should never run. */
  dialogs?: boolean;
}

export interface BrowserStudio extends Crew {
  readonly server: TestServer;
  readonly url: string;
  readonly browser: Browser;
  /** Opens `path` (or only a blank page, for null) in a new browser context of its own (cookies, storage). */
  open(path: string | null, opts?: OpenOptions): Promise<OpenedPage>;
}

export interface BrowserStudioOptions {
  /** Creates the host, screener and notulis accounts and connects their sockets (default: only the admin). */
  crew?: boolean;
  /** Listens on this port (e.g. one the config must name before the server starts). */
  port?: number;
}

/**
 * Starts a server (no sample episodes unless the config asks) and Chromium before the test
 * file's tests, and stops both after. Its hooks run before a later beforeAll and after a later
 * afterAll of the same file, so the file's own setup can use it.
 */
export function browserStudio(config: Partial<AppConfig> = {}, opts: BrowserStudioOptions = {}): BrowserStudio {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let admin: string | undefined;
  let people: Crew | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ sample: false, ...config }, undefined, opts.port ?? 0), launchBrowser()]);
    if (opts.crew) {
      people = await crew(server.url);
      admin = people.admin;
    } else {
      admin = await signIn(server.url);
    }
  });
  afterAll(async () => {
    disconnectCrew(people);
    await browser?.close();
    await server?.stop();
  });
  const ready = <T>(v: T | undefined, what = 'the studio'): T => {
    if (v === undefined) throw new Error(`${what} is used before its beforeAll ran`);
    return v;
  };
  const member = <K extends keyof Crew>(key: K): Crew[K] => {
    if (!opts.crew) throw new Error(`browserStudio(…, { crew: true }) is needed for ${key}`);
    return ready(people)[key];
  };
  return {
    get server() { return ready(server); },
    get url() { return ready(server).url; },
    get browser() { return ready(browser); },
    get admin() { return ready(admin); },
    get host() { return member('host'); },
    get screener() { return member('screener'); },
    get notulis() { return member('notulis'); },
    get hostCookie() { return member('hostCookie'); },
    get screenerCookie() { return member('screenerCookie'); },
    get notulisCookie() { return member('notulisCookie'); },
    async open(path, o = {}) {
      const ctx = await context(ready(browser), ready(server).url, { cookie: o.cookie, phone: o.phone });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      const dialogs: string[] = [];
      if (o.dialogs) {
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
      }
      if (path === null) return { ctx, page, errors, dialogs, close: () => ctx.close() };
      await page.goto(path);
      if (o.console) {
        await consoleReady(page).catch((err: Error) => {
          throw new Error(`${path}: ${err.message}\nerrors: ${errors.join(' | ')}\nserver: ${ready(server).logs.slice(-5).join(' | ')}`);
        });
      }
      return { ctx, page, errors, dialogs, close: () => ctx.close() };
    },
  };
}

/** Waits until a live console is connected and shows its episode; a console that never gets there says what it shows. */
export async function consoleReady(page: Page): Promise<void> {
  try {
    // Generous: on a loaded CI machine the first socket handshake can take a while.
    await page.locator('[data-testid=connection]', { hasText: 'Terhubung' }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=episode-status]').waitFor();
  } catch (err) {
    throw new Error(`console not ready: "${(await page.locator('body').innerText()).slice(0, 300)}" (${(err as Error).message.split('\n')[0]})`);
  }
}
