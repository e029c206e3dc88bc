// The test plays the phone: signed webhook bodies from SMS Gateway for Android, the modem
// script and WhatsApp, posted to a real server, and what the screener and the files show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { api, must, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { crew, createLiveEpisode, joinStaff } from '../support/show.ts';
import type { Crew } from '../support/show.ts';
import { testClock } from '../support/clock.ts';
import { INTAKE_ENV, androidBody, postAndroid, postModem, postWhatsApp, sms, whatsappBody } from '../support/phone.ts';

const clock = testClock('2026-12-04T12:00:00.000Z');
const ts = () => Math.floor(clock.now().getTime() / 1000);
let server: TestServer;
let people: Crew;
let episode: { id: string; code: string };

beforeAll(async () => {
  server = await startServer({ now: clock.now, intakeEnv: { ...INTAKE_ENV }, intakePerNumber: { points: 10, seconds: 60 } });
  people = await crew(server.url);
  episode = await createLiveEpisode(server.url, people.admin);
  await joinStaff(people.screener, episode.id);
});
afterAll(async () => {
  people?.host.disconnect();
  people?.screener.disconnect();
  people?.notulis.disconnect();
  await server?.stop();
});

const staffQuestions = async (): Promise<any[]> => ((await must(people.screener, 'episode:join', { episodeId: episode.id, as: 'staff' })) as any).questions;

