// SMS and WhatsApp in the consoles, against a real server and Chromium, with the test
// playing the station's phone (signed SMS Gateway for Android webhooks, test/support/phone.ts):
// the admin sets the gateway up (a bad address is refused, nothing saved); a texted question
// reaches the screener with its number, its channel and the sender's masked number; the
// screener answers it; the gateways' health panel follows by its 30-second poll (the page's
// clock is moved, not waited for); the host, the listener and the studio screen show the
// short numbers, and the studio screen the keywords while a gateway takes messages.
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { browserStudio, consoleReady } from '../support/e2e.ts';
import type { OpenedPage } from '../support/e2e.ts';
import { api, must } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { SMS_SECRET, androidBody, postAndroid, sms } from '../support/phone.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import { freePort } from '../support/ports.ts';
import type { QuestionView } from '../../server/contract/views.ts';
import type { AspirationView } from '../../server/contract/planner.ts';

const WAIT = { timeout: 10_000, interval: 50 };
// Refuses at once: the outbox's sending is not what this file is about.
const GATEWAY = 'http://sms:sandi-gateway@127.0.0.1:9';
const ENV_TOKEN = 'EAAG-token-dari-lingkungan-server-0001';
const ASKED = 'Kapan jalan ke pasar Sumberrejo diaspal? Tiap hujan becek sekali.';
const REPLY = 'Terima kasih, Pak. Pertanyaan Anda akan dibacakan setelah lagu ini.';
const OTHER = 'Apakah ada pelatihan kompos untuk kelompok tani?';

// The sample district (Kabupaten Giriwangi) is there for USUL <desa>; the WhatsApp token
// comes from the environment, as a scripted install would give it. The station has its
// PUBLIC_URL, so the set-up steps name it and no screen warns of a loopback address; the
// consoles are opened by the studio PC's own address (ALLOWED_ORIGINS).
const PUBLIC = 'https://radio.example.id';
const port = await freePort();
const c = browserStudio(
  { sample: true, intakeEnv: { WHATSAPP_TOKEN: ENV_TOKEN }, publicUrl: PUBLIC, allowedOrigins: [`http://127.0.0.1:${port}`] },
  { crew: true, port },
);
let ep: { id: string; code: string } | undefined;
const pages: OpenedPage[] = [];

afterAll(async () => {
  for (const p of pages) await p.close();
});

async function episode(): Promise<{ id: string; code: string }> {
  ep ??= await createLiveEpisode(c.url, c.hostCookie);
  await joinStaff(c.screener, ep.id);
  return ep;
}

async function questions(): Promise<QuestionView[]> {
  return (await joinStaff(c.screener, ep!.id)).questions;
}

async function settings() {
  return (await api(c.url, '/api/intake/settings', { cookie: c.admin })).json;
}

/** The browser's console line for a refusal the test provokes on purpose (and only that one). */
const refused = (status: 400 | 409) => `console: Failed to load resource: the server responded with a status of ${status} (${status === 400 ? 'Bad Request' : 'Conflict'})`;

const card = (page: Page, id: string): Locator => page.locator(`article[data-question-id="${id}"]`);
const android = (page: Page): Locator => page.locator('[data-testid=gateway-health] li[data-gateway=android]');

