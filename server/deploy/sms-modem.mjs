#!/usr/bin/env node
// Passes an SMS from a GSM modem into Kentongan, and sends back the reply the server gives.
// Plain Node (20 or newer), no npm packages: it runs on the station's box next to Gammu.
//
//   Gammu SMSD:  RunOnReceive = /usr/bin/node /opt/kentongan/server/deploy/sms-modem.mjs --env-file /etc/kentongan/modem.env
//                (the message comes in SMS_MESSAGES, SMS_1_NUMBER, SMS_1_TEXT, DECODED_1_TEXT…;
//                Gammu appends the stored messages' ids or file names, which make the id)
//   Any tool:    sms-modem.mjs --from 081234565432 --text "TANYA kapan?" [--id ID] [--received-at ISO]
//   Kannel exec: sms-modem.mjs --urlencoded --charset %C --from "%p" --text "%b" --id "%I" --reply-stdout
//
// Settings (the environment, or KEY=VALUE lines in --env-file; the environment wins):
//   KENTONGAN_URL             the server, e.g. http://127.0.0.1:3000 (required)
//   KENTONGAN_MODEM_SECRET    the modem secret set by the admin (required)
//   KENTONGAN_REPLY_COMMAND   how a reply is sent; words {to} {text} {length} are filled in,
//                             each as one argument, no shell. "off": no replies.
//                             Default: gammu-smsd-inject TEXT {to} -textutf8 {text} -autolen {length}
//   KENTONGAN_TIMEOUT_MS      per request, default 10000
//   KENTONGAN_RETRY_DELAYS_MS pauses between tries while the server is down, default 2000,5000,15000
//                             (all of it well inside the two minutes Gammu waits for the script)
//   KENTONGAN_MODEM_LOG       a file to append this script's lines to (Gammu closes its output)
//
// Exit codes: 0 delivered (and the reply, if any, handed on); 1 the server could not be
// reached or kept failing; 2 the server refused the message, or a setting or argument is
// wrong; 3 delivered, but the reply command failed. Lines go to stderr, never stdout:
// with --reply-stdout stdout is the reply itself.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_REPLY_COMMAND = 'gammu-smsd-inject TEXT {to} -textutf8 {text} -autolen {length}';
const PATH = '/api/intake/sms/modem';

/** KEY=VALUE lines; blank lines, # comments and a leading "export " are allowed, quotes around a value removed. */
export function parseEnvFile(text) {
  const out = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1);
    out[m[1]] = value;
  }
  return out;
}

export function parseArgs(argv) {
  const opts = { envFile: null, from: null, text: null, id: null, receivedAt: null, urlencoded: false, charset: null, replyStdout: false, ids: [] };
  const valued = { '--env-file': 'envFile', '--from': 'from', '--text': 'text', '--id': 'id', '--received-at': 'receivedAt', '--charset': 'charset' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (name in valued) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new Error(`${name} tanpa nilai`);
      opts[valued[name]] = value;
    } else if (a === '--urlencoded') opts.urlencoded = true;
    else if (a === '--reply-stdout') opts.replyStdout = true;
    else if (a.startsWith('--')) throw new Error(`pilihan tidak dikenal: ${a}`);
    else opts.ids.push(a); // what Gammu appends: the stored messages' ids or file names
  }
  return opts;
}

/** Kannel's %p/%b: form-encoded bytes ("+" a space), in the charset %C names. */
export function decodeKannel(value, charset) {
  const bytes = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '+') bytes.push(0x20);
    else if (c === '%' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  const buf = Buffer.from(bytes);
  const cs = (charset ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if ((cs === 'UTF16BE' || cs === 'UCS2' || cs === 'UTF16') && buf.length % 2 === 0) return Buffer.from(buf).swap16().toString('utf16le');
  if (cs === 'ISO88591' || cs === 'LATIN1') return buf.toString('latin1');
  return buf.toString('utf8');
}

const hash = (...parts) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);