describe('SMS Gateway for Android', () => {
  it('turns a signed SMS into a pending question with its channel and the masked number, and files no number', async () => {
    const r = await sms(server.url, { from: '+6281234565432', text: 'Kapan jalan ke pasar Sumberrejo diaspal?' }, { timestamp: ts() });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, outcome: 'question' });
    const q = (await staffQuestions()).find((x: any) => x.text === 'Kapan jalan ke pasar Sumberrejo diaspal?');
    expect(q).toMatchObject({ channel: 'sms', status: 'pending', sender: '0812-••••-5432', number: expect.any(Number) });
    // On disk: the episode file and its journal (where a question is a line until the next full write).
    const dir = join(server.dataDir, 'episodes');
    const file = (await Promise.all((await readdir(dir)).filter((f) => f.startsWith(episode.id)).map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    expect(file).toContain('0812-••••-5432');
    expect(file).not.toContain('81234565432');
    const intake = await readFile(join(server.dataDir, 'intake.json'), 'utf8');
    expect(intake).not.toContain('81234565432');
  });

  it('creates nothing twice when the gateway retries the same delivery', async () => {
    const body = androidBody({ from: '081298760001', text: 'Pertanyaan yang dikirim ulang', messageId: 'retry-1' });
    const first = await postAndroid(server.url, body, { timestamp: ts() });
    clock.advance(1);
    const again = await postAndroid(server.url, body, { timestamp: ts() });
    expect(first.json.outcome).toBe('question');
    expect(again.status).toBe(200);
    expect(again.json.outcome).toBe('duplicate');
    expect((await staffQuestions()).filter((x: any) => x.text === 'Pertanyaan yang dikirim ulang')).toHaveLength(1);
  });

  it('takes the same messageId from another phone or another time as a new message', async () => {
    const a = await sms(server.url, { from: '081298760002', text: 'Satu nomor pesan, dua ponsel', messageId: 'm-1', deviceId: 'ponsel-a' }, { timestamp: ts() });
    const b = await sms(server.url, { from: '081298760003', text: 'Satu nomor pesan, dua ponsel', messageId: 'm-1', deviceId: 'ponsel-b' }, { timestamp: ts() });
    expect([a.json.outcome, b.json.outcome]).toEqual(['question', 'question']);
  });

  it('refuses unsigned, badly signed, stale and wrongly keyed webhooks with nothing created', async () => {
    const before = (await staffQuestions()).length;
    const body = androidBody({ from: '081298760004', text: 'Tidak boleh masuk' });
    const unsigned = await postAndroid(server.url, body, { timestamp: ts(), signature: null });
    const garbled = await postAndroid(server.url, body, { timestamp: ts(), signature: 'zz' });
    const wrongKey = await postAndroid(server.url, body, { timestamp: ts(), secret: 'kunci-lain-yang-salah-000' });
    const stale = await postAndroid(server.url, body, { timestamp: ts() - 6 * 60 });
    const ahead = await postAndroid(server.url, body, { timestamp: ts() + 6 * 60 });
    expect([unsigned.status, garbled.status, wrongKey.status, stale.status, ahead.status]).toEqual([401, 401, 401, 401, 401]);
    expect(unsigned.json.error.code).toBe('intake_unsigned');
    expect(stale.json.error.code).toBe('intake_stale');
    expect((await staffQuestions()).length).toBe(before);
    const health = await api(server.url, '/api/intake/health', { cookie: people.screenerCookie });
    expect(health.json.gateways.find((g: any) => g.gateway === 'android')).toMatchObject({ configured: true, lastError: expect.stringContaining('waktu') });
  });

  it('refuses an oversized or malformed body, and ignores other gateway events', async () => {
    const big = androidBody({ from: '081298760005', text: 'x'.repeat(40_000) });
    expect((await postAndroid(server.url, big, { timestamp: ts() })).status).toBe(413);
    expect((await postAndroid(server.url, '{"deviceId":', { timestamp: ts() })).status).toBe(400);
    const sent = JSON.stringify({ deviceId: 'd', event: 'sms:delivered', id: 'x', payload: { messageId: 'y' } });
    const r = await postAndroid(server.url, sent, { timestamp: ts() });
    expect(r.status).toBe(200);
    expect(r.json.ignored).toBe('sms:delivered');
  });

  it('gives a 1,000-character message a clear outcome: too long for a question, nothing filed', async () => {
    const before = (await staffQuestions()).length;
    const r = await postModem(server.url, { from: '081298760006', text: `TANYA ${'panjang '.repeat(125)}` });
    expect(r.status).toBe(200);
    expect(r.json.outcome).toBe('refused');
    expect(r.json.reply).toContain('terlalu panjang');
    expect((await staffQuestions()).length).toBe(before);
  });

  it('throttles a number flooding 100 messages a minute, with one reply, while another number goes through', async () => {
    const outcomes: string[] = [];
    const replies: Array<string | null> = [];
    for (let i = 0; i < 100; i++) {
      const r = await postModem(server.url, { from: '081277770000', text: `Banjir ${i}`, id: `flood-${i}` });
      outcomes.push(r.json.outcome);
      replies.push(r.json.reply);
    }
    expect(outcomes.filter((o) => o === 'question')).toHaveLength(5); // the pending cap per listener
    expect(outcomes.filter((o) => o === 'throttled')).toHaveLength(90);
    expect(replies.filter((r) => r !== null && r.includes('terlalu banyak'))).toHaveLength(1);
    const other = await postModem(server.url, { from: '081277771111', text: 'Saya bukan pembanjir', id: 'not-flood' });
    expect(other.json.outcome).toBe('question');
  });
});

