import express, { Router } from 'express';
import type { Request, Response } from 'express';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { fail } from '../../contract/errors.ts';
import type { Gateway } from '../../contract/intake.ts';
import { verifyBearer, verifySmsGateway, verifyWhatsApp } from '../../intake/signatures.ts';
import type { Verdict } from '../../intake/signatures.ts';
import type { IntakeService } from '../../app/intake-service.ts';
import type { StaffService } from '../../auth/staff-service.ts';
import { body, requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import { isId } from '../../contract/ids.ts';
import { cutToOneSms } from '../../domain/intake/sms-length.ts';

// The three gateways' webhooks. Each reads its body raw (the signature is over the exact
// bytes), checks it before any JSON is parsed, and answers 2xx as soon as the message is on
// disk: SMS Gateway for Android retries for two days on anything else.

/** A multi-part SMS is at most ~1,600 characters; a WhatsApp batch a few messages. */
const WEBHOOK_LIMIT = '32kb';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** SMS Gateway for Android's webhook (docs.sms-gate.app, "Webhooks"). */
const androidHook = v.looseObject({
  deviceId: text(200),
  event: text(100),
  id: v.optional(text(200)),
  webhookId: v.optional(text(200)),
  payload: v.optional(v.looseObject({})),
});
const androidSms = v.looseObject({
  messageId: text(200),
  message: text(5_000),
  phoneNumber: text(40),
  simNumber: v.optional(v.nullable(v.number())),
  receivedAt: text(60),
});

/** What server/deploy/sms-modem.mjs posts for each message Gammu or Kannel received. */
const modemMessage = v.strictObject({
  from: text(40),
  text: text(5_000),
  receivedAt: v.optional(v.nullable(text(60))),
  // "gammu-<32 hex>", "cli-<32 hex>" (the script's), or another tool's own id.
  id: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9._:-]{1,100}$/)))),
});

/** WhatsApp Cloud API's notification: entry[].changes[].value.messages[] (statuses ignored). */
const whatsappHook = v.looseObject({
  object: v.optional(v.string()),
  entry: v.pipe(v.array(v.looseObject({
    changes: v.optional(v.pipe(v.array(v.looseObject({
      value: v.optional(v.looseObject({
        metadata: v.optional(v.looseObject({ phone_number_id: v.optional(text(60)) })),
        messages: v.optional(v.pipe(v.array(v.looseObject({
          from: text(40),
          id: text(300),
          type: text(40),
          text: v.optional(v.looseObject({ body: text(5_000) })),
        })), v.maxLength(100))),
      })),
    })), v.maxLength(100))),
  })), v.maxLength(100)),
});

const settingsInput = v.strictObject({
  smsSecret: v.optional(text(300)),
  smsGatewayUrl: v.optional(v.nullable(text(400))),
  modemSecret: v.optional(text(300)),
  whatsappVerifyToken: v.optional(text(300)),
  whatsappAppSecret: v.optional(text(300)),
  whatsappToken: v.optional(text(1_000)),
  smsNumber: v.optional(v.nullable(text(40))),
  whatsappNumber: v.optional(v.nullable(text(40))),
  episodeId: v.optional(v.nullable(text(60))),
});

const replyInput = v.strictObject({ text: v.pipe(v.string(), v.trim(), v.minLength(1, 'kosong'), v.maxLength(300)) });

const WHY: Record<Exclude<Verdict, { ok: true }>['reason'], string> = {
  missing: 'Pesan masuk tanpa tanda tangan ditolak',
  malformed: 'Pesan masuk dengan tanda tangan rusak ditolak',
  mismatch: 'Pesan masuk dengan tanda tangan salah ditolak (periksa kunci rahasia di aplikasi gateway)',
  stale: 'Pesan masuk dengan waktu lebih dari 5 menit meleset ditolak (periksa jam ponsel gateway)',
};

export interface IntakeDeps {
  intake: IntakeService;
  staff: StaffService;
  now: () => number;
  log: (line: string) => void;
}

