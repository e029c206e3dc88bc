// Webhook signatures against vectors computed outside Node (openssl dgst -sha256 -hmac), so a
// change in how we build the signed bytes cannot pass by agreeing with itself.
import { describe, expect, it } from 'vitest';
import { verifyBearer, verifySmsGateway, verifyWhatsApp } from '../../server/intake/signatures.ts';

const BODY = Buffer.from('{"deviceId":"d1","event":"sms:received","id":"w1","webhookId":"h1","payload":{"messageId":"m1","message":"TANYA kapan?","phoneNumber":"+6281234567890","simNumber":1,"receivedAt":"2026-12-03T19:00:00.000+07:00"}}');
const TS = '1764763200';
const NOW = Number(TS) * 1000;
const SMS_SIG = '7ccd8a36212fdf0608fd7d5a41206dc3c982aff80aac2a3d3783b1d582a49a8a';
const WA_SIG = '2b4d99310263a5f5ecb05ed18489d33419a69d5dee3856d97293160bb577a7f3';

describe('SMS Gateway for Android signature', () => {
  it('accepts the gateway\'s own signature, in either case of hex', () => {
    expect(verifySmsGateway('rahasia-gateway', BODY, SMS_SIG, TS, NOW)).toEqual({ ok: true });
    expect(verifySmsGateway('rahasia-gateway', BODY, SMS_SIG.toUpperCase(), TS, NOW + 299_000)).toEqual({ ok: true });
  });

  it.each<[string, Parameters<typeof verifySmsGateway>, string]>([
    ['no signature', ['rahasia-gateway', BODY, undefined, TS, NOW], 'missing'],
    ['no timestamp', ['rahasia-gateway', BODY, SMS_SIG, undefined, NOW], 'missing'],
    ['a timestamp that is not a number', ['rahasia-gateway', BODY, SMS_SIG, '17x', NOW], 'malformed'],
    ['another secret', ['rahasia-lain', BODY, SMS_SIG, TS, NOW], 'mismatch'],
    ['one byte of the body changed', ['rahasia-gateway', Buffer.from(BODY.toString().replace('kapan', 'Kapan')), SMS_SIG, TS, NOW], 'mismatch'],
    ['the timestamp changed (replay with a fresh time)', ['rahasia-gateway', BODY, SMS_SIG, String(Number(TS) + 1), NOW], 'mismatch'],
    ['a short signature', ['rahasia-gateway', BODY, SMS_SIG.slice(0, 32), TS, NOW], 'mismatch'],
    ['more than 5 minutes old', ['rahasia-gateway', BODY, SMS_SIG, TS, NOW + 301_000], 'stale'],
    ['more than 5 minutes ahead', ['rahasia-gateway', BODY, SMS_SIG, TS, NOW - 301_000], 'stale'],
  ])('refuses %s', (_name, args, reason) => {
    expect(verifySmsGateway(...args)).toEqual({ ok: false, reason });
  });
});

describe('WhatsApp Cloud API signature', () => {
  it('accepts sha256=<hex> of the raw body', () => {
    expect(verifyWhatsApp('rahasia-app', BODY, `sha256=${WA_SIG}`)).toEqual({ ok: true });
  });
  it.each<[string, string | undefined, string]>([
    ['no header', undefined, 'missing'],
    ['no sha256= prefix', WA_SIG, 'malformed'],
    ['another body\'s signature', `sha256=${SMS_SIG}`, 'mismatch'],
  ])('refuses %s', (_name, header, reason) => {
    expect(verifyWhatsApp('rahasia-app', BODY, header)).toEqual({ ok: false, reason });
  });
});

describe('modem script bearer secret', () => {
  it('accepts the secret and refuses anything else', () => {
    expect(verifyBearer('rahasia-modem-123', 'Bearer rahasia-modem-123')).toEqual({ ok: true });
    expect(verifyBearer('rahasia-modem-123', 'Bearer rahasia-modem-12')).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyBearer('rahasia-modem-123', 'Basic abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyBearer('rahasia-modem-123', undefined)).toEqual({ ok: false, reason: 'missing' });
  });
});
