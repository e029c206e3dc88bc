// The modem script against the real server, as a station runs it: Gammu's environment for
// a two-part SMS, the secret from an env file, the reply handed to (a stand-in for)
// gammu-smsd-inject — and the question in the screener's queue, filed once however often
// Gammu runs the script for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { api, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';
import { signIn } from '../support/client.ts';
import { INTAKE_ENV, MODEM_SECRET } from '../support/phone.ts';

let server: TestServer;
let dir: string;
let admin: string;
let episodeId: string;

beforeAll(async () => {
  server = await startServer({ intakeEnv: { ...INTAKE_ENV } });
  admin = await signIn(server.url);
  episodeId = (await createLiveEpisode(server.url, admin, { ...SHOW_EPISODE, premoderation: true })).id;
  dir = await mkdtemp(join(tmpdir(), 'kentongan-modem-real-'));
  await writeFile(join(dir, 'gammu-smsd-inject'), `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(join(dir, 'inject.jsonl'))}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`);
  await chmod(join(dir, 'gammu-smsd-inject'), 0o755);
  await writeFile(join(dir, 'modem.env'), `KENTONGAN_URL=${server.url}\nKENTONGAN_MODEM_SECRET=${MODEM_SECRET}\n`);
});
afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function gammu(files: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/deploy/sms-modem.mjs', '--env-file', join(dir, 'modem.env'), ...files], {
      env: {
        PATH: `${dir}:${process.env.PATH}`, SMS_MESSAGES: '2', DECODED_PARTS: '0',
        SMS_1_NUMBER: '+6281234565432', SMS_1_TEXT: 'Kapan posyandu di Tegalsari ', SMS_2_NUMBER: '+6281234565432', SMS_2_TEXT: 'buka lagi?',
      },
      stdio: 'ignore',
    });
    child.on('close', resolve);
  });
}

describe('server/deploy/sms-modem.mjs with the real server', () => {
  it('files the SMS once and sends the server\'s reply through gammu-smsd-inject', async () => {
    const files = ['IN20261204_190000_00_+6281234565432_00.txt', 'IN20261204_190000_00_+6281234565432_01.txt'];
    expect(await gammu(files)).toBe(0);
    expect(await gammu(files)).toBe(0); // Gammu runs it again for the same message: nothing twice
    const e = (await api(server.url, `/api/episodes/${episodeId}`, { cookie: admin })).json;
    const asked = e.questions.filter((q: any) => q.text === 'Kapan posyandu di Tegalsari buka lagi?');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ channel: 'sms', status: 'pending' });
    const injected = (await readFile(join(dir, 'inject.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    // The first run's reply; the retry was a duplicate and got none.
    expect(injected).toHaveLength(1);
    expect(injected[0].slice(0, 3)).toEqual(['TEXT', '+6281234565432', '-textutf8']);
    expect(injected[0][3]).toMatch(/^OBROLAN PAGI #12: Pertanyaan Anda diterima, nomor \d+\./);
  });
});
