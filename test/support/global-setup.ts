import { build } from 'vite';

// The browser tests and the server's static route need the built web app: build once per run.
export default async function setup(): Promise<void> {
  if (process.env.SKIP_WEB_BUILD === '1') return;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
