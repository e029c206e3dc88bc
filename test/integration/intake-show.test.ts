// A show with listeners who have no data: an SMS question, an SMS poll answer and a WhatsApp
// usulan come in through signed webhooks; the screener approves, the host airs, the notula
// carries the question with channel SMS; the replies the gateways were asked to send are
// read off stand-ins for the phone's send API and the Graph API; and nothing of the
// texters' numbers reaches a public page or file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, must, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { crew, createLiveEpisode, joinStaff, SHOW_EPISODE } from '../support/show.ts';
import type { Crew } from '../support/show.ts';
import { INTAKE_ENV, postWhatsApp, sms, whatsappBody } from '../support/phone.ts';

/** What a stand-in for the external gateway was asked: path, headers, JSON body. */
interface Asked {
  path: string;
  authorization: string | undefined;
  body: any;
}

/** A stand-in for an external HTTP API (the gateway phone, Meta's Graph API), recording requests. */
async function standIn(): Promise<{ server: Server; url: string; asked: Asked[]; next(n: number): Promise<Asked[]> }> {
  const asked: Asked[] = [];
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      asked.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(raw || 'null') });
      for (const w of waiting.splice(0)) if (asked.length >= w.n) w.resolve(); else waiting.push(w);
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `m${asked.length}`, state: 'Pending', messages: [{ id: 'wamid.reply' }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const next = (n: number) => new Promise<Asked[]>((resolve) => {
    if (asked.length >= n) return resolve(asked.slice(0, n));
    waiting.push({ n, resolve: () => resolve(asked.slice(0, n)) });
  });
  return { server, url, asked, next };
}

let server: TestServer;
let people: Crew;
let phone: Awaited<ReturnType<typeof standIn>>;
let graph: Awaited<ReturnType<typeof standIn>>;

beforeAll(async () => {
  phone = await standIn();
  graph = await standIn();
  const gatewayUrl = phone.url.replace('http://', 'http://sms:sandi-gateway@');
  server = await startServer({
    intakeEnv: { ...INTAKE_ENV, SMS_GATEWAY_URL: gatewayUrl, WHATSAPP_TOKEN: 'EAAG-token-uji', WHATSAPP_API_URL: graph.url },
  });
  people = await crew(server.url);
});
afterAll(async () => {
  for (const s of [people?.host, people?.screener, people?.notulis]) s?.disconnect();
  await server?.stop();
  phone?.server.close();
  graph?.server.close();
});