describe('SMS and WhatsApp in the consoles', { timeout: 90_000 }, () => {
  it('the admin saves the gateway settings; a bad reply address is refused in words and nothing is saved', async () => {
    const opened = await c.open('/staff', { cookie: c.admin });
    pages.push(opened);
    const { page, errors } = opened;
    await page.getByTestId('tab-intake').click();
    await page.locator('#intake-smsSecret').waitFor();
    expect(await page.getByTestId('intake-open').innerText()).toBe('Menerima pesan: SMS Android mati · modem GSM mati · WhatsApp mati');
    // The environment's token is named, not editable.
    const token = page.getByTestId('secret-intake-whatsappToken');
    expect(await token.getByTestId('from-env').innerText()).toContain('WHATSAPP_TOKEN');
    expect(await token.locator('input').count()).toBe(0);
    expect(await token.getByTestId('secret-state').innerText()).toBe('tersimpan');

    // The key and a reply address without its scheme, in one save: refused as a whole.
    await page.fill('#intake-smsSecret', SMS_SECRET);
    await page.fill('#intake-smsGatewayUrl', '192.168.1.20:8080');
    await page.fill('#intake-smsNumber', '0812 3456 7890');
    await page.getByRole('button', { name: 'Simpan pengaturan SMS & WhatsApp' }).click();
    await expect.poll(() => page.getByTestId('intake-problem').innerText(), WAIT).toContain('Alamat gateway tidak valid');
    expect(await page.locator('#intake-smsGatewayUrl').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('intake-smsGatewayUrl');
    expect(await settings()).toMatchObject({ smsSecretSet: false, smsGatewayUrl: null, smsNumber: null });

    await page.fill('#intake-smsGatewayUrl', GATEWAY);
    await page.getByRole('button', { name: 'Simpan pengaturan SMS & WhatsApp' }).click();
    await expect.poll(() => page.getByTestId('flash-ok').innerText(), WAIT).toBe('Pengaturan SMS & WhatsApp disimpan.');
    expect(await settings()).toMatchObject({ smsSecretSet: true, smsGatewayUrl: 'http://sms:•••@127.0.0.1:9/', smsNumber: '0812 3456 7890' });
    // Write-only: the key is not shown back, only that it is saved.
    expect(await page.locator('#intake-smsSecret').inputValue()).toBe('');
    expect(await page.getByTestId('secret-intake-smsSecret').getByTestId('secret-state').innerText()).toBe('tersimpan');
    expect(await page.getByTestId('intake-open').innerText()).toContain('SMS Android aktif');
    // Saving again, unchanged, keeps the real password behind the dots.
    await page.getByRole('button', { name: 'Simpan pengaturan SMS & WhatsApp' }).click();
    await expect.poll(() => page.getByTestId('flash-ok').innerText(), WAIT).toBe('Tidak ada yang berubah.');

    // A random modem key, saved, then removed.
    const modem = page.getByTestId('secret-intake-modemSecret');
    await modem.getByRole('button', { name: 'Buat kunci acak' }).click();
    const key = await page.locator('#intake-modemSecret').inputValue();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await page.locator('#intake-modemSecret').getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Simpan pengaturan SMS & WhatsApp' }).click();
    await expect.poll(async () => (await settings()).modemSecretSet, WAIT).toBe(true);
    await modem.getByRole('button', { name: 'Hapus Kunci skrip modem' }).click();
    await expect.poll(async () => (await settings()).modemSecretSet, WAIT).toBe(false);
    await expect.poll(() => modem.getByTestId('secret-state').innerText(), WAIT).toBe('belum diisi');

    // The set-up steps carry this server's own addresses.
    expect(await page.getByTestId('setup-sms-url').innerText()).toBe(`${PUBLIC}/api/intake/sms`);
    expect(await page.getByTestId('setup-modem-url').innerText()).toBe(`${PUBLIC}/api/intake/sms/modem`);
    expect(await page.getByTestId('setup-whatsapp-url').innerText()).toBe(`${PUBLIC}/api/intake/whatsapp`);
    expect(await page.getByTestId('intake-setup').innerText()).toContain('server/deploy/README.md, bagian “SMS from a GSM modem (Gammu SMSD or Kannel)”');

    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'intake-settings');
    await page.getByRole('button', { name: 'EN English' }).click();
    expect(await page.getByTestId('intake-setup').innerText()).toContain('Register a webhook for the event sms:received');
    await screenshot(page, 'intake-settings-en');
    await page.getByRole('button', { name: 'ID Bahasa Indonesia' }).click();
    expect(errors).toEqual([refused(400)]);
  });

  it('a texted question reaches the screener with its number, the SMS badge and the masked sender; the screener replies; the health panel follows its poll', async () => {
    const { id } = await episode();
    const opened = await c.open(null, { cookie: c.screenerCookie });
    pages.push(opened);
    const { page, errors } = opened;
    // The page's clock flows on its own, and the test moves it on: the 30-second poll without the wait.
    await page.clock.install();
    let healthRequests = 0;
    page.on('request', (r) => void (new URL(r.url()).pathname === '/api/intake/health' && healthRequests++));
    await page.goto(`/screener/${id}`);
    await consoleReady(page);
    await expect.poll(() => android(page).innerText(), WAIT).toContain('aktif');
    expect(await android(page).getByTestId('last-message').innerText()).toBe('belum ada');

    const r = await sms(c.url, { from: '+6281234565432', text: ASKED });
    expect(r.json).toMatchObject({ ok: true, outcome: 'question' });
    const q = (await questions()).find((x) => x.text === ASKED)!;
    expect(q.number).toBeGreaterThan(0);
    const item = card(page, q.id);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.getByTestId('question-number').innerText()).toBe(`No. ${q.number}`);
    expect(await item.getByTestId('channel-badge').innerText()).toBe('SMS');
    expect(await item.getByTestId('sender').innerText()).toBe('0812-••••-5432');
    expect(await item.innerText()).not.toContain('81234565432');

    // A webhook signed with the wrong key: refused, and worth a line in the panel.
    expect((await postAndroid(c.url, androidBody({ from: '081298762222', text: 'palsu' }), { secret: 'kunci-yang-salah-sekali-000' })).status).toBe(401);

    // Not pushed: the panel learns of both at its next poll, 30 s on.
    expect(await android(page).getByTestId('last-message').innerText()).toBe('belum ada');
    expect(await android(page).getByTestId('last-error').count()).toBe(0);
    await page.clock.fastForward(30_000);
    await expect.poll(() => android(page).getByTestId('last-message').innerText(), WAIT).toMatch(/^\d{2}\.\d{2}$/);
    expect(await android(page).getByTestId('last-error').innerText()).toContain('tanda tangan salah');
    expect(await android(page).getByTestId('last-error').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(160, 24, 24)');
    expect(await page.getByTestId('outbox').innerText()).toContain('Balasan menunggu dikirim:');
    // Half a minute gone at once may outrun the socket's heartbeat, as after a laptop's sleep: it reconnects.
    await consoleReady(page);

    // The reply: at most 300 characters, counted as typed, queued by the server.
    await item.getByTestId('reply-open').click();
    const form = item.getByTestId('reply-form');
    await form.locator('textarea').fill('x'.repeat(320));
    expect((await form.locator('textarea').inputValue()).length).toBe(300);
    expect(await form.getByTestId('reply-count').innerText()).toBe('300/300 karakter');
    await form.locator('textarea').fill(REPLY);
    expect(await form.getByTestId('reply-count').innerText()).toBe(`${REPLY.length}/300 karakter`);
    const asked = healthRequests;
    await form.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect.poll(() => form.getByTestId('reply-ok').innerText(), WAIT).toBe('Balasan dikirim ke antrean.');
    // The panel asks again at once: the reply moved the outbox.
    await expect.poll(() => healthRequests, WAIT).toBe(asked + 1);
    expect(await form.locator('textarea').inputValue()).toBe('');
    expect(await form.getByTestId('reply-error').innerText()).toBe('');

    // A sender who sent BERHENTI is forgotten: the reply is refused in words.
    await sms(c.url, { from: '081298761111', text: OTHER });
    const other = (await questions()).find((x) => x.text === OTHER)!;
    await card(page, other.id).waitFor({ timeout: 10_000 });
    expect((await sms(c.url, { from: '081298761111', text: 'BERHENTI' })).json.outcome).toBe('stop');
    await card(page, other.id).getByTestId('reply-open').click();
    const otherForm = card(page, other.id).getByTestId('reply-form');
    await otherForm.locator('textarea').fill('Baik, terima kasih.');
    await otherForm.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect.poll(() => otherForm.getByTestId('reply-error').innerText(), WAIT).toContain('sudah mengirim BERHENTI');
    expect(await otherForm.getByTestId('reply-ok').innerText()).toBe('');

    // A question the screener typed in from the studio's own phone has a channel but no sender to answer.
    const typed = await must(c.screener, 'question:submit', { episodeId: id, text: 'SMS dari Bu Tini: kapan posyandu buka?', channel: 'sms', name: 'Bu Tini', location: null });
    await card(page, typed.id).waitFor({ timeout: 10_000 });
    expect(await card(page, typed.id).getByTestId('channel-badge').innerText()).toBe('SMS');
    expect(await card(page, typed.id).getByTestId('reply-open').count()).toBe(0);
    expect(await card(page, typed.id).getByTestId('sender').count()).toBe(0);

    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'screener-sms');
    expect(errors).toEqual([refused(409)]);
  });

  it('the host and the listener see the short numbers of questions and usulan', async () => {
    const { id, code } = await episode();
    const q = (await questions()).find((x) => x.text === ASKED)!;
    await must(c.screener, 'question:approve', { episodeId: id, questionId: q.id });
    expect((await sms(c.url, { from: '081298763333', text: 'USUL Tegalsari: lampu jalan di RT 3 dekat mushola' })).json.outcome).toBe('usulan');
    const usulan = ((await joinStaff(c.host, id)) as unknown as { aspirations: AspirationView[] }).aspirations.find((a) => a.text.startsWith('lampu jalan'))!;
    expect(usulan.number).toBe(1);

    const host = await c.open(`/host/${id}`, { cookie: c.hostCookie, console: true });
    pages.push(host);
    const row = host.page.locator(`[data-question-id="${q.id}"]`).first();
    await expect.poll(() => row.getByTestId('question-number').innerText(), WAIT).toBe(`No. ${q.number}`);
    await expect.poll(() => host.page.getByTestId('host-aspirations').getByTestId('usulan-number').first().innerText(), WAIT).toBe('U1');
    await must(c.host, 'question:air', { episodeId: id, questionId: q.id });
    await expect.poll(() => host.page.getByTestId('on-air-number').innerText(), WAIT).toBe(`No. ${q.number}`);
    expect(await host.page.getByTestId('on-air').innerText()).toBe(ASKED);
    await screenshot(host.page, 'host-numbers');
    expect(host.errors).toEqual([]);

    const phone = await c.open(`/j/${code}`, { phone: true });
    pages.push(phone);
    await phone.page.locator('main[data-ready]').waitFor({ timeout: 20_000 });
    await expect.poll(() => phone.page.locator('article', { hasText: ASKED }).first().innerText(), WAIT).toContain(`No. ${q.number}`);
    // The listener never sees a texter's number, masked or not.
    expect(await phone.page.locator('body').innerText()).not.toContain('5432');
    await expect.poll(() => phone.page.getByTestId('usulan-list').locator('li', { hasText: 'lampu jalan' }).innerText(), WAIT).toContain('U1');
    await screenshot(phone.page, 'listener-numbers');
    expect(phone.errors).toEqual([]);
  });

  it('the studio screen shows the numbers and the keyword guide while a gateway takes messages, and nothing of it when none does', async () => {
    const { id, code } = await episode();
    // Four more texted questions approved; with the one typed in, five wait in the queue (a full studio screen).
    for (const [from, text] of [
      ['081298764401', 'Bagaimana cara daftar bank sampah?'], ['081298764402', 'Kapan ada lomba kampung bersih?'],
      ['081298764403', 'Apakah TPS di pasar akan dipindah ke dekat sungai?'], ['081298764404', 'Berapa harga plastik PET per kilo di bank sampah?'],
    ] as const) {
      const r = await sms(c.url, { from, text });
      expect(r.json.outcome).toBe('question');
      const q = (await questions()).find((x) => x.text === text)!;
      await must(c.screener, 'question:approve', { episodeId: id, questionId: q.id });
    }
    const studio = await c.open(`/studio/${code}`, { dialogs: true });
    pages.push(studio);
    const { page } = studio;
    const panel = page.getByTestId('text-in');
    await panel.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('sms-number').innerText()).toBe('Kirim SMS ke 0812 3456 7890');
    expect(await page.getByTestId('whatsapp-number').count()).toBe(0);
    const keywords = await page.getByTestId('keywords').locator('li').allInnerTexts();
    expect(keywords.map((k) => k.split('\n')[0])).toEqual(['TANYA <pertanyaan>', 'PILIH <nomor pilihan>', 'USUL <desa>: <usulan>', 'DUKUNG <nomor>', 'BERHENTI']);
    expect(keywords[3]).toContain('DUKUNG 12 (pertanyaan) · DUKUNG U3 (usulan)');
    await expect.poll(() => page.getByTestId('queue-number').count(), WAIT).toBe(5);
    expect(await page.getByTestId('on-air-number').innerText()).toMatch(/^No\. \d+$/);

    // Readable on a projector and a TV: the whole screen fits, nothing scrolls; on the 720p
    // projector the queue gives its last two places to the keywords.
    for (const [width, height, queued] of [[1280, 720, 3], [1920, 1080, 5]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `test-output/screenshots/studio-sms-${width}x${height}.png`, fullPage: true });
      const fits = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
      expect(fits, `${width}×${height}`).toEqual({ h: height, w: width });
      expect(await page.getByTestId('queue-number').filter({ visible: true }).count(), `${width}×${height}`).toBe(queued);
      expect(await page.getByTestId('text-in').isVisible()).toBe(true);
    }
    expect(await seriousA11yProblems(page)).toEqual([]);

    // The admin takes the SMS door down: a screen opened now does not invite texts.
    const off = await api(c.url, '/api/intake/settings', { method: 'PUT', cookie: c.admin, body: { smsSecret: '' } });
    expect(off.status, off.text).toBe(200);
    expect((await api(c.url, '/api/intake/public')).json.open).toBe(false);
    const plain = await c.open(`/studio/${code}`, { dialogs: true });
    pages.push(plain);
    await plain.page.getByTestId('on-air').waitFor();
    await expect.poll(() => plain.page.getByTestId('queue').locator('li').count(), WAIT).toBe(5);
    expect(await plain.page.getByTestId('text-in').count()).toBe(0);
    expect(await plain.page.getByTestId('queue-number').count()).toBe(0);
    expect(await plain.page.getByTestId('on-air-number').count()).toBe(0);
    await plain.page.setViewportSize({ width: 1280, height: 720 });
    await plain.page.screenshot({ path: 'test-output/screenshots/studio-no-sms-1280x720.png', fullPage: true });
    expect(await plain.page.getByTestId('queue').locator('li').filter({ visible: true }).count()).toBe(5);
    expect([...studio.errors, ...plain.errors, ...studio.dialogs, ...plain.dialogs]).toEqual([]);
  });
});