export function intakeWebhooks({ intake, staff, now, log }: IntakeDeps): Router {
  const r = Router();
  const raw = express.raw({ type: () => true, limit: WEBHOOK_LIMIT });

  /** Refused before anything is read: a gateway that is off is not there. */
  const refuse = (res: Response, gateway: Gateway, verdict: Exclude<Verdict, { ok: true }>) => {
    intake.noteRefusal(gateway, WHY[verdict.reason]);
    sendError(res, fail(verdict.reason === 'stale' ? 'intake_stale' : 'intake_unsigned').error);
  };
  const json = (req: Request): unknown => {
    try {
      return JSON.parse((req.body as Buffer).toString('utf8'));
    } catch {
      return undefined;
    }
  };
  const bodyBytes = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

  r.post('/api/intake/sms', raw, async (req, res) => {
    const secret = intake.settings.smsSecret;
    if (!secret) return sendError(res, fail('intake_off').error);
    const verdict = verifySmsGateway(secret, bodyBytes(req), req.get('x-signature'), req.get('x-timestamp'), now());
    if (!verdict.ok) return refuse(res, 'android', verdict);
    const hook = v.safeParse(androidHook, json(req));
    if (!hook.success) return sendError(res, fail('invalid_payload').error);
    // sms:sent, sms:delivered, system:ping…: nothing to take, but the gateway is alive.
    if (hook.output.event !== 'sms:received') return res.json({ ok: true, ignored: hook.output.event });
    const sms = v.safeParse(androidSms, hook.output.payload);
    if (!sms.success) return sendError(res, fail('invalid_payload', '(payload)').error);
    const p = sms.output;
    const handled = await intake.receive({
      gateway: 'android', from: p.phoneNumber, text: p.message,
      // messageId alone repeats across phones and restarts of the app.
      key: `android:${hook.output.deviceId}:${p.messageId}:${p.receivedAt}`,
    });
    res.json({ ok: true, outcome: handled.outcome });
  });

  r.post('/api/intake/sms/modem', raw, async (req, res) => {
    const secret = intake.settings.modemSecret;
    if (!secret) return sendError(res, fail('intake_off').error);
    const verdict = verifyBearer(secret, req.get('authorization'));
    if (!verdict.ok) return refuse(res, 'modem', verdict);
    const m = v.safeParse(modemMessage, json(req));
    if (!m.success) return sendError(res, fail('invalid_payload').error);
    const { from, text: message, receivedAt, id } = m.output;
    const key = id ? `modem:${id}` : receivedAt ? `modem:${createHash('sha256').update(`${from}\n${receivedAt}\n${message}`).digest('base64url')}` : null;
    const handled = await intake.receive({ gateway: 'modem', from, text: message, key });
    // The script sends the reply itself (gammu-smsd-inject): the modem is its, not ours.
    res.json({ ok: true, outcome: handled.outcome, reply: handled.reply === null ? null : cutToOneSms(handled.reply) });
  });

  // Meta's verification handshake when the webhook is registered in the app dashboard.
  r.get('/api/intake/whatsapp', (req, res) => {
    const token = intake.settings.whatsappVerifyToken;
    if (!token || !intake.settings.whatsappAppSecret) return sendError(res, fail('intake_off').error);
    const q = req.query;
    const given = typeof q['hub.verify_token'] === 'string' ? q['hub.verify_token'] : '';
    const challenge = typeof q['hub.challenge'] === 'string' ? q['hub.challenge'] : '';
    if (q['hub.mode'] !== 'subscribe' || !sameSecret(token, given) || !/^[A-Za-z0-9_-]{1,200}$/.test(challenge)) {
      intake.noteRefusal('whatsapp', 'Verifikasi webhook WhatsApp dengan token yang salah ditolak');
      return sendError(res, fail('not_allowed', 'Token verifikasi tidak cocok.').error);
    }
    // Plain text, exactly the challenge: what the Cloud API expects back.
    res.type('text/plain').send(challenge);
  });

  r.post('/api/intake/whatsapp', raw, async (req, res) => {
    const secret = intake.settings.whatsappAppSecret;
    if (!secret || !intake.settings.whatsappVerifyToken) return sendError(res, fail('intake_off').error);
    const verdict = verifyWhatsApp(secret, bodyBytes(req), req.get('x-hub-signature-256'));
    if (!verdict.ok) return refuse(res, 'whatsapp', verdict);
    const hook = v.safeParse(whatsappHook, json(req));
    if (!hook.success) return sendError(res, fail('invalid_payload').error);
    const outcomes: string[] = [];
    for (const entry of hook.output.entry) {
      for (const change of entry.changes ?? []) {
        const phoneNumberId = change.value?.metadata?.phone_number_id;
        for (const m of change.value?.messages ?? []) {
          const handled = await intake.receive({
            gateway: 'whatsapp', from: m.from, key: `whatsapp:${m.id}`, phoneNumberId,
            // Photos, voice notes, stickers, locations: only text is read.
            text: m.type === 'text' && m.text ? m.text.body : null,
          });
          outcomes.push(handled.outcome);
        }
      }
    }
    res.json({ ok: true, outcomes });
  });

  return r;
}

/** The studio screen's keywords, and the staff side: health, settings, replies (after the audit hook). */
export function intakeStaffRoutes({ intake, staff, log }: IntakeDeps): Router {
  const r = Router();

  r.get('/api/intake/public', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(intake.publicInfo());
  });

  r.get('/api/intake/health', (req, res) => {
    if (!requireStaff(req, res, staff, 'intake.reply')) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json(intake.health());
  });

  r.get('/api/intake/settings', (req, res) => {
    if (!requireStaff(req, res, staff, 'intake.manage')) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json(intake.settingsView());
  });

  r.put('/api/intake/settings', async (req, res) => {
    if (!requireStaff(req, res, staff, 'intake.manage')) return;
    const input = body(req, res, settingsInput);
    if (!input) return;
    const out = await intake.changeSettings(input);
    if (!out.ok) return sendError(res, out.error);
    log('kentongan: pengaturan SMS/WhatsApp diubah');
    res.json(out.value);
  });

  r.post('/api/episodes/:id/questions/:questionId/reply', (req, res) => {
    if (!requireStaff(req, res, staff, 'intake.reply')) return;
    const { id, questionId } = req.params;
    if (!isId(id)) return sendError(res, fail('episode_not_found').error);
    if (!isId(questionId)) return sendError(res, fail('question_not_found').error);
    const input = body(req, res, replyInput);
    if (!input) return;
    const out = intake.replyTo(id, questionId, input.text);
    if (!out.ok) return sendError(res, out.error);
    res.status(202).json(out.value);
  });

  return r;
}

/** The verify token compared in constant time, whatever its length. */
function sameSecret(expected: string, given: string): boolean {
  const a = createHmac('sha256', 'kentongan-verify').update(expected).digest();
  const b = createHmac('sha256', 'kentongan-verify').update(given).digest();
  return timingSafeEqual(a, b);
}
