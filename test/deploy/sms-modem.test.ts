// The GSM-modem script as Gammu runs it: a child process with RunOnReceive's environment,
// a stand-in for the Kentongan server that checks what arrives, and a stand-in
// gammu-smsd-inject first on PATH that writes down the arguments it was given — so a reply
// full of quotes, $(…) and newlines is seen to arrive as one argument, and nothing of it runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { decodeKannel, fromGammu, parseEnvFile, replyCommand } from '../../server/deploy/sms-modem.mjs';
import { standIn } from '../support/stand-in.ts';
import type { StandIn } from '../support/stand-in.ts';
import { freePort } from '../support/ports.ts';

const SCRIPT = 'server/deploy/sms-modem.mjs';
const SECRET = 'rahasia-modem-123';

let dir: string;
let server: StandIn;
const record = () => join(dir, 'inject.jsonl');
const marker = () => join(dir, 'pwned');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kentongan-modem-'));
  server = await standIn();
  // What Gammu's own tool would do with a reply, minus the modem: one JSON line of its argv.
  // Plain CommonJS (the temp folder has no package.json); exits as FAKE_INJECT_EXIT says.
  await writeFile(join(dir, 'gammu-smsd-inject'), `#!${process.execPath}
require('fs').appendFileSync(${JSON.stringify(record())}, JSON.stringify(process.argv.slice(2)) + '\\n');
process.exit(Number(process.env.FAKE_INJECT_EXIT || 0));
`);
  await chmod(join(dir, 'gammu-smsd-inject'), 0o755);
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run { code: number | null; stdout: string; stderr: string }

function runScript(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      // Gammu's environment: the message, nothing of ours but PATH (the fake inject first).
      env: { PATH: `${dir}:${process.env.PATH}`, KENTONGAN_RETRY_DELAYS_MS: '10,10', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function injected(): Promise<string[][]> {
  if (!existsSync(record())) return [];
  return (await readFile(record(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as string[]);
}

/** A two-part SMS as Gammu SMSD describes it, the files backend's names appended. */
const GAMMU = {
  SMS_MESSAGES: '2',
  DECODED_PARTS: '1',
  SMS_1_NUMBER: '+6281234565432',
  SMS_1_CLASS: '-1',
  SMS_1_TEXT: 'TANYA Kapan jalan desa Sukamaju ',
  SMS_2_NUMBER: '+6281234565432',
  SMS_2_TEXT: 'diperbaiki? 🙏',
  DECODED_1_TEXT: 'TANYA Kapan jalan desa Sukamaju diperbaiki? 🙏',
  PHONE_ID: 'modem-studio',
};
const FILES = ['IN20261203_190000_00_+6281234565432_00.txt', 'IN20261203_190000_00_+6281234565432_01.txt'];

const REPLY = `Pertanyaan "12" diterima, 'Dialog Pagi'. $(touch ${'MARKER'}) \`touch MARKER\`; touch MARKER\nBaris kedua & | > x`;

describe('sms-modem.mjs under Gammu SMSD', () => {
  it('posts the joined message with the bearer secret and sends the reply with gammu-smsd-inject, no shell', async () => {
    const reply = REPLY.replaceAll('MARKER', marker());
    server.answer(() => ({ status: 200, body: { ok: true, reply } }));
    await writeFile(join(dir, 'modem.env'), `# Kentongan\nKENTONGAN_URL="${server.url}/"\nexport KENTONGAN_MODEM_SECRET=${SECRET}\n`);
    const run = await runScript(['--env-file', join(dir, 'modem.env'), ...FILES], GAMMU);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');

    expect(server.requests).toHaveLength(1);
    const r = server.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/api/intake/sms/modem');
    expect(r.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(r.headers['content-type']).toBe('application/json');
    const body = r.json as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['from', 'id', 'receivedAt', 'text']);
    expect(body).toMatchObject({ from: '+6281234565432', text: 'TANYA Kapan jalan desa Sukamaju diperbaiki? 🙏' });
    expect(body.id).toMatch(/^gammu-[0-9a-f]{32}$/);
    expect(Number.isNaN(Date.parse(body.receivedAt!))).toBe(false);

    expect(await injected()).toEqual([['TEXT', '+6281234565432', '-textutf8', reply, '-autolen', String(reply.length)]]);
    expect(existsSync(marker())).toBe(false);
    expect(run.stderr).toContain('pesan dari 0812-••••-5432 diterima');
    expect(run.stderr).not.toContain(SECRET);
  });

  it('gives one message the same id on every run, and another message another', async () => {
    const env = { ...GAMMU, KENTONGAN_URL: server.url, KENTONGAN_MODEM_SECRET: SECRET };
    await runScript(FILES, env);
    await runScript(FILES, env);
    await runScript(['IN20261203_190500_00_+6281234565432_00.txt'], env);
    const ids = server.requests.map((r) => (r.json as { id: string }).id);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(await injected()).toEqual([]); // the stand-in's default answer has no reply
  });

  it('joins the physical parts when Gammu decoded none', () => {
    const { DECODED_PARTS: _p, DECODED_1_TEXT: _t, ...raw } = GAMMU;
    expect(fromGammu({ ...raw, DECODED_PARTS: '0' }, [], '2026-12-03T12:00:00.000Z')).toMatchObject({ text: 'TANYA Kapan jalan desa Sukamaju diperbaiki? 🙏' });
    expect(fromGammu({}, [], 'x')).toBeNull();
  });

  it('tries again while the server is down or failing, with the same id', async () => {
    server.answer((_r, i) => (i < 2 ? { status: 503, body: { error: { code: 'server_busy', message: 'sibuk' } } } : { status: 200, body: { ok: true, reply: 'Diterima' } }));
    const run = await runScript(FILES, { ...GAMMU, KENTONGAN_URL: server.url, KENTONGAN_MODEM_SECRET: SECRET });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => (r.json as { id: string }).id)).size).toBe(1);
    expect(await injected()).toEqual([['TEXT', '+6281234565432', '-textutf8', 'Diterima', '-autolen', '8']]);
  });

  it('gives up with exit 1 when the server stays away, saying so in its log file', async () => {
    const port = await freePort();
    const log = join(dir, 'modem.log');
    const run = await runScript(FILES, { ...GAMMU, KENTONGAN_URL: `http://127.0.0.1:${port}`, KENTONGAN_MODEM_SECRET: SECRET, KENTONGAN_MODEM_LOG: log });
    expect(run.code).toBe(1);
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3); // two "dicoba lagi", one "tidak sampai"
    expect(lines.at(-1)).toMatch(/pesan dari 0812-••••-5432 tidak sampai: server tidak terjangkau/);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(await injected()).toEqual([]);
  });

  it('stops at once with exit 2 when the server refuses (a wrong secret is not retried)', async () => {
    server.answer(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'Rahasia modem salah.' } } }));
    const run = await runScript(FILES, { ...GAMMU, KENTONGAN_URL: server.url, KENTONGAN_MODEM_SECRET: 'salah' });
    expect(run.code).toBe(2);
    expect(server.requests).toHaveLength(1);
    expect(run.stderr).toContain('ditolak server: HTTP 401 unauthorized: Rahasia modem salah.');
  });

  it('exits 3 when the message got through but the reply command failed', async () => {
    server.answer(() => ({ status: 200, body: { ok: true, reply: 'Diterima' } }));
    const run = await runScript(FILES, { ...GAMMU, KENTONGAN_URL: server.url, KENTONGAN_MODEM_SECRET: SECRET, FAKE_INJECT_EXIT: '4' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('balasan ke 0812-••••-5432 gagal dikirim lewat gammu-smsd-inject');
  });

  it('takes another reply command, or none', async () => {
    server.answer(() => ({ status: 200, body: { ok: true, reply: 'Diterima' } }));
    const base = { ...GAMMU, KENTONGAN_URL: server.url, KENTONGAN_MODEM_SECRET: SECRET };
    await runScript(FILES, { ...base, KENTONGAN_REPLY_COMMAND: 'gammu-smsd-inject -c /etc/gammu-smsdrc-2 TEXT {to} -unicode -textutf8 {text}' });
    await runScript(FILES, { ...base, KENTONGAN_REPLY_COMMAND: 'off' });
    expect(await injected()).toEqual([['-c', '/etc/gammu-smsdrc-2', 'TEXT', '+6281234565432', '-unicode', '-textutf8', 'Diterima']]);
  });

  it('says what is missing instead of posting', async () => {
    expect((await runScript(FILES, GAMMU)).stderr).toContain('KENTONGAN_URL belum diatur');
    const run = await runScript([], { KENTONGAN_URL: server.url, KENTONGAN_MODEM_SECRET: SECRET });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tidak ada pesan');
    expect(server.requests).toHaveLength(0);
  });
});

