import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

/** The web's only way into server/: the wire contract (also in tsconfig.json and vitest.config.ts). */
export const alias = { $contract: fileURLToPath(new URL('./server/contract', import.meta.url)) };

// A listener on a 400 ms mobile link pays a round trip per wave of files, and HTTP/1.1
// fetches six at a time; left alone the bundler splits every shared helper into a file
// of its own (14 files for the listener page). Two named chunks keep it to a few:
// "net" (the socket client, which the small entry needs at once to start connecting,
// see web/src/early.ts) and "kit" (Svelte's runtime, the router and the helpers every
// live page uses, with the status/channel words of lib/labels.ts and the contract's import-free
// text limits and join-code rule, each too small to be worth a request). A helper missing from
// KIT still works; it only costs a request.
const NET = /node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser|@socket\.io[\\/]component-emitter|xmlhttprequest-ssl)[\\/]|web[\\/]src[\\/]lib[\\/](socket-boot|early-join)\./;
const KIT = /node_modules[\\/](svelte|esm-env|clsx)[\\/]|server[\\/]contract[\\/](text|join-code)\.ts|web[\\/]src[\\/](App\.svelte|app\.ts|lib[\\/](i18n\.svelte|router\.svelte|errors|english-errors\.svelte|connection\.svelte|live-episode\.svelte|episode-state|api|zoned-time|labels|components[\\/]LanguageSwitch)\.)/;

// The web app lives in web/; Express serves the built files from dist/web.
export default defineConfig({
  root: 'web',
  plugins: [svelte()],
  resolve: { alias },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2020',
    // The server reads it to preload the listener page's chunks from its HTML (server/http/listener-html.ts).
    manifest: true,
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Vite's preload helper in a tiny chunk of its own: in "net" or "kit" the entry
            // would wait for a big file before it could ask for the page's chunks.
            { name: 'boot', test: (id: string) => /preload-helper|modulepreload-polyfill/.test(id), priority: 3 },
            { name: 'net', test: (id: string) => NET.test(id), priority: 2 },
            { name: 'kit', test: (id: string) => KIT.test(id), priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/socket.io': { target: 'http://localhost:3000', ws: true },
      '/api': 'http://localhost:3000',
    },
  },
});
