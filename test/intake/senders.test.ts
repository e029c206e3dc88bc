// The two ways a reply leaves the station, against a stand-in for the phone's local
// server and for Meta's Graph API: the request each gateway documents, and every failure
// as a sentence for the screener that never carries the password or the token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SendError, showGatewayUrl, smsGatewaySender, smsGatewayTarget, toE164, whatsAppSender } from '../../server/intake/senders.ts';
import type { Sender } from '../../server/intake/senders.ts';
import { standIn } from '../support/stand-in.ts';
import type { StandIn } from '../support/stand-in.ts';
import { freePort } from '../support/ports.ts';

const PASSWORD = 'Rah4sia-Gateway';
const TOKEN = 'EAAG-token-rahasia-123456';

let gw: StandIn;
beforeEach(async () => {
  gw = await standIn();
});
afterEach(async () => {
  await gw.close();
});

async function failure(p: Promise<void>): Promise<SendError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SendError);
  return err as SendError;
}

describe('the SMS gateway address', () => {
  it.each<[string, string, string]>([
    ['the phone\'s local server', 'http://sms:pa%40ss@192.168.1.20:8080', 'http://192.168.1.20:8080/message'],
    ['the same with a trailing slash', 'http://sms:pass@192.168.1.20:8080/', 'http://192.168.1.20:8080/message'],
    ['the public cloud server', 'https://ABCDEF:pass@api.sms-gate.app', 'https://api.sms-gate.app/3rdparty/v1/messages'],
    ['a private server\'s API root', 'https://u:p@sms.example.id/api', 'https://sms.example.id/api/3rdparty/v1/messages'],
    ['a private server down to the version', 'https://u:p@sms.example.id/api/3rdparty/v1/', 'https://sms.example.id/api/3rdparty/v1/messages'],
    ['a full send URL with its query', 'https://u:p@sms.example.id/api/3rdparty/v1/messages?skipPhoneValidation=true', 'https://sms.example.id/api/3rdparty/v1/messages?skipPhoneValidation=true'],
    ['the local server\'s other name', 'http://sms:p@10.0.0.5:8080/messages', 'http://10.0.0.5:8080/messages'],
  ])('%s', (_name, url, endpoint) => {
    const t = smsGatewayTarget(url);
    expect(t.ok && t.value.endpoint).toBe(endpoint);
  });

  it('takes the credentials out of the URL into a Basic header, decoded', () => {
    const t = smsGatewayTarget('http://sms:pa%40ss%20w@192.168.1.20:8080');
    expect(t).toMatchObject({ ok: true, value: { label: '192.168.1.20:8080', authorization: `Basic ${Buffer.from('sms:pa@ss w').toString('base64')}` } });
    expect(smsGatewayTarget('http://192.168.1.20:8080')).toMatchObject({ ok: true, value: { authorization: null } });
  });

  it.each(['192.168.1.20:8080', 'ftp://x@h/', 'bukan alamat', 'http://u:%E0%A4%A@h/'])('refuses %j with a reason', (url) => {
    const t = smsGatewayTarget(url);
    expect(t.ok).toBe(false);
    expect(!t.ok && t.reason).toMatch(/gateway/i);
  });

  it('is shown to the admin without the password', () => {
    expect(showGatewayUrl('http://sms:p@ss@192.168.1.20:8080')).toBe('http://sms:••••@192.168.1.20:8080');
    expect(showGatewayUrl('https://sms.example.id/api')).toBe('https://sms.example.id/api');
  });

  it('numbers go out as +62', () => {
    expect(toE164('0812-3456-5432')).toBe('+6281234565432');
    expect(toE164('6281234565432')).toBe('+6281234565432');
    expect(toE164('+44 7700 900123')).toBe('+447700900123');
    expect(toE164('Telkomsel')).toBeNull();
  });
});