/** The message Gammu SMSD describes in RunOnReceive's environment; a long message's parts joined. */
export function fromGammu(env, ids, receivedAt) {
  const from = env.SMS_1_NUMBER;
  if (!from) return null;
  const physical = Number.parseInt(env.SMS_MESSAGES ?? '1', 10) || 1;
  const decoded = Number.parseInt(env.DECODED_PARTS ?? '0', 10) || 0;
  let parts = [];
  for (let i = 1; i <= decoded; i++) if (env[`DECODED_${i}_TEXT`] !== undefined) parts.push(env[`DECODED_${i}_TEXT`]);
  // No decoded text (an old Gammu, or a message it could not join): the physical parts in order.
  if (parts.length === 0) for (let i = 1; i <= physical; i++) parts.push(env[`SMS_${i}_TEXT`] ?? '');
  const text = parts.join('');
  // Gammu's ids name the stored message for good; without them (the null backend) the
  // number, the text and this moment stand in, stable across this run's retries.
  const id = `gammu-${ids.length > 0 ? hash(env.PHONE_ID ?? '', ...ids) : hash(env.PHONE_ID ?? '', from, text, receivedAt)}`;
  return { from, text, receivedAt, id };
}

/** "{to}", "{text}" and "{length}" as whole words of the template, each filled in as one argument. */
export function replyCommand(template, to, text) {
  const words = template.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new Error('KENTONGAN_REPLY_COMMAND kosong');
  const fill = { '{to}': to, '{text}': text, '{length}': String(text.length) };
  return words.map((w) => (w in fill ? fill[w] : w));
}

export function maskNumber(raw) {
  const digits = String(raw).replace(/\D/g, '').replace(/^62/, '0');
  return digits.length >= 8 ? `${digits.slice(0, 4)}-••••-${digits.slice(-4)}` : '••••';
}

function delays(value) {
  if (String(value).trim() === '') return [];
  const list = String(value).split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isFinite(n) || n < 0)) throw new Error('KENTONGAN_RETRY_DELAYS_MS tidak valid: tulis misalnya 2000,5000,15000');
  return list;
}

/** Posts the message; retries while the server is down or failing. Answers { ok, status, body } or { ok: false, transient, why }. */
async function deliver(url, secret, message, timeoutMs, pauses, log) {
  let why = '';
  for (let attempt = 0; ; attempt++) {
    let transient = true;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let body = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      if (res.ok) return { ok: true, status: res.status, body };
      const err = body && typeof body === 'object' && body.error ? body.error : {};
      why = `HTTP ${res.status}${err.code ? ` ${err.code}` : ''}${typeof err.message === 'string' ? `: ${err.message.slice(0, 200)}` : ''}`;
      transient = res.status >= 500 || res.status === 408 || res.status === 429;
      if (!transient) return { ok: false, transient: false, why };
    } catch (e) {
      why = e && (e.name === 'TimeoutError' || e.name === 'AbortError') ? `tidak menjawab dalam ${timeoutMs} ms` : `tidak terjangkau (${e?.cause?.code ?? e?.cause?.message ?? e?.message ?? e})`;
    }
    if (attempt >= pauses.length) return { ok: false, transient: true, why };
    log(`server ${why}; dicoba lagi dalam ${pauses[attempt]} ms`);
    await new Promise((r) => setTimeout(r, pauses[attempt]));
  }
}

function run(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    // execFile: no shell, so a reply's quotes, $(…) or newlines are only text.
    execFile(cmd, args, { timeout: timeoutMs, windowsHide: true }, (err, _stdout, stderr) => {
      resolve(err ? `${err.code ?? err.signal ?? 'gagal'}${stderr ? `: ${String(stderr).trim().slice(0, 200)}` : ''}` : null);
    });
  });
}

