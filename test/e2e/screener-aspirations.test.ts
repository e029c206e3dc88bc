// The screener types in usulan that came by phone or SMS, in real Chromium against a real
// server with the sample district (Kabupaten Giriwangi): the page's own checks, the desa
// list following the kecamatan, the caller's name and phone only with consent, a refusal
// of the server shown in its words with nothing changed, and each usulan on the planner's
// desk with its dimension, place and channel.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { plannerCookie } from '../support/planning.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { StaffSnapshot } from '../../server/contract/views.ts';
import type { StaffExtras } from '../../server/contract/events.ts';

const WAIT = { timeout: 10_000, interval: 50 };
// The sample district's codes.
const KALIWENING = '99.01.01';
const TEGALSARI = '99.01.01.2002';
const GIRIMULYO = '99.01.02';
const NGADIREJO = '99.01.02.2001';

const LAMPU = 'Lampu penerangan jalan menuju Pasar Tegalsari';
// Markup from a caller stays text on every page.
const SUMUR = 'Sumur bor untuk RT 2 <img src=x onerror="window.__pwned=1">';

interface DeskRow {
  id: string; text: string; problem: string; channel: string; dimension: string; kecamatan: string; desa: string; rtRw: string | null;
  status: string; dimensionName: string; kecamatanName: string; desaName: string;
  contact: { name: string | null; phone: string | null } | null; episode: { id: string } | null;
}

const c = browserStudio({ sample: true }, { crew: true });
let ep: { id: string; code: string };
let planner: string;
/** The screener's browser; the later tests go on where the first left it. */
let screener: { ctx: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie);
  planner = await plannerCookie(c.url, c.admin);
});

/** Every usulan on the planner's desk, as the planner's API gives them. */
async function desk(): Promise<DeskRow[]> {
  const r = await api(c.url, '/api/aspirations?status=baru,ditinjau,diteruskan,ditolak,digabung&sort=oldest', { cookie: planner });
  expect(r.status, r.text).toBe(200);
  return r.json.aspirations as DeskRow[];
}

async function open(path: string, phone = false) {
  const { ctx, page, errors } = await c.open(path, { cookie: c.screenerCookie, phone });
  await page.locator('[data-testid=connection]', { hasText: 'Terhubung' }).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=episode-status]').waitFor();
  return { ctx, page, errors };
}

/** Opens the usulan form and waits for the district's lists. */
async function openForm(page: Page): Promise<Locator> {
  const section = page.getByTestId('enter-usulan');
  const toggle = section.getByRole('button', { name: 'Tulis usulan' });
  await toggle.click();
  expect(await section.getByRole('button', { name: 'Tutup formulir usulan' }).getAttribute('aria-expanded')).toBe('true');
  await expect.poll(() => page.locator('#enter-usulan-dimension').isEnabled(), WAIT).toBe(true);
  return section;
}

async function fillUsulan(page: Page, o: { channel: string; text: string; problem: string; dimension: string; kecamatan: string; desa: string; rtRw?: string }) {
  // Within the usulan form: the question type-in next to it has a "Saluran" of its own.
  const form = page.getByTestId('enter-usulan');
  await form.getByLabel('Saluran').selectOption(o.channel);
  await form.getByLabel('Usulan', { exact: true }).fill(o.text);
  await form.getByLabel('Permasalahan').fill(o.problem);
  await form.getByLabel('Dimensi smart city').selectOption(o.dimension);
  await form.getByLabel('Kecamatan').selectOption(o.kecamatan);
  await form.getByLabel('Desa/kelurahan').selectOption(o.desa);
  if (o.rtRw !== undefined) await form.getByLabel('RT/RW (boleh kosong)').fill(o.rtRw);
}

const send = (page: Page) => page.getByRole('button', { name: 'Simpan usulan' }).click();
const saved = (page: Page) => page.getByTestId('enter-usulan-saved').innerText();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id);
const optionTexts = (select: Locator) => select.locator('option').allTextContents();
const consent = (page: Page) => page.getByLabel('Penelepon setuju dihubungi tentang usulan ini');

