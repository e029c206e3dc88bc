// The listener page without JavaScript (/j/CODE/ringan) as a feature phone meets it over plain
// HTTP: it keeps the cookie it is given, posts the page's own forms and follows the 303 back.
// What it does lands where a socket's would (the screener's queue, the votes, the poll), through
// the same rules and limits; every refusal is a sentence and changes nothing.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import escapeHtml from 'escape-html';
import { call, listener, must, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { SHOW_EPISODE, createLiveEpisode, crew, joinStaff } from '../support/show.ts';
import { disconnectAll, disconnectCrew, studioServer } from '../support/integration.ts';
import { XSS } from '../support/xss.ts';
import { transferred } from '../support/weight.ts';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';
import { rankQueue } from '../../server/contract/ranking.ts';
import { questionView } from '../../server/domain/views.ts';

/** A clock the test moves (or leaves standing, so no window turns mid-test); the address windows read it. */
function clock(start = Date.parse('2026-12-05T12:00:00.000Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** One phone's browser on the light page: keeps its cookie, reads the form token off the page it last opened. */
function phone(url: string, code: string, headers: Record<string, string> = {}) {
  let cookie: string | null = null;
  let token = '';
  const base = `/j/${code}/ringan`;
  const h = (extra: Record<string, string> = {}) => ({ ...headers, ...(cookie ? { cookie } : {}), ...extra });
  const self = {
    base,
    get cookie() { return cookie; },
    set cookie(c: string | null) { cookie = c; },
    get token() { return token; },
    set token(t: string) { token = t; },
    async open(path = base, extra: Record<string, string> = {}) {
      const r = await fetch(`${url}${path}`, { headers: h(extra), redirect: 'manual' });
      const set = r.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      const text = await r.text();
      token = /name="t" value="([^"]+)"/.exec(text)?.[1] ?? token;
      return { status: r.status, text, headers: r.headers, setCookie: set };
    },
    /** Posts a form as the page would (its token unless `t` is given) and reports the 303. */
    async post(action: 'tanya' | 'dukung' | 'pilih', fields: Record<string, string>, extra: Record<string, string> = {}) {
      const body = new URLSearchParams({ t: token, ...fields }).toString();
      const r = await fetch(`${url}${base}/${action}`, { method: 'POST', redirect: 'manual', body, headers: h({ ...FORM, origin: url, ...extra }) });
      return { status: r.status, location: r.headers.get('location'), text: await r.text() };
    },
    /** Posts, follows the 303 and returns the page it leads to. */
    async submit(action: 'tanya' | 'dukung' | 'pilih', fields: Record<string, string>) {
      const p = await self.post(action, fields);
      expect(p.status, p.text).toBe(303);
      return { ...(await self.open(p.location!)), location: p.location! };
    },
  };
  return self;
}

const message = (page: string) => /<p class="msg[^"]*" role="\w+">([^<]*)<\/p>/.exec(page)?.[1] ?? null;
const queueIds = (page: string) => [...page.matchAll(/<li id="q-([\w-]+)">/g)].map((m) => m[1]!);