describe('sms-modem.mjs with --from/--text (Kannel exec, other tools)', () => {
  it('decodes Kannel\'s escapes and prints the reply for Kannel to send', async () => {
    server.answer(() => ({ status: 200, body: { ok: true, reply: 'Pilihan 2 dicatat' } }));
    const utf16 = Buffer.from('PILIH 2 ✓', 'utf16le').swap16();
    const text = [...utf16].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
    const run = await runScript(['--urlencoded', '--charset', 'UTF-16BE', '--from', '%2B6281234565432', '--text', text, '--id', '9f1c2c9e-7b1a-4c53-9a6e-1f7c0b6c2d11', '--reply-stdout'],
      { KENTONGAN_URL: server.url, KENTONGAN_MODEM_SECRET: SECRET });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Pilihan 2 dicatat');
    expect(server.requests[0]!.json).toMatchObject({ from: '+6281234565432', text: 'PILIH 2 ✓', id: '9f1c2c9e-7b1a-4c53-9a6e-1f7c0b6c2d11' });
    expect(await injected()).toEqual([]);
  });

  it('plain arguments, with an id made up when none is given', async () => {
    const run = await runScript(['--from', '081234565432', '--text', 'USUL Sukamaju: lampu jalan', '--received-at', '2026-12-03T19:00:00+07:00'],
      { KENTONGAN_URL: server.url, KENTONGAN_MODEM_SECRET: SECRET });
    expect(run.code).toBe(0);
    expect(server.requests[0]!.json).toMatchObject({ from: '081234565432', text: 'USUL Sukamaju: lampu jalan', receivedAt: '2026-12-03T19:00:00+07:00', id: expect.stringMatching(/^cli-[0-9a-f]{32}$/) });
  });

  it('the helpers: Kannel\'s form encoding, env files, reply templates', () => {
    expect(decodeKannel('TANYA+kapan%3F+%22jalan%22', null)).toBe('TANYA kapan? "jalan"');
    expect(decodeKannel('caf%E9', 'ISO-8859-1')).toBe('café');
    expect(decodeKannel('caf%C3%A9', 'UTF-8')).toBe('café');
    expect(parseEnvFile('A=1\n# x\n\nexport B="dua kata"\nC=\'$(x)\'\nbukan baris\n')).toEqual({ A: '1', B: 'dua kata', C: '$(x)' });
    expect(replyCommand('inject TEXT {to} -textutf8 {text} -autolen {length}', '+62812', 'a b {to}')).toEqual(['inject', 'TEXT', '+62812', '-textutf8', 'a b {to}', '-autolen', '8']);
  });
});
