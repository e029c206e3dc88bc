// How a reply leaves the station: one `Sender` per gateway that can send on its own (the
// GSM modem's replies go back in the answer to its script, see server/deploy/sms-modem.mjs).
// A failure is a `SendError` whose message is a short Indonesian sentence for the
// screener's gateway health. It is built only from the status, the gateway's own error
// code and host — never from the URL's password or the token, which are scrubbed from
// anything the gateway says back before a word of it is shown.
import { normalizePhone } from '../domain/intake/phone.ts';

export interface ReplyMeta {
  /** WhatsApp: the station's business number the listener wrote to (`value.metadata.phone_number_id`). */
  phoneNumberId?: string;
  /** Stable for one reply across retries, so a gateway that knows ids sends it once (SMS Gateway: 409 on a repeat). */
  id?: string;
}

export interface Sender {
  send(to: string, text: string, meta?: ReplyMeta): Promise<void>;
}

export class SendError extends Error {
  override readonly name = 'SendError';
  constructor(
    /** For the screener, e.g. "Gateway tidak menjawab (192.168.1.20:8080)". */
    message: string,
    /** Worth trying again later (no answer, busy, server error); otherwise the reply is dropped. */
    readonly transient: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** What the gateway said, as one short line with every secret taken out. */
function scrub(said: string, secrets: readonly string[]): string {
  let s = said.replace(/[\u0000-\u001F\u007F]+/g, ' ');
  for (const secret of secrets) if (secret.length >= 3) s = s.split(secret).join('••••');
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

interface Call {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  timeoutMs: number;
  /** Who is asked, in the screener's words: "Gateway" or "WhatsApp". */
  who: string;
  /** Host and port, never the userinfo. */
  label: string;
}

/** POSTs JSON; answers the status and body of any HTTP answer, throws a SendError when there was none. */
async function post(call: Call): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(call.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...call.headers },
      body: JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.timeoutMs),
      redirect: 'error',
    });
    // Read (or fail reading) inside the timeout, so a gateway that stalls mid-answer counts as silent.
    const text = await res.text();
    return { status: res.status, text };
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new SendError(`${call.who} tidak menjawab dalam ${seconds(call.timeoutMs)} detik (${call.label})`, true);
    }
    const code = ((err as { cause?: { code?: string } }).cause?.code) ?? '';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new SendError(`Alamat ${call.who.toLowerCase()} tidak ditemukan (${call.label})`, true);
    throw new SendError(`${call.who} tidak menjawab (${call.label})`, true);
  }
}

/** 15000 → "15", 2500 → "2,5": the screener reads Indonesian decimals. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10).replace('.', ',');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The HTTP status in the screener's words; `detail` is what the gateway said, already scrubbed. */
function statusError(who: string, status: number, detail: string, authHint: string): SendError {
  const said = detail ? `: ${detail}` : '';
  if (status === 401 || status === 403) return new SendError(`${authHint} (HTTP ${status})`, false, status);
  if (status === 404) return new SendError(`Alamat ${who.toLowerCase()} salah (HTTP 404)${said}`, false, status);
  if (status === 408 || status === 429) return new SendError(`${who} sibuk (HTTP ${status}), dicoba lagi`, true, status);
  if (status >= 500) return new SendError(`${who} bermasalah (HTTP ${status})${said}`, true, status);
  return new SendError(`${who} menolak balasan (HTTP ${status})${said}`, false, status);
}

// ——— SMS Gateway for Android (capcom6/android-sms-gateway) ———

export interface SmsGatewayTarget {
  /** Where replies are POSTed, without credentials (Node's fetch refuses a URL with them). */
  endpoint: string;
  /** `Basic …` from the URL's user and password, or null when the URL has none. */
  authorization: string | null;
  /** Host and port for the screener: "192.168.1.20:8080". */
  label: string;
  /** The credentials (and their Basic encoding), only to scrub them from anything shown. */
  secrets: string[];
}

const CLOUD_HOST = 'api.sms-gate.app';

/**
 * The admin's one gateway address → where and how to send. The URL's path chooses the API:
 * - none (`http://sms:pass@192.168.1.20:8080`): the phone's own local server, `POST /message`;
 *   the public cloud host `api.sms-gate.app` instead gets `/3rdparty/v1/messages`;
 * - ending in `/message` or `/messages`: used as it is (any server, any prefix);
 * - ending in `/3rdparty/v1`: `/messages` is added;
 * - any other (`https://sms.example.id/api`, a private server): `/3rdparty/v1/messages` is added.
 * A query string is kept (e.g. `?skipPhoneValidation=true`).
 */