describe('the light page: ask, vote, answer', () => {
  const studio = studioServer();

  it('a question asked on it waits for the screener, who sees it in the staff snapshot; the page shows it as the listener\'s own', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const before = (await joinStaff(studio.screener, ep.id)).episode.listenerCount;
    const p = phone(studio.url, ep.code);
    const first = await p.open();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(first.setCookie).toMatch(/^kentongan_pendengar=[\w-]{16}\.[\w-]{22}; Max-Age=31536000; Path=\/j\/; HttpOnly; SameSite=Lax$/);
    expect(first.text).toContain('<html lang="id">');
    expect(first.text).toContain(SHOW_EPISODE.title);
    expect(first.text).toContain('Belum ada pertanyaan yang sedang dibahas.');
    expect(first.text).not.toMatch(/<script/i);

    const asked = await p.submit('tanya', { text: 'Kapan truk sampah lewat desa kami?', name: 'Bu Sri', location: 'Mekarsari' });
    expect(asked.location).toBe(`${p.base}?pesan=ok_pending`);
    expect(message(asked.text)).toBe('Terkirim. Pertanyaan Anda menunggu moderasi.');
    expect(asked.text).toMatch(/<h2>Pertanyaan saya<\/h2><ul><li><p><b>No\. 1<\/b> Kapan truk sampah lewat desa kami\?<\/p><p class="m">menunggu moderasi<\/p>/);

    // The screener's own snapshot has it, waiting, from the web; the page counted as a join.
    const staff = await joinStaff(studio.screener, ep.id);
    const q = staff.questions.find((x) => x.text === 'Kapan truk sampah lewat desa kami?')!;
    expect(q).toMatchObject({ status: 'pending', channel: 'web', askerName: 'Bu Sri', askerLocation: 'Mekarsari', number: 1 });
    expect(staff.episode.listenerCount).toBe(before + 1);
    // A chat app's link preview of the page is not a listener.
    await phone(studio.url, ep.code, { 'user-agent': 'WhatsApp/2.23.20.0 A' }).open();
    expect(studio.server.app.store.get(ep.id)!.listeners).toHaveLength(before + 1);
    // Another listener does not see a question waiting for moderation; the asker's page does not either, in the queue.
    expect((await phone(studio.url, ep.code).open()).text).not.toContain('Kapan truk sampah');
    expect(queueIds(asked.text)).toEqual([]);

    // Approved, it is in everyone's queue, and the asker's list says so.
    await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    const after = await p.open();
    expect(queueIds(after.text)).toEqual([q.id]);
    expect(after.text).toMatch(/<h2>Pertanyaan saya<\/h2><ul><li><p><b>No\. 1<\/b> Kapan truk sampah lewat desa kami\?<\/p><p class="m">disetujui<\/p>/);
    // Asked twice by a double press: one question.
    await p.submit('tanya', { text: 'Kapan truk sampah lewat desa kami?', name: 'Bu Sri', location: 'Mekarsari' });
    expect(studio.server.app.store.get(ep.id)!.questions).toHaveLength(1);
  });

  it('votes and a second press withdraws; the queue is ranked as the web ranks it and paged 20 at a time', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const qs = [];
    for (let i = 1; i <= 25; i++) qs.push(await must(studio.screener, 'question:submit', { episodeId: ep.id, text: `Pertanyaan nomor ${i}`, channel: 'sms', name: null, location: null }));
    await must(studio.host, 'question:air', { episodeId: ep.id, questionId: qs[0]!.id });
    // Votes from sockets move a few up.
    const fans = await Promise.all([0, 1, 2].map(() => listener(studio.url)));
    for (const [i, f] of fans.entries()) {
      await must(f.socket, 'episode:join', { episodeId: ep.id });
      for (const q of qs.slice(10, 11 + i)) await must(f.socket, 'vote:cast', { episodeId: ep.id, questionId: q.id });
    }
    disconnectAll(fans.map((f) => f.socket));

    const p = phone(studio.url, ep.code);
    const page1 = await p.open();
    const ranked = rankQueue(studio.server.app.store.get(ep.id)!.questions.map(questionView)).map((q) => q.id);
    expect(ranked).toHaveLength(24);
    expect(queueIds(page1.text)).toEqual(ranked.slice(0, 20));
    expect(page1.text).toContain(`<div class="air" id="q-${qs[0]!.id}"><p><b>No. 1</b> Pertanyaan nomor 1</p>`);
    expect(page1.text).toContain('Antrean pertanyaan (24)');
    expect(page1.text).toContain(`Halaman 1 dari 2 <a href="${p.base}?hal=2">Berikutnya ›</a>`);
    const page2 = await p.open(`${p.base}?hal=2`);
    expect(queueIds(page2.text)).toEqual(ranked.slice(20));
    expect(page2.text).toContain(`<a href="${p.base}">‹ Sebelumnya</a> Halaman 2 dari 2`);
    // A page past the end shows the last one.
    expect(queueIds((await p.open(`${p.base}?hal=99`)).text)).toEqual(ranked.slice(20));

    // Vote for the last question (page 2, no votes): its one vote moves it up to page 1, and the
    // answer goes there, to that question.
    const target = ranked[23]!;
    const voted = await p.submit('dukung', { questionId: target, hal: '2' });
    expect(voted.location).toBe(`${p.base}?pesan=ok_voted#q-${target}`);
    expect(message(voted.text)).toBe('Dukungan Anda tercatat.');
    const li = (page: string) => new RegExp(`<li id="q-${target}">(.*?)</li>`).exec(page)?.[1] ?? '';
    expect(li(voted.text)).toContain('1 dukungan');
    expect(li(voted.text)).toContain('✓ Anda mendukung');
    expect(li(voted.text)).toContain(`<button type="submit" name="questionId" value="${target}">Batalkan dukungan</button>`);
    const me = studio.server.app.store.get(ep.id)!.questions.find((q) => q.id === target)!.voters;
    expect(me).toHaveLength(1);
    const withdrawn = await p.submit('dukung', { questionId: target, hal: '1' });
    expect(withdrawn.location).toBe(`${p.base}?hal=2&pesan=ok_withdrawn#q-${target}`);
    expect(message(withdrawn.text)).toBe('Dukungan Anda dibatalkan.');
    expect(li(withdrawn.text)).toContain(`<button type="submit" name="questionId" value="${target}">Dukung</button>`);
    expect(studio.server.app.store.get(ep.id)!.questions.find((q) => q.id === target)!.voters).toEqual([]);
    // The question on air takes support too, as on the web page's on-air card.
    const onAir = await p.submit('dukung', { questionId: qs[0]!.id, hal: '1' });
    expect(onAir.location).toBe(`${p.base}?pesan=ok_voted#q-${qs[0]!.id}`);
    expect(onAir.text).toMatch(/<div class="air" id="q-[\w-]+"><p><b>No\. 1<\/b> Pertanyaan nomor 1<\/p><p class="m">Tanpa nama · 1 dukungan<\/p><p class="on">✓ Anda mendukung<\/p>/);
  });

  it('answers the open poll, changes the answer, shows results when the host shows them, and refuses a closed poll', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await joinStaff(studio.host, ep.id);
    const poll = await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'single', question: 'Jalan mana dulu?', options: ['Cibening', 'Kadumanis', 'Mekarjaya'] });
    const p = phone(studio.url, ep.code);
    const open = await p.open();
    expect(open.text).toContain('<p><b>Jalan mana dulu?</b></p>');
    expect(open.text).toContain('<label><input type="radio" name="option" value="1" required>Kadumanis</label>');
    expect(open.text).toContain('Hasil ditampilkan bila pemandu membukanya.');
    const answered = await p.submit('pilih', { pollId: poll.id, option: '1' });
    expect(message(answered.text)).toBe('Jawaban Anda tercatat.');
    expect(answered.text).toContain('<label><input type="radio" name="option" value="1" checked required>Kadumanis</label>');
    await p.submit('pilih', { pollId: poll.id, option: '2' });
    const stored = () => Object.values(studio.server.app.store.get(ep.id)!.polls![0]!.answers);
    expect(stored()).toEqual([2]);
    await must(studio.host, 'poll:results', { episodeId: ep.id, pollId: poll.id, visible: true });
    const shown = await p.open();
    expect(shown.text).toContain('<li>Mekarjaya: <b>100%</b> (1) · <span class="on">pilihan Anda</span></li>');
    expect(shown.text).toContain('Jumlah suara: 1');
    await must(studio.host, 'poll:close', { episodeId: ep.id, pollId: poll.id });
    const closed = await p.open();
    expect(closed.text).toContain('Jajak pendapat sudah ditutup. Hasil akhir:');
    expect(closed.text).not.toContain('name="pollId"');
    const late = await p.submit('pilih', { pollId: poll.id, option: '0' });
    expect(message(late.text)).toBe(ERROR_MESSAGES.poll_closed);
    expect(stored()).toEqual([2]);
  });

  it('speaks English to a browser that prefers it', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const p = phone(studio.url, ep.code, { 'accept-language': 'en-US,en;q=0.9,id;q=0.5' });
    const page = await p.open();
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('Ask a question');
    expect(page.text).toContain('Question queue');
    const empty = await p.submit('tanya', { text: '   ' });
    expect(message(empty.text)).toBe('Write your question first.');
    const id = phone(studio.url, ep.code, { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' });
    expect((await id.open()).text).toContain('Ajukan pertanyaan');
  });

  it('says a show has not started, or has ended with a link to its archive page, and offers no form then', async () => {
    const created = await fetch(`${studio.url}/api/episodes`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: studio.hostCookie }, body: JSON.stringify(SHOW_EPISODE) });
    const draft = (await created.json()).episode as { id: string; code: string };
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const live = phone(studio.url, ep.code);
    await live.open();
    // The same phone (its cookie is for every /j/ page) on the draft's page.
    const p = phone(studio.url, draft.code);
    p.cookie = live.cookie;
    const before = await p.open();
    p.token = live.token;
    expect(before.text).toContain('Siaran belum dimulai.');
    expect(before.text).toMatch(/Jadwal: Sabtu, 03 Oktober 2026 (pukul )?19\.00/);
    expect(before.text).toContain('Anda bisa bertanya setelah siaran dimulai.');
    expect(before.text).not.toContain('name="text"');
    expect(message((await p.submit('tanya', { text: 'Sudah mulai?' })).text)).toBe(ERROR_MESSAGES.episode_not_live);
    expect(studio.server.app.store.get(draft.id)!.questions).toEqual([]);

    const q = await must(studio.screener, 'question:submit', { episodeId: ep.id, text: 'Sebelum selesai', channel: 'phone', name: null, location: null });
    const late = phone(studio.url, ep.code);
    await late.open();
    const ended = await fetch(`${studio.url}/api/episodes/${ep.id}/end`, { method: 'POST', headers: { cookie: studio.hostCookie } });
    expect(ended.status).toBe(200);
    const after = await late.open();
    expect(after.text).toContain('Siaran sudah selesai. Terima kasih sudah ikut.');
    expect(after.text).toContain(`<a href="/arsip/e/${ep.id}">Baca notula dan dengarkan rekamannya di arsip</a>`);
    expect(after.text).not.toContain('<form');
    expect(message((await late.submit('dukung', { questionId: q.id })).text)).toBe(ERROR_MESSAGES.episode_ended);
  });
});

