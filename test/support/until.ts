// The one way a test waits for something it cannot await directly (a delta applied by a socket
// handler, a queue filling up, a server log line). It checks again after every short pause and
// gives up only after a generous limit, so a slow, shared machine makes a test slower, never red;
// no test depends on how long anything takes.
const LIMIT_MS = 30_000;
const PAUSE_MS = 10;

export async function until(check: () => boolean | Promise<boolean>, what = 'the condition'): Promise<void> {
  const end = Date.now() + LIMIT_MS;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
}