describe('SMS Gateway for Android sender', () => {
  const sender = (timeoutMs?: number): Sender => smsGatewaySender({ url: gw.url.replace('//', `//sms:${encodeURIComponent(PASSWORD)}@`), timeoutMs });

  it('POSTs textMessage and phoneNumbers to /message with Basic auth', async () => {
    gw.answer(() => ({ status: 202, body: { id: 'r1', state: 'Pending' } }));
    await sender().send('0812 3456 5432', 'Pertanyaan Anda diterima, nomor 12', { id: 'balasan-1' });
    expect(gw.requests).toHaveLength(1);
    const r = gw.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/message');
    expect(r.headers.authorization).toBe(`Basic ${Buffer.from(`sms:${PASSWORD}`).toString('base64')}`);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.json).toEqual({ id: 'balasan-1', textMessage: { text: 'Pertanyaan Anda diterima, nomor 12' }, phoneNumbers: ['+6281234565432'] });
  });

  it('takes 409 for its own id as sent: an earlier try got through', async () => {
    gw.answer(() => ({ status: 409, body: { message: 'Message with the same ID already exists' } }));
    await expect(sender().send('081234565432', 'x', { id: 'balasan-1' })).resolves.toBeUndefined();
    await expect(failure(sender().send('081234565432', 'x'))).resolves.toMatchObject({ transient: false, status: 409 });
  });

  it('says a refused password in words, without the password even when the gateway repeats it', async () => {
    gw.answer((r) => ({ status: 401, body: { message: `bad credentials ${r.headers.authorization} ${PASSWORD}` } }));
    const err = await failure(sender().send('081234565432', 'x'));
    expect(err).toMatchObject({ transient: false, status: 401 });
    expect(err.message).toMatch(/^Gateway menolak nama pengguna atau kata sandi \(127\.0\.0\.1:\d+\)/);
    expect(err.message).not.toContain(PASSWORD);
  });

  it('passes on what the gateway says of a bad request, scrubbed', async () => {
    gw.answer((r) => ({ status: 400, body: { message: `Invalid phone number (${r.headers.authorization} ${PASSWORD})\n` } }));
    const err = await failure(sender().send('081234565432', 'x'));
    expect(err.message).toBe('Gateway menolak balasan (HTTP 400): Invalid phone number (Basic •••• ••••)');
    expect(err.transient).toBe(false);
  });

  it.each<[number, boolean, RegExp]>([
    [500, true, /^Gateway bermasalah \(HTTP 500\)/],
    [503, true, /^Gateway bermasalah \(HTTP 503\)/],
    [429, true, /^Gateway sibuk \(HTTP 429\)/],
    [404, false, /^Alamat gateway salah \(HTTP 404\)/],
  ])('HTTP %i → transient %s', async (status, transient, words) => {
    gw.answer(() => ({ status, body: 'not json' }));
    const err = await failure(sender().send('081234565432', 'x'));
    expect(err).toMatchObject({ transient, status });
    expect(err.message).toMatch(words);
  });

  it('a phone that is off is transient, named by its address', async () => {
    const port = await freePort();
    const err = await failure(smsGatewaySender({ url: `http://sms:${PASSWORD}@127.0.0.1:${port}` }).send('081234565432', 'x'));
    expect(err).toMatchObject({ transient: true, message: `Gateway tidak menjawab (127.0.0.1:${port})` });
  });

  it('a phone that never answers times out, transient', async () => {
    gw.answer(() => 'hang');
    const err = await failure(sender(150).send('081234565432', 'x'));
    expect(err.message).toMatch(/^Gateway tidak menjawab dalam 0,2 detik \(127\.0\.0\.1:\d+\)$/);
    expect(err.transient).toBe(true);
  });

  it('refuses a number it cannot write as +…, asking nothing', async () => {
    const err = await failure(sender().send('TELKOMSEL', 'x'));
    expect(err).toMatchObject({ transient: false, message: 'Nomor tujuan tidak valid' });
    expect(gw.requests).toHaveLength(0);
  });

  it('will not be built from an unusable address', () => {
    expect(() => smsGatewaySender({ url: '192.168.1.20' })).toThrow(/gateway/i);
  });
});

describe('WhatsApp Cloud API sender', () => {
  const sender = (timeoutMs?: number) => whatsAppSender({ token: TOKEN, apiBase: `${gw.url}/v24.0`, timeoutMs });

  it('POSTs a text message to /<phone number id>/messages with the bearer token', async () => {
    gw.answer(() => ({ status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.X' }] } }));
    await sender().send('6281234565432', 'Usulan Anda diterima, nomor U3', { phoneNumberId: '106540352242922' });
    const r = gw.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/v24.0/106540352242922/messages');
    expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(r.json).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '6281234565432', type: 'text', text: { body: 'Usulan Anda diterima, nomor U3' } });
  });

  it('writes an Indonesian number the way WhatsApp ids are written', async () => {
    await sender().send('0812-3456-5432', 'x', { phoneNumberId: '1' });
    expect((gw.requests[0]!.json as { to: string }).to).toBe('6281234565432');
  });

  it.each<[string, number, number, boolean, RegExp]>([
    ['outside the 24-hour window', 400, 131047, false, /^Lewat 24 jam sejak pesan terakhir pendengar/],
    ['an expired token', 401, 190, false, /^Token WhatsApp kedaluwarsa/],
    ['the throughput limit', 429, 130429, true, /dicoba lagi \(kode 130429, HTTP 429\)$/],
    ['an unknown refusal', 400, 999999, false, /^WhatsApp menolak balasan \(kode 999999, HTTP 400\)$/],
  ])('%s: code %i', async (_name, status, code, transient, words) => {
    gw.answer((r) => ({ status, body: { error: { message: `(#${code}) ${r.headers.authorization}`, type: 'OAuthException', code, fbtrace_id: 'x' } } }));
    const err = await failure(sender().send('6281234565432', 'x', { phoneNumberId: '1' }));
    expect(err).toMatchObject({ transient, status });
    expect(err.message).toMatch(words);
    expect(err.message).not.toContain(TOKEN);
  });

  it('a Graph API outage without a body is transient', async () => {
    gw.answer(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    const err = await failure(sender().send('6281234565432', 'x', { phoneNumberId: '1' }));
    expect(err).toMatchObject({ transient: true, message: 'WhatsApp bermasalah (HTTP 502)' });
  });

  it('times out, transient', async () => {
    gw.answer(() => 'hang');
    const err = await failure(sender(100).send('6281234565432', 'x', { phoneNumberId: '1' }));
    expect(err.message).toMatch(/^WhatsApp tidak menjawab dalam 0,1 detik/);
    expect(err.transient).toBe(true);
  });

  it('needs the station\'s phone number id with each reply', async () => {
    const err = await failure(sender().send('6281234565432', 'x'));
    expect(err).toMatchObject({ transient: false });
    expect(err.message).toMatch(/Nomor WhatsApp stasiun/);
    expect(gw.requests).toHaveLength(0);
  });
});