describe('the light page refuses bad input with a sentence and changes nothing', () => {
  const studio = studioServer();

  it('empty, too long, unknown question, unknown poll, missing option, wrong code, missing or forged cookie, stale form, extra and repeated fields, a body too large', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await joinStaff(studio.host, ep.id);
    const q = await must(studio.screener, 'question:submit', { episodeId: ep.id, text: 'Yang sudah ada', channel: 'sms', name: null, location: null });
    const poll = await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });
    const p = phone(studio.url, ep.code);
    await p.open();
    const state = () => JSON.stringify(studio.server.app.store.get(ep.id)!, (k, v) => (k === 'listeners' ? undefined : v));
    const before = state();
    const said = async (action: 'tanya' | 'dukung' | 'pilih', fields: Record<string, string>, code: keyof typeof ERROR_MESSAGES) => {
      const r = await p.post(action, fields);
      expect(r.status, `${action} ${JSON.stringify(fields).slice(0, 80)}`).toBe(303);
      expect(r.location).toMatch(new RegExp(`pesan=${code}$`));
      expect(message((await p.open(r.location!)).text)).toBe(ERROR_MESSAGES[code]);
    };
    await said('tanya', { text: '' }, 'text_empty');
    await said('tanya', { text: ' \n\t ' }, 'text_empty');
    await said('tanya', { text: 'x'.repeat(2_000) }, 'text_too_long');
    await said('tanya', { text: 'Nama kepanjangan', name: 'n'.repeat(200) }, 'text_too_long');
    await said('dukung', { questionId: 'tidakAdaSama' }, 'question_not_found');
    await said('dukung', { questionId: '../../etc/passwd' }, 'invalid_payload');
    await said('pilih', { pollId: 'tidakAdaJuga', option: '0' }, 'poll_not_found');
    await said('pilih', { pollId: poll.id }, 'poll_option_invalid');
    await said('pilih', { pollId: poll.id, option: '9' }, 'poll_option_invalid');
    await said('pilih', { pollId: poll.id, option: '-1' }, 'invalid_payload');
    await said('tanya', { text: 'Ada kolom lain', admin: '1' }, 'invalid_payload');
    await said('tanya', { t: 'bukan-token-halaman-ini', text: 'Token palsu' }, 'listener_form_stale');
    // Repeated fields arrive as a list: not a text.
    const twice = await p.post('tanya', {}, {});
    expect(twice.location).toMatch(/pesan=invalid_payload$/);
    const repeated = await fetch(`${studio.url}${p.base}/tanya`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie: p.cookie! }, body: `t=${p.token}&text=a&text=b` });
    expect(repeated.headers.get('location')).toMatch(/pesan=invalid_payload$/);
    const huge = await fetch(`${studio.url}${p.base}/tanya`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie: p.cookie! }, body: `t=${p.token}&text=${'%F0%9F%98%80'.repeat(2_000)}` });
    expect(huge.status).toBe(303);
    expect(huge.headers.get('location')).toMatch(/pesan=payload_too_large$/);
    const json = await fetch(`${studio.url}${p.base}/tanya`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json', cookie: p.cookie! }, body: JSON.stringify({ t: p.token, text: 'json' }) });
    expect(json.headers.get('location')).toMatch(/pesan=invalid_payload$/);

    // No cookie, or one this server did not issue: nothing is asked, and the page gives a real one.
    const saved = p.cookie;
    for (const c of [null, 'kentongan_pendengar=AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB', 'kentongan_pendengar=%00%3Cx']) {
      p.cookie = c;
      const r = await p.post('tanya', { text: 'Tanpa cookie' });
      expect(r.location).toBe(`${p.base}?pesan=listener_form_stale`);
      const page = await p.open(r.location!);
      expect(message(page.text)).toBe(ERROR_MESSAGES.listener_form_stale);
      expect(page.setCookie).toMatch(/^kentongan_pendengar=[\w-]{16}\.[\w-]{22};/);
      expect(page.setCookie).not.toContain('AAAAAAAAAAAAAAAA');
    }
    // The old form's token belongs to the old cookie: refused for the new one.
    const stale = await fetch(`${studio.url}${p.base}/dukung`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie: p.cookie! }, body: new URLSearchParams({ t: 'x'.repeat(22), questionId: q.id }).toString() });
    expect(stale.headers.get('location')).toMatch(/pesan=listener_form_stale$/);
    p.cookie = saved;

    // A wrong code: a page that says so, for the GET and for every post.
    const wrong = phone(studio.url, 'TIDAKADA');
    const missing = await wrong.open();
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Episode tidak ditemukan');
    for (const action of ['tanya', 'dukung', 'pilih'] as const) expect((await wrong.post(action, { text: 'x' })).status).toBe(404);

    // An outcome code in the address picks a sentence from the table, or nothing: never the address's text.
    for (const pesan of ['<script>alert(1)</script>', 'toString', '__proto__', 'constructor', 'ok_pending<b>']) {
      const page = await p.open(`${p.base}?pesan=${encodeURIComponent(pesan)}`);
      expect(page.status).toBe(200);
      expect(message(page.text)).toBeNull();
      expect(page.text).not.toContain('<script');
    }
    for (const hal of ['-1', 'abc', '1e9', '99999999999']) expect((await p.open(`${p.base}?hal=${hal}`)).status).toBe(200);
    expect(state()).toBe(before);
  });

  it('refuses a post from another site (Origin, or a Referer when there is no Origin) and changes nothing', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const p = phone(studio.url, ep.code);
    await p.open();
    for (const headers of [{ origin: 'http://jahat.example', referer: '' }, { origin: 'null', referer: '' }, { origin: '', referer: 'http://jahat.example/halaman' }]) {
      const h: Record<string, string> = { ...FORM, cookie: p.cookie! };
      if (headers.origin) h.origin = headers.origin;
      if (headers.referer) h.referer = headers.referer;
      const r = await fetch(`${studio.url}${p.base}/tanya`, { method: 'POST', redirect: 'manual', headers: h, body: new URLSearchParams({ t: p.token, text: 'Dari situs lain' }).toString() });
      expect(r.status, JSON.stringify(headers)).toBe(403);
    }
    // Its own page's Referer, and no header at all (a script with the cookie and the form's token), pass.
    const own = await fetch(`${studio.url}${p.base}/tanya`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie: p.cookie!, referer: `${studio.url}${p.base}` }, body: new URLSearchParams({ t: p.token, text: 'Dari halamannya sendiri' }).toString() });
    expect(own.status).toBe(303);
    expect(studio.server.app.store.get(ep.id)!.questions.map((q) => q.text)).toEqual(['Dari halamannya sendiri']);
  });

  it('never turns the XSS corpus into markup: in questions, names, places, the poll and the title', async () => {
    const title = '<img src=x onerror=window.__xss=1>"><script>window.__xss=1</script>';
    const ep = await createLiveEpisode(studio.url, studio.hostCookie, { ...SHOW_EPISODE, title, series: XSS[1] });
    await joinStaff(studio.host, ep.id);
    const asker = await listener(studio.url);
    await must(asker.socket, 'episode:join', { episodeId: ep.id });
    const ids: string[] = [];
    for (const [i, x] of XSS.entries()) {
      const q = await must(studio.screener, 'question:submit', { episodeId: ep.id, text: x, channel: 'web', name: XSS[(i + 1) % XSS.length]!, location: XSS[(i + 2) % XSS.length]! });
      ids.push(q.id);
    }
    await must(studio.host, 'question:air', { episodeId: ep.id, questionId: ids[0]! });
    await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'single', question: XSS[5]!, options: XSS.slice(0, 10), showResults: true });
    const p = phone(studio.url, ep.code);
    // The asker's own questions too (pending ones show only on their page).
    const pages: string[] = [];
    await p.open();
    for (const x of XSS.slice(0, 5)) await p.submit('tanya', { text: x, name: x, location: x });
    for (let hal = 1; hal <= Math.ceil(XSS.length / 20) + 1; hal++) pages.push((await p.open(`${p.base}?hal=${hal}`)).text);
    disconnectAll([asker.socket]);
    const allowedTags = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'p', 'h1', 'h2', 'a', 'b', 'form', 'input', 'label', 'textarea', 'button', 'ol', 'ul', 'li', 'div', 'span']);
    for (const page of pages) {
      // Escaped text holds no "<": every tag in the page is markup, and only ours.
      const tags = [...page.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)];
      expect([...new Set(tags.map((m) => m[1]!.toLowerCase()))].filter((t) => !allowedTags.has(t))).toEqual([]);
      for (const [tag, , attrs] of tags) {
        expect(attrs, tag).not.toMatch(/\son\w+\s*=/i);
        expect(attrs, tag).not.toMatch(/(href|src|action)\s*=\s*["']?\s*(javascript|data):/i);
        expect(attrs, tag).not.toMatch(/__xss/);
      }
      // Only our style block: none a payload brought in.
      expect(page.match(/<style>/g)).toHaveLength(1);
    }
    const all = pages.join('');
    for (const x of XSS) expect(all, x).toContain(escapeHtml(x.replace(/\s+/g, ' ').trim()));
  });
});

