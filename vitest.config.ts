import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { alias } from './vite.config.ts';

// Two projects: everything as before, and the stores written with runes (*.svelte.ts),
// whose tests (test/web/*.svelte.test.ts) need the Svelte compiler and Svelte's browser
// runtime. Only those get the plugin and the browser condition: in the other tests it
// would hand socket.io-client's browser build to Node.
const runes = 'test/web/**/*.svelte.test.ts';

export default defineConfig({
  // Web modules under test import the contract as $contract/… like the bundle does.
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and crash tests start servers and Chromium; two cores, so keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['test/**/*.test.ts'],
          exclude: ['test/bench/**', 'node_modules/**', runes],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [svelte({ configFile: false })],
        resolve: { conditions: ['browser'] },
        test: { name: 'runes', include: [runes] },
      },
    ],
  },
});
