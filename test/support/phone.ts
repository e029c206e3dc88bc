// The test plays the phone: it builds the bodies the gateways send, signs them with the
// station's secret the way each gateway does, and posts them to the real server.
import { createHmac } from 'node:crypto';

export const SMS_SECRET = 'kunci-webhook-sms-gateway-01';
export const MODEM_SECRET = 'kunci-modem-gammu-rahasia-02';
export const WA_APP_SECRET = 'rahasia-aplikasi-meta-000003';
export const WA_VERIFY = 'token-verifikasi-webhook-04';

/** The environment a scripted install would give (domain/intake/settings.ts). */
export const INTAKE_ENV = {
  SMS_GATEWAY_SECRET: SMS_SECRET, SMS_MODEM_SECRET: MODEM_SECRET,
  WHATSAPP_APP_SECRET: WA_APP_SECRET, WHATSAPP_VERIFY_TOKEN: WA_VERIFY,
};

export interface Sms {
  from: string;
  text: string;
  messageId?: string;
  deviceId?: string;
  receivedAt?: string;
}

let seq = 0;

/** SMS Gateway for Android's `sms:received` webhook body. */
export function androidBody(sms: Sms): string {
  seq++;
  return JSON.stringify({
    deviceId: sms.deviceId ?? 'ffffffffceb0b1db0000018e937c815b',
    event: 'sms:received',
    id: `Ey6ECgOkVVFjz3CL48B8C${seq}`,
    webhookId: 'LreFUt-Z3sSq0JufY9uWB',
    payload: {
      messageId: sms.messageId ?? `abc${seq}`,
      message: sms.text,
      phoneNumber: sms.from,
      simNumber: 1,
      receivedAt: sms.receivedAt ?? '2026-12-04T19:00:00.000+07:00',
    },
  });
}

/** Posts a body signed as the gateway signs: hex HMAC-SHA256 of body + X-Timestamp. */
export async function postAndroid(url: string, body: string, opts: { secret?: string; timestamp?: number; signature?: string | null } = {}) {
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const sig = opts.signature !== undefined ? opts.signature : createHmac('sha256', opts.secret ?? SMS_SECRET).update(body + ts).digest('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-timestamp': ts };
  if (sig !== null) headers['x-signature'] = sig;
  const res = await fetch(`${url}/api/intake/sms`, { method: 'POST', headers, body });
  return { status: res.status, json: await res.json().catch(() => null) as any };
}

export async function sms(url: string, message: Sms, opts: { timestamp?: number } = {}) {
  return postAndroid(url, androidBody(message), opts);
}

export async function postModem(url: string, message: { from: string; text: string; receivedAt?: string; id?: string }, secret = MODEM_SECRET) {
  const res = await fetch(`${url}/api/intake/sms/modem`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify(message),
  });
  return { status: res.status, json: await res.json().catch(() => null) as any };
}

export interface WaMessage {
  from: string;
  id: string;
  text?: string;
  type?: string;
}

/** A WhatsApp Cloud API notification with one or more messages. */
export function whatsappBody(messages: WaMessage[], phoneNumberId = '106540352242922'): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '6281100002222', phone_number_id: phoneNumberId },
          contacts: messages.map((m) => ({ profile: { name: 'Pendengar' }, wa_id: m.from })),
          messages: messages.map((m) => ({
            from: m.from, id: m.id, timestamp: '1764849600', type: m.type ?? 'text',
            ...(m.type && m.type !== 'text' ? { image: { id: '1', mime_type: 'image/jpeg' } } : { text: { body: m.text ?? '' } }),
          })),
        },
      }],
    }],
  });
}

export async function postWhatsApp(url: string, body: string, opts: { secret?: string; signature?: string | null } = {}) {
  const sig = opts.signature !== undefined ? opts.signature : `sha256=${createHmac('sha256', opts.secret ?? WA_APP_SECRET).update(body).digest('hex')}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  const res = await fetch(`${url}/api/intake/whatsapp`, { method: 'POST', headers, body });
  return { status: res.status, json: await res.json().catch(() => null) as any };
}
