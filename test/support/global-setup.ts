import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startBrowserServer } from './browser.ts';

// The browser tests and the server's static route need the built web app: build once per run.
// One Chromium for the whole run, which each test file connects to: a launch per file cost
// about a second of CPU each (27 files), and each file's contexts are its own anyway.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [chromium] = await Promise.all([
    startBrowserServer(),
    process.env.SKIP_WEB_BUILD === '1' ? undefined : build({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  ]);
  project.provide('chromiumEndpoint', chromium.wsEndpoint());
  return () => chromium.close();
}