export function smsGatewayTarget(raw: string): { ok: true; value: SmsGatewayTarget } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'Alamat gateway bukan URL, contoh: http://sms:katasandi@192.168.1.20:8080' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'Alamat gateway harus diawali http:// atau https://' };
  if (!url.hostname) return { ok: false, reason: 'Alamat gateway tanpa nama host' };
  let user: string;
  let password: string;
  try {
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
  } catch {
    return { ok: false, reason: 'Nama pengguna atau kata sandi di alamat gateway tidak bisa dibaca (tulis % sebagai %25)' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  let sendPath: string;
  if (path === '') sendPath = url.hostname === CLOUD_HOST ? '/3rdparty/v1/messages' : '/message';
  else if (/\/messages?$/.test(path)) sendPath = path;
  else if (/\/3rdparty\/v1$/.test(path)) sendPath = `${path}/messages`;
  else sendPath = `${path}/3rdparty/v1/messages`;
  const basic = user || password ? Buffer.from(`${user}:${password}`, 'utf8').toString('base64') : null;
  return {
    ok: true,
    value: {
      endpoint: `${url.protocol}//${url.host}${sendPath}${url.search}`,
      authorization: basic ? `Basic ${basic}` : null,
      label: url.host,
      // The encoded pair too: a gateway that echoes the header back would otherwise show it.
      secrets: [basic ?? '', password, user].filter((s) => s !== ''),
    },
  };
}

/** The address as the admin's console shows it: the password replaced, the rest as typed. */
export function showGatewayUrl(raw: string): string {
  return raw.trim().replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*):[^/?#]*@/i, '$1:••••@');
}

/** "+62…" for an Indonesian number; another country's "+…" as it is. */
export function toE164(raw: string): string | null {
  const local = normalizePhone(raw);
  if (local) return `+62${local.slice(1)}`;
  const s = raw.replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{7,14}$/.test(s) ? s : null;
}

export interface SmsGatewayOptions {
  /** SMS_GATEWAY_URL or the admin's setting. */
  url: string;
  timeoutMs?: number;
}

/** Throws (an Error with an Indonesian reason) when the address is unusable: check it with smsGatewayTarget first. */
export function smsGatewaySender(opts: SmsGatewayOptions): Sender {
  const parsed = smsGatewayTarget(opts.url);
  if (!parsed.ok) throw new Error(parsed.reason);
  const target = parsed.value;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(to, text, meta) {
      const phone = toE164(to);
      if (!phone) throw new SendError('Nomor tujuan tidak valid', false);
      const { status, text: answer } = await post({
        url: target.endpoint,
        headers: target.authorization ? { authorization: target.authorization } : {},
        body: { ...(meta?.id ? { id: meta.id } : {}), textMessage: { text }, phoneNumbers: [phone] },
        timeoutMs,
        who: 'Gateway',
        label: target.label,
      });
      if (status >= 200 && status < 300) return;
      // The same id again: an earlier try reached the phone even though its answer did not reach us.
      if (status === 409 && meta?.id) return;
      const said = parseJson(answer) as { message?: unknown } | null;
      const detail = typeof said?.message === 'string' ? scrub(said.message, target.secrets) : '';
      throw statusError('Gateway', status, detail, `Gateway menolak nama pengguna atau kata sandi (${target.label}): periksa alamat gateway`);
    },
  };
}

// ——— WhatsApp Business Cloud API ———

/**
 * Meta keeps a Graph API version about two years: v24.0 (October 2025) was the newest in
 * early 2026, when v21.0 was near its end. WHATSAPP_API_URL overrides the whole base.
 */
export const WHATSAPP_API_BASE = 'https://graph.facebook.com/v24.0';

/** Cloud API error codes worth waiting for: throughput and pair rate limits, temporary outages. */
const WHATSAPP_TRANSIENT = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004]);

const WHATSAPP_CODES: Record<number, string> = {
  0: 'Token WhatsApp ditolak: buat token baru di Meta',
  190: 'Token WhatsApp kedaluwarsa: buat token baru di Meta',
  131047: 'Lewat 24 jam sejak pesan terakhir pendengar: WhatsApp tidak mengizinkan balasan biasa',
  131026: 'Pesan tidak bisa diantar ke nomor ini',
  131030: 'Nomor pendengar belum terdaftar sebagai nomor uji di Meta',
  131048: 'WhatsApp membatasi nomor stasiun karena dianggap spam',
  2635: 'Versi Graph API sudah tidak didukung: atur WHATSAPP_API_URL ke versi yang baru',
};

/** wa_id form: digits only, Indonesian numbers with 62. */
export function toWhatsAppId(raw: string): string | null {
  const e164 = toE164(raw.startsWith('+') || raw.startsWith('0') ? raw : `+${raw}`);
  return e164 ? e164.slice(1) : null;
}

export interface WhatsAppOptions {
  /** WHATSAPP_TOKEN: a permanent system-user token with whatsapp_business_messaging. */
  token: string;
  /** WHATSAPP_API_URL, e.g. a local stand-in in tests; default WHATSAPP_API_BASE. */
  apiBase?: string;
  timeoutMs?: number;
}

export function whatsAppSender(opts: WhatsAppOptions): Sender {
  const base = (opts.apiBase ?? WHATSAPP_API_BASE).replace(/\/+$/, '');
  const label = (() => {
    try {
      return new URL(base).host;
    } catch {
      throw new Error('WHATSAPP_API_URL bukan URL');
    }
  })();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(to, text, meta) {
      const phoneNumberId = meta?.phoneNumberId;
      if (!phoneNumberId || !/^\d{1,30}$/.test(phoneNumberId)) throw new SendError('Nomor WhatsApp stasiun tidak diketahui untuk balasan ini', false);
      const waId = toWhatsAppId(to);
      if (!waId) throw new SendError('Nomor tujuan tidak valid', false);
      const { status, text: answer } = await post({
        url: `${base}/${phoneNumberId}/messages`,
        headers: { authorization: `Bearer ${opts.token}` },
        body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: waId, type: 'text', text: { body: text } },
        timeoutMs,
        who: 'WhatsApp',
        label,
      });
      if (status >= 200 && status < 300) return;
      const said = parseJson(answer) as { error?: { code?: unknown } } | null;
      const code = typeof said?.error?.code === 'number' ? said.error.code : null;
      if (code !== null) {
        const transient = WHATSAPP_TRANSIENT.has(code) || status >= 500;
        const words = WHATSAPP_CODES[code] ?? (transient ? 'WhatsApp membatasi atau sedang bermasalah, dicoba lagi' : 'WhatsApp menolak balasan');
        throw new SendError(`${words} (kode ${code}, HTTP ${status})`, transient, status);
      }
      throw statusError('WhatsApp', status, '', 'Token WhatsApp ditolak: buat token baru di Meta');
    },
  };
}