describe('the light page pays into the socket\'s limits', () => {
  it('the address limit on asks and votes is one for both doors', async () => {
    const c = clock();
    const server = await startServer({ sample: false, now: c.now, addressLimits: { asks: { points: 3, seconds: 60 }, votes: { points: 2, seconds: 60 } } });
    const people = await crew(server.url);
    try {
      const ep = await createLiveEpisode(server.url, people.hostCookie);
      const q = await must(people.screener, 'question:submit', { episodeId: ep.id, text: 'Satu', channel: 'sms', name: null, location: null });
      const q2 = await must(people.screener, 'question:submit', { episodeId: ep.id, text: 'Dua', channel: 'sms', name: null, location: null });
      const p = phone(server.url, ep.code);
      await p.open();
      expect((await p.post('tanya', { text: 'Lewat halaman ringan 1' })).location).toMatch(/ok_pending$/);
      expect((await p.post('tanya', { text: 'Lewat halaman ringan 2' })).location).toMatch(/ok_pending$/);
      const s = await listener(server.url);
      await must(s.socket, 'episode:join', { episodeId: ep.id });
      await must(s.socket, 'question:ask', { episodeId: ep.id, text: 'Lewat socket' });
      // The address has asked three times, by either door: the fourth is refused by both.
      const flood = await p.submit('tanya', { text: 'Lewat halaman ringan 3' });
      expect(flood.location).toBe(`${p.base}?pesan=address_limited`);
      expect(message(flood.text)).toBe(ERROR_MESSAGES.address_limited);
      const bySocket = await call(s.socket, 'question:ask', { episodeId: ep.id, text: 'Lewat socket lagi' });
      expect(!bySocket.ok && bySocket.error.code).toBe('address_limited');
      expect(server.app.store.get(ep.id)!.questions).toHaveLength(5);
      // Votes likewise: one by socket, one by the page, then the page is refused.
      await must(s.socket, 'vote:cast', { episodeId: ep.id, questionId: q.id });
      expect((await p.post('dukung', { questionId: q.id })).location).toMatch(/ok_voted#q-/);
      expect((await p.post('dukung', { questionId: q2.id })).location).toMatch(/pesan=address_limited$/);
      expect(server.app.store.get(ep.id)!.questions.find((x) => x.id === q2.id)!.voters).toEqual([]);
      // The next window lets them through again.
      c.advance(60_000);
      expect((await p.post('dukung', { questionId: q2.id })).location).toMatch(/ok_voted#q-/);
      disconnectAll([s.socket]);
    } finally {
      disconnectCrew(people);
      await server.stop();
    }
  });

  it('the token limit counts the page and its posts: a flood is refused, in words, and changes nothing past the limit', async () => {
    // An hour's window: no window turns while the test runs, however slow the machine.
    const server: TestServer = await startServer({ sample: false, rateLimits: { listener: { points: 8, seconds: 3_600 }, staff: { points: 1_000, seconds: 3_600 } } });
    const people = await crew(server.url);
    try {
      const ep = await createLiveEpisode(server.url, people.hostCookie);
      const qs = [];
      for (let i = 0; i < 10; i++) qs.push(await must(people.screener, 'question:submit', { episodeId: ep.id, text: `Soal ${i}`, channel: 'sms', name: null, location: null }));
      const p = phone(server.url, ep.code);
      expect((await p.open()).status).toBe(200); // 1
      const outcomes = [];
      for (const q of qs) outcomes.push((await p.post('dukung', { questionId: q.id })).location); // 2…11
      expect(outcomes.filter((l) => /ok_voted/.test(l!))).toHaveLength(7);
      expect(outcomes.slice(7)).toEqual(Array(3).fill(`${p.base}?pesan=rate_limited`));
      const votes = server.app.store.get(ep.id)!.questions.reduce((n, q) => n + q.voters.length, 0);
      expect(votes).toBe(7);
      // The page itself is then refused too, with the sentence and a way back.
      const page = await p.open();
      expect(page.status).toBe(429);
      expect(page.text).toContain(ERROR_MESSAGES.rate_limited);
      // Another listener on the same address is not slowed.
      expect((await phone(server.url, ep.code).open()).status).toBe(200);
    } finally {
      disconnectCrew(people);
      await server.stop();
    }
  });

  it('a new identity costs the address, as a socket without a token does', async () => {
    const server = await startServer({ sample: false, now: clock().now, addressLimits: { newTokens: { points: 2, seconds: 600 } } });
    const people = await crew(server.url);
    try {
      const ep = await createLiveEpisode(server.url, people.hostCookie);
      const a = phone(server.url, ep.code);
      expect((await a.open()).status).toBe(200);
      await listener(server.url).then((l) => l.socket.disconnect());
      const third = await phone(server.url, ep.code).open();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(third.text).toContain('Terlalu banyak permintaan dari jaringan Anda');
      expect(third.setCookie).toBeNull();
      // A returning listener keeps their cookie and is let in.
      expect((await a.open()).status).toBe(200);
      expect(server.app.store.get(ep.id)!.listeners).toHaveLength(1);
    } finally {
      disconnectCrew(people);
      await server.stop();
    }
  });
});

describe('page weight', () => {
  const studio = studioServer();

  it('a 20-question queue of long texts, the question on air and an open poll: under 15 KB on the wire', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await joinStaff(studio.host, ep.id);
    const words = 'jalan desa rusak parah sejak musim hujan kemarin dan warga sudah melapor ke kecamatan tetapi belum ada perbaikan sama sekali padahal anak sekolah lewat setiap pagi bagaimana rencana dinas pekerjaan umum untuk tahun depan apakah ada anggaran dari dana desa atau kabupaten serta kapan musrenbang dibuka untuk usulan warga'.split(' ');
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const text = () => {
      let t = '';
      while (t.length < 480) t += `${words[next() % words.length]} `;
      return t.slice(0, 490).trim() + '?';
    };
    const ids = [];
    for (let i = 0; i < 21; i++) ids.push((await must(studio.screener, 'question:submit', { episodeId: ep.id, text: text(), channel: 'sms', name: `Warga ${i}`, location: 'Desa Kalisari, Kecamatan Mekarjaya' })).id);
    await must(studio.host, 'question:air', { episodeId: ep.id, questionId: ids[0]! });
    await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction', showResults: true });
    const page = await (await fetch(`${studio.url}/j/${ep.code}/ringan`)).text();
    expect(queueIds(page)).toHaveLength(20);
    const { bytes, encoding } = await transferred(`${studio.url}/j/${ep.code}/ringan`);
    expect(encoding).toBe('gzip');
    expect(bytes).toBeLessThan(15 * 1024);
    // Raw, without gzip, it is still a small page.
    expect(Buffer.byteLength(page)).toBeLessThan(40 * 1024);
  });
});

describe.skipIf(!existsSync('dist/web/index.html'))('the way from /j/CODE', () => {
  const studio = studioServer();

  it('the app page points a browser without JavaScript (or without modules) to the light page; Opera Mini gets it at once', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const app = await (await fetch(`${studio.url}/j/${ep.code.toLowerCase()}`)).text();
    expect(app).toContain(`<noscript><meta http-equiv="refresh" content="0;url=/j/${ep.code}/ringan"></noscript><script nomodule src="/ringan.js"></script>`);
    expect(app).toMatch(new RegExp(`<body><noscript><p [^>]*><a href="/j/${ep.code}/ringan">Buka halaman ringan \\(tanpa JavaScript\\)</a></p></noscript>`));
    expect(app).toContain('<div id="app">');
    const unknown = await (await fetch(`${studio.url}/j/%22%3E%3Cb%3E`)).text();
    expect(unknown).toContain('content="0;url=/j/%22%3E%3Cb%3E/ringan"');
    expect(unknown).not.toContain('"><b>');
    const js = await fetch(`${studio.url}/ringan.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toContain("'/ringan'");
    const mini = await fetch(`${studio.url}/j/${ep.code}`, { headers: { 'user-agent': 'Opera/9.80 (Android; Opera Mini/36.2.2254/119.132; U; id) Presto/2.12.423 Version/12.16' } });
    const lite = await mini.text();
    expect(lite).toContain('<h2 id="tanya">Ajukan pertanyaan</h2>');
    expect(lite).not.toContain('<script');
  });
});