describe('the screener types in usulan from phone calls and SMS', { timeout: 90_000 }, () => {
  it('checks on the page, then saves a phone call without consent and an SMS with it, each on the planner\'s desk', async () => {
    screener = await open(`/screener/${ep.id}`);
    const { page } = screener;
    const section = await openForm(page);
    expect(await section.locator('h2').innerText()).toBe('Ketik usulan dari telepon/SMS');
    const before = await desk();

    // Empty: the page says what is missing and sends nothing.
    await send(page);
    expect(await page.locator('#enter-usulan-text-error').innerText()).toBe('Tulis usulannya dulu.');
    expect(await page.locator('#enter-usulan-problem-error').innerText()).toBe('Tulis permasalahan yang ingin diselesaikan.');
    expect(await page.locator('#enter-usulan-desa-error').innerText()).toBe('Pilih desa/kelurahan.');
    expect(await page.locator('#enter-usulan-text').getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toBe('enter-usulan-text');
    expect(await desk()).toEqual(before);

    // The desa list follows the kecamatan, so a desa outside it cannot be chosen.
    expect(await page.locator('#enter-usulan-desa').isDisabled()).toBe(true);
    await page.selectOption('#enter-usulan-kecamatan', KALIWENING);
    expect(await optionTexts(page.locator('#enter-usulan-desa'))).toEqual(['— pilih —', 'Kaliwening', 'Sumberrejo', 'Tegalsari']);
    await expect(page.selectOption('#enter-usulan-desa', NGADIREJO, { timeout: 500 })).rejects.toThrow();
    await page.selectOption('#enter-usulan-desa', TEGALSARI);
    await page.selectOption('#enter-usulan-kecamatan', GIRIMULYO);
    expect(await page.locator('#enter-usulan-desa').inputValue()).toBe('');

    // A phone call. Consent ticked, a name typed, consent taken back: nothing personal is sent.
    await fillUsulan(page, {
      channel: 'phone', text: LAMPU, problem: 'Jalan gelap sesudah magrib, pedagang pulang pasar rawan jatuh.',
      dimension: 'living', kecamatan: KALIWENING, desa: TEGALSARI, rtRw: '3/5',
    });
    expect(await page.locator('#enter-usulan-name').count()).toBe(0);
    await consent(page).check();
    await page.getByLabel('Nama penelepon (boleh kosong)').fill('Pak Joko');
    await consent(page).uncheck();
    expect(await page.locator('#enter-usulan-name').count()).toBe(0);
    await send(page);
    await expect.poll(() => saved(page), WAIT).toBe('Usulan dari Telepon tersimpan dan masuk meja perencana.');
    // Cleared for the next caller, the cursor back in the first box.
    expect(await page.locator('#enter-usulan-text').inputValue()).toBe('');
    expect(await page.locator('#enter-usulan-kecamatan').inputValue()).toBe('');
    expect(await consent(page).isChecked()).toBe(false);
    await expect.poll(() => focused(page), WAIT).toBe('enter-usulan-text');
    expect(await page.locator('#enter-usulan-text').getAttribute('aria-invalid')).toBeNull();

    const lampu = (await desk()).find((a) => a.text === LAMPU);
    expect(lampu).toMatchObject({
      channel: 'phone', dimension: 'living', kecamatan: KALIWENING, desa: TEGALSARI, rtRw: '003/005', status: 'baru', contact: null,
      dimensionName: 'Smart Living', kecamatanName: 'Kaliwening', desaName: 'Tegalsari', episode: { id: ep.id },
    });

    // An SMS whose sender agreed to be contacted.
    await fillUsulan(page, {
      channel: 'sms', text: SUMUR, problem: 'Air sumur warga kering tiap kemarau.', dimension: 'environment', kecamatan: GIRIMULYO, desa: NGADIREJO,
    });
    await consent(page).check();
    await page.getByLabel('Nama penelepon (boleh kosong)').fill('Pak Karto');
    await page.getByLabel('Nomor telepon penelepon (boleh kosong)').fill('0813 9999 0000');
    await send(page);
    await expect.poll(() => saved(page), WAIT).toBe('Usulan dari SMS tersimpan dan masuk meja perencana.');
    const rows = await desk();
    expect(rows.find((a) => a.text === SUMUR)).toMatchObject({
      channel: 'sms', dimension: 'environment', kecamatan: GIRIMULYO, desa: NGADIREJO, rtRw: null,
      contact: { name: 'Pak Karto', phone: '081399990000' }, desaName: 'Ngadirejo', episode: { id: ep.id },
    });
    expect(rows).toHaveLength(before.length + 2);

    // The consoles see both usulan, never the caller's name or number.
    const snap = (await joinStaff(c.host, ep.id)) as StaffSnapshot & StaffExtras;
    expect(snap.aspirations.map((a) => [a.text, a.channel])).toEqual([[LAMPU, 'phone'], [SUMUR, 'sms']]);
    expect(JSON.stringify(snap)).not.toMatch(/Pak Karto|0813|Pak Joko/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(screener.errors).toEqual([]);
  });

  it('shows the server\'s refusal of a bad phone number in its words and changes nothing; axe finds nothing serious', async () => {
    const { page } = screener;
    const before = await desk();
    await fillUsulan(page, {
      channel: 'whatsapp', text: 'Posyandu keliling untuk dusun di lereng', problem: 'Balita jauh dari puskesmas.',
      dimension: 'society', kecamatan: GIRIMULYO, desa: NGADIREJO, rtRw: '1/2',
    });
    await consent(page).check();
    await page.getByLabel('Nama penelepon (boleh kosong)').fill('Bu Ning');
    await page.getByLabel('Nomor telepon penelepon (boleh kosong)').fill('12345');
    await send(page);

    const refused = page.getByTestId('enter-usulan-refused');
    await expect.poll(() => refused.innerText(), WAIT).toBe('Usulan belum tersimpan: Nomor telepon tidak valid. Tulis seperti 0812 3456 7890.');
    await expect.poll(() => focused(page), WAIT).toBe('enter-usulan-phone');
    expect(await page.locator('#enter-usulan-phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#enter-usulan-phone').getAttribute('aria-describedby')).toContain('enter-usulan-refused');
    // Nothing saved, nothing lost: the screener fixes the number and tries again.
    expect(await saved(page)).toBe('');
    expect(await desk()).toEqual(before);
    expect(await page.locator('#enter-usulan-text').inputValue()).toBe('Posyandu keliling untuk dusun di lereng');

    // With the form open and the refusal on screen, nothing serious for axe.
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'screener-usulan-desktop');

    // English too; the server's refusal in English words.
    await page.click('button[data-lang=en]');
    await expect.poll(() => page.getByTestId('enter-usulan').locator('h2').innerText(), WAIT).toBe('Type in a proposal from a phone call or SMS');
    expect(await refused.innerText()).toBe('Proposal not saved: Invalid phone number. Write it like 0812 3456 7890.');
    await page.click('button[data-lang=id]');

    // Changing the field clears the refusal; the fixed number goes through.
    await page.getByLabel('Nomor telepon penelepon (boleh kosong)').fill('+62 812-3456-7890');
    expect(await refused.count()).toBe(0);
    await send(page);
    await expect.poll(() => saved(page), WAIT).toBe('Usulan dari WhatsApp tersimpan dan masuk meja perencana.');
    const posyandu = (await desk()).find((a) => a.text.startsWith('Posyandu'));
    expect(posyandu).toMatchObject({ channel: 'whatsapp', dimension: 'society', rtRw: '001/002', contact: { name: 'Bu Ning', phone: '081234567890' } });
    expect(screener.errors).toEqual([]);
    await screener.ctx.close();
  });

  it('fits a phone screen with the form open', async () => {
    const small = await open(`/screener/${ep.id}`, true);
    await openForm(small.page);
    await consent(small.page).check();
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(small.page, 'screener-usulan-phone');
    expect(small.errors).toEqual([]);
    await small.ctx.close();
  });
});