export async function main(argv, env, now = () => new Date()) {
  let logFile = env.KENTONGAN_MODEM_LOG ?? null;
  const log = (line) => {
    const text = `${now().toISOString()} kentongan-sms-modem: ${line}\n`;
    try {
      process.stderr.write(text);
    } catch {
      // Gammu closes the script's output: the log file, if any, is where lines go.
    }
    if (logFile) {
      try {
        appendFileSync(logFile, text);
      } catch {
        // Nowhere left to say it.
      }
    }
  };
  let opts;
  let config = { ...env };
  try {
    opts = parseArgs(argv);
    if (opts.envFile) config = { ...parseEnvFile(readFileSync(opts.envFile, 'utf8')), ...env };
    logFile = config.KENTONGAN_MODEM_LOG ?? null;
  } catch (e) {
    log(`tidak bisa mulai: ${e.message}`);
    return 2;
  }
  const base = (config.KENTONGAN_URL ?? '').replace(/\/+$/, '');
  const secret = config.KENTONGAN_MODEM_SECRET ?? '';
  if (!/^https?:\/\/[^/]+/.test(base)) {
    log('KENTONGAN_URL belum diatur (misalnya http://127.0.0.1:3000)');
    return 2;
  }
  if (!secret) {
    log('KENTONGAN_MODEM_SECRET belum diatur');
    return 2;
  }
  let timeoutMs;
  let pauses;
  try {
    timeoutMs = Number(config.KENTONGAN_TIMEOUT_MS ?? 10_000);
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error('KENTONGAN_TIMEOUT_MS tidak valid');
    pauses = delays(config.KENTONGAN_RETRY_DELAYS_MS ?? '2000,5000,15000');
  } catch (e) {
    log(e.message);
    return 2;
  }

  const receivedAt = opts.receivedAt ?? now().toISOString();
  let message;
  if (opts.from !== null || opts.text !== null) {
    if (opts.from === null || opts.text === null) {
      log('--from dan --text harus ada berdua');
      return 2;
    }
    const from = opts.urlencoded ? decodeKannel(opts.from, null) : opts.from;
    const text = opts.urlencoded ? decodeKannel(opts.text, opts.charset) : opts.text;
    const given = opts.id && /^[A-Za-z0-9._:-]{1,100}$/.test(opts.id) ? opts.id : null;
    message = { from, text, receivedAt, id: given ?? `cli-${hash(from, text, receivedAt, opts.id ?? '')}` };
  } else {
    message = fromGammu(env, opts.ids, receivedAt);
    if (!message) {
      log('tidak ada pesan: jalankan dari RunOnReceive Gammu, atau beri --from dan --text');
      return 2;
    }
  }

  const who = maskNumber(message.from);
  const result = await deliver(`${base}${PATH}`, secret, message, timeoutMs, pauses, log);
  if (!result.ok) {
    log(result.transient ? `pesan dari ${who} tidak sampai: server ${result.why}` : `pesan dari ${who} ditolak server: ${result.why}`);
    return result.transient ? 1 : 2;
  }
  const reply = result.body && typeof result.body.reply === 'string' && result.body.reply.trim() !== '' ? result.body.reply : null;
  log(`pesan dari ${who} diterima (${message.id})${reply ? ', membalas' : ''}`);
  if (!reply) return 0;
  if (opts.replyStdout) {
    process.stdout.write(reply);
    return 0;
  }
  const template = config.KENTONGAN_REPLY_COMMAND ?? DEFAULT_REPLY_COMMAND;
  if (template.trim().toLowerCase() === 'off') return 0;
  let cmd;
  try {
    cmd = replyCommand(template, message.from, reply);
  } catch (e) {
    log(e.message);
    return 3;
  }
  const failed = await run(cmd[0], cmd.slice(1), 30_000);
  if (failed) {
    log(`balasan ke ${who} gagal dikirim lewat ${cmd[0]}: ${failed}`);
    return 3;
  }
  return 0;
}

// Run as a program (also through a symlink), not when a test imports it.
const invoked = (() => {
  try {
    return process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
  } catch {
    return '';
  }
})();
if (invoked === import.meta.url) {
  main(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}