describe('a show reached by SMS and WhatsApp', () => {
  it('takes an SMS question, an SMS poll answer and a WhatsApp usulan through to the notula, and answers each', async () => {
    const ep = await createLiveEpisode(server.url, people.admin, { ...SHOW_EPISODE, premoderation: true });
    await joinStaff(people.screener, ep.id);
    await joinStaff(people.host, ep.id);

    // 1. An SMS question arrives in the screener's queue on its own, with its channel.
    const asked = await sms(server.url, { from: '+6281234565432', text: 'TANYA Kapan bank sampah dibuka di Sumberrejo?' });
    expect(asked.json?.outcome, JSON.stringify(asked) + server.logs.join("\n")).toBe("question");
    const staff = async () => ((await must(people.screener, 'episode:join', { episodeId: ep.id, as: 'staff' })) as any);
    const q = (await staff()).questions.find((x: any) => x.text === 'Kapan bank sampah dibuka di Sumberrejo?');
    expect(q).toMatchObject({ channel: 'sms', status: 'pending', sender: '0812-••••-5432' });

    // 2. The screener approves, the host airs it, the notulis writes the answer.
    await must(people.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    await must(people.host, 'question:air', { episodeId: ep.id, questionId: q.id });
    await must(people.notulis, 'note:add', { episodeId: ep.id, questionId: q.id, by: { kind: 'agency', label: 'DLH' }, text: 'Bulan depan, di balai desa.' });
    await must(people.host, 'question:answered', { episodeId: ep.id, questionId: q.id });

    // 3. An SMS poll answer.
    const poll = await must(people.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });
    const answered = await sms(server.url, { from: '081299998888', text: 'PILIH 1' });
    expect(answered.json.outcome).toBe('poll');
    const polls = (await staff()).polls;
    expect(polls.find((p: any) => p.id === poll.id).counts[0]).toBe(1);
    await must(people.host, 'poll:close', { episodeId: ep.id, pollId: poll.id });

    // 4. A WhatsApp usulan, placed in its desa, no dimension until the planner gives one.
    const wa = await postWhatsApp(server.url, whatsappBody([{ from: '6281377776666', id: 'wamid.usul-1', text: 'USUL Sumberrejo: Tong sampah terpilah di pasar' }]));
    expect(wa.json.outcomes).toEqual(['usulan']);

    // 5. The screener replies to the SMS asker by hand.
    const replied = await api(server.url, `/api/episodes/${ep.id}/questions/${q.id}/reply`, { method: 'POST', cookie: people.screenerCookie, body: { text: 'Terima kasih, jawabannya sudah disiarkan.' } });
    expect(replied.status).toBe(202);

    // The phone gateway was asked to send three SMS replies, the Graph API one WhatsApp reply.
    const smsReplies = await phone.next(3);
    expect(smsReplies.map((a) => a.body.phoneNumbers)).toEqual([['+6281234565432'], ['+6281299998888'], ['+6281234565432']]);
    expect(smsReplies[0]!.body.textMessage.text).toMatch(/^OBROLAN PAGI .*Pertanyaan Anda diterima, nomor \d+/);
    expect(smsReplies[1]!.body.textMessage.text).toContain('Pilihan Anda dicatat: 1.');
    expect(smsReplies[2]!.body.textMessage.text).toContain('Terima kasih, jawabannya sudah disiarkan.');
    expect(smsReplies[0]!.authorization).toBe(`Basic ${Buffer.from('sms:sandi-gateway').toString('base64')}`);
    const waReplies = await graph.next(1);
    expect(waReplies[0]!.path).toBe('/106540352242922/messages');
    expect(waReplies[0]!.authorization).toBe('Bearer EAAG-token-uji');
    expect(waReplies[0]!.body).toMatchObject({ messaging_product: 'whatsapp', to: '6281377776666', type: 'text', text: { body: expect.stringContaining('Usulan Anda untuk Desa Sumberrejo diterima, nomor U') } });

    // 6. The show ends: the notula carries the SMS question with its channel.
    expect((await api(server.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: people.hostCookie })).status).toBe(200);
    const md = (await api(server.url, `/api/episodes/${ep.id}/notula.md`, { cookie: people.admin })).text;
    expect(md).toContain('Kapan bank sampah dibuka di Sumberrejo?');
    const front = md.split('\n').find((l) => l.includes(q.id)) ?? '';
    expect(front, md.slice(0, 1500)).toContain(`"channel":"sms"`);
    expect(md).toContain('Tong sampah terpilah di pasar');

    // 7. Nothing of the texters' numbers on any public page or file.
    const path = (await fetch(`${server.url}/arsip/e/${ep.id}`, { redirect: 'manual' })).headers.get('location')!;
    const bodies: Array<[string, string]> = [];
    for (const u of ['/arsip', path, '/usulan', '/data/usulan.csv', '/data/usulan.json', '/data/notula.json', `/api/episodes/${ep.id}/notula.md`]) {
      bodies.push([u, (await api(server.url, u)).text]);
    }
    for (const f of await readdir(server.transcriptsDir)) bodies.push([f, await readFile(join(server.transcriptsDir, f), 'utf8')]);
    for (const [u, body] of bodies) {
      for (const digits of ['34565432', '99998888', '77776666', '••••']) expect(body.includes(digits), `${u} holds ${digits}`).toBe(false);
    }
  }, 60_000);
});