describe('keywords, numbers and replies (modem script answers)', () => {
  it('answers a plain question with its number and the show name', async () => {
    const r = await postModem(server.url, { from: '081211112222', text: 'Berapa anggaran bank sampah tahun ini?', id: 'kw-1' });
    expect(r.json.reply).toMatch(/^OBROLAN PAGI .*#12: Pertanyaan Anda diterima, nomor \d+\./);
  });

  it('treats empty messages, emoji and mixed scripts each with a clear outcome', async () => {
    const empty = await postModem(server.url, { from: '081211113333', text: '   ', id: 'kw-2' });
    expect(empty.json).toMatchObject({ outcome: 'empty', reply: expect.stringContaining('Pesan kosong') });
    const emoji = await postModem(server.url, { from: '081211113333', text: '🙏🙏 Terima kasih 🎉 jalan sudah bagus', id: 'kw-3' });
    expect(emoji.json.outcome).toBe('question');
    const mixed = await postModem(server.url, { from: '081211113333', text: 'TANYA ꦲꦏ꧀ꦱꦫ Jawa dan العربية', id: 'kw-4' });
    expect(mixed.json.outcome).toBe('question');
    const hint = await postModem(server.url, { from: '081211113333', text: 'PILIH', id: 'kw-5' });
    expect(hint.json).toMatchObject({ outcome: 'incomplete', reply: expect.stringContaining('PILIH <nomor pilihan>') });
  });

  it('backs an approved question by its number: DUKUNG 7 is a vote, once per number', async () => {
    const asked = await postModem(server.url, { from: '081233334444', text: 'Apakah ada truk sampah tambahan?', id: 'kw-6' });
    const q = (await staffQuestions()).find((x: any) => x.text === 'Apakah ada truk sampah tambahan?');
    await must(people.screener, 'question:approve', { episodeId: episode.id, questionId: q.id });
    const n = q.number;
    expect(asked.json.reply).toContain(`nomor ${n}`);
    const v1 = await postModem(server.url, { from: '081255556666', text: `dukung ${n}`, id: 'kw-7' });
    expect(v1.json.reply).toContain(`nomor ${n} dicatat (1 dukungan)`);
    const v2 = await postModem(server.url, { from: '081255556666', text: `DUKUNG #${n}`, id: 'kw-8' });
    expect(v2.json.outcome).toBe('refused');
    expect(v2.json.reply).toContain('sudah memberi dukungan');
    const none = await postModem(server.url, { from: '081255556666', text: 'DUKUNG 999', id: 'kw-9' });
    expect(none.json.reply).toContain('Tidak ada pertanyaan nomor 999');
    expect((await staffQuestions()).find((x: any) => x.id === q.id).votes).toBe(1);
  });

  it('answers the open poll with PILIH n, one answer per number', async () => {
    const none = await postModem(server.url, { from: '081266667777', text: 'PILIH 1', id: 'poll-0' });
    expect(none.json.reply).toContain('tidak ada jajak pendapat');
    const poll = await must(people.host, 'poll:open', { episodeId: episode.id, kind: 'single', question: 'Setuju bank sampah di tiap RW?', options: ['Setuju', 'Tidak setuju'] } as any);
    const r = await postModem(server.url, { from: '081266667777', text: 'pilih2', id: 'poll-1' });
    expect(r.json.reply).toContain('Pilihan Anda dicatat: 2. Tidak setuju');
    const bad = await postModem(server.url, { from: '081266667777', text: 'PILIH 5', id: 'poll-2' });
    expect(bad.json.reply).toContain('PILIH 1 sampai PILIH 2');
    const again = await postModem(server.url, { from: '081266667777', text: 'PILIH 1', id: 'poll-3' });
    expect(again.json.outcome).toBe('poll');
    const snap = await must(people.host, 'episode:join', { episodeId: episode.id, as: 'staff' });
    const counts = (snap as any).polls.find((p: any) => p.id === poll.id).counts;
    expect(counts).toEqual([1, 0]);
    await must(people.host, 'poll:close', { episodeId: episode.id, pollId: poll.id });
  });

  it('files USUL <desa>: <usulan> in the matched desa without a dimension, and DUKUNG U<n> backs it', async () => {
    const r = await postModem(server.url, { from: '081288889999', text: 'usul sumberrejo: Lampu jalan di RT 3', id: 'us-1' });
    expect(r.json.outcome).toBe('usulan');
    expect(r.json.reply).toMatch(/Usulan Anda untuk Desa Sumberrejo diterima, nomor U(\d+)/);
    const n = Number(/nomor U(\d+)/.exec(r.json.reply)![1]);
    const s = await postModem(server.url, { from: '081200001111', text: `DUKUNG U${n}`, id: 'us-2' });
    expect(s.json.reply).toContain(`usulan U${n} dicatat (1 dukungan)`);
    const desk = await api(server.url, '/api/aspirations', { cookie: people.admin });
    const a = desk.json.aspirations.find((x: any) => x.text === 'Lampu jalan di RT 3');
    expect(a).toMatchObject({ channel: 'sms', dimension: '', dimensionName: 'Belum ditentukan', desaName: 'Sumberrejo', contact: null, supports: 1 });
    const unknown = await postModem(server.url, { from: '081288889999', text: 'USUL Atlantis: jembatan', id: 'us-3' });
    expect(unknown.json.reply).toContain('Desa "Atlantis" tidak ada di daftar wilayah');
  });

  it('BERHENTI stops replies (one goodbye), MULAI brings them back', async () => {
    const stop = await postModem(server.url, { from: '081299990000', text: 'berhenti', id: 'st-1' });
    expect(stop.json.reply).toContain('tidak akan menerima balasan');
    const after = await postModem(server.url, { from: '081299990000', text: 'Masih boleh bertanya?', id: 'st-2' });
    expect(after.json).toMatchObject({ outcome: 'question', reply: null });
    const start = await postModem(server.url, { from: '081299990000', text: 'MULAI', id: 'st-3' });
    expect(start.json.reply).toContain('Balasan diaktifkan lagi');
    const back = await postModem(server.url, { from: '081299990000', text: 'Sekarang dibalas?', id: 'st-4' });
    expect(back.json.reply).toContain('Pertanyaan Anda diterima');
  });

  it('ignores an operator broadcast that is not a phone number', async () => {
    const r = await postModem(server.url, { from: 'MyTelkomsel', text: 'Promo kuota 10GB', id: 'op-1' });
    expect(r.json).toMatchObject({ outcome: 'not_a_number', reply: null });
  });

  it('refuses the modem door without the shared secret', async () => {
    const r = await postModem(server.url, { from: '081211112222', text: 'x' }, 'salah-salah-salah-salah');
    expect(r.status).toBe(401);
  });
});

describe('WhatsApp Cloud API', () => {
  it('answers the verification handshake only with the verify token', async () => {
    const ok = await fetch(`${server.url}/api/intake/whatsapp?hub.mode=subscribe&hub.verify_token=${INTAKE_ENV.WHATSAPP_VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const bad = await fetch(`${server.url}/api/intake/whatsapp?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=1158201444`);
    expect(bad.status).toBe(403);
  });

  it('takes text messages once by their id, answers others politely, refuses a bad signature', async () => {
    const body = whatsappBody([
      { from: '6281311112222', id: 'wamid.HBgLNjI4MTMxMTExMjIyMhUCABIYFjNFQjA', text: 'TANYA Apakah posyandu buka hari Sabtu?' },
      { from: '6281311112222', id: 'wamid.foto-1', type: 'image' },
    ]);
    const r = await postWhatsApp(server.url, body);
    expect(r.status).toBe(200);
    expect(r.json.outcomes).toEqual(['question', 'not_text']);
    const again = await postWhatsApp(server.url, body);
    expect(again.json.outcomes).toEqual(['duplicate', 'duplicate']);
    const q = (await staffQuestions()).filter((x: any) => x.text === 'Apakah posyandu buka hari Sabtu?');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ channel: 'whatsapp', sender: '0813-••••-2222' });
    const forged = await postWhatsApp(server.url, whatsappBody([{ from: '6281311112222', id: 'wamid.palsu', text: 'palsu' }]), { secret: 'bukan-rahasia-aplikasi-meta' });
    expect(forged.status).toBe(401);
  });
});

describe('no live episode', () => {
  it('replies with the next show time', async () => {
    const next = await api(server.url, '/api/episodes', {
      method: 'POST', cookie: people.admin,
      body: { series: 'Suara Desa', number: 4, title: 'Air bersih', startsAt: '2026-12-04T13:00:00.000Z', timeZone: 'Asia/Jakarta' },
    });
    expect(next.status).toBe(201);
    await api(server.url, `/api/episodes/${episode.id}/end`, { method: 'POST', cookie: people.admin });
    const r = await postModem(server.url, { from: '081244445555', text: 'Halo, kapan siaran?', id: 'nl-1' });
    expect(r.json.outcome).toBe('not_live');
    expect(r.json.reply).toContain('Siaran berikutnya: Suara Desa #4, Jumat 4 Des, 20.00 WIB');
  });
});
