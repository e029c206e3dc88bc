// The field-trial bug "a closing statement is lost" (issue 10 §2), in real Chromium against a
// real server: the notulis typed a paragraph, switched the kind to "Butir bernomor" and
// saved; the page said "disimpan" and the server kept nothing. Switching kind must carry
// the text over both ways, and a save that would store nothing is refused in words, by
// the page and by the server.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, call } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import type { StaffSnapshot } from '../../server/contract/views.ts';

const WAIT = { timeout: 10_000, interval: 50 };
const PARAGRAPH = 'Pilah sampah dari rumah. Setor ke bank sampah terdekat, tiap Minggu pagi! Jl. Merdeka No. 5 buka jam 07.00.';
const POINTS = ['Pilah sampah dari rumah.', 'Setor ke bank sampah terdekat, tiap Minggu pagi!', 'Jl. Merdeka No. 5 buka jam 07.00.'];

const c = browserStudio({}, { crew: true });
let ep: { id: string };
let haryanto: string;
let lestari: string;

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.admin);
  [haryanto, lestari] = (await snapshot()).episode.speakers.map((s) => s.id) as [string, string];
});

async function snapshot(): Promise<StaffSnapshot> {
  return (await api(c.url, `/api/episodes/${ep.id}`, { cookie: c.admin })).json as StaffSnapshot;
}

async function openNotulis(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { ctx, page, errors } = await c.open(`/notulis/${ep.id}`, { cookie: c.notulisCookie });
  await page.locator('[data-testid=connection]', { hasText: 'Terhubung' }).waitFor({ timeout: 30_000 });
  return { page, errors, close: () => ctx.close() };
}

describe('closing statements in the notulis console', () => {
  it('a paragraph switched to numbered points is saved as those points, not lost', async () => {
    const { page, errors, close } = await openNotulis();
    const form = page.locator(`form[aria-labelledby="closing-${haryanto}-h"]`);
    await form.locator('textarea').fill(PARAGRAPH);
    await form.getByLabel('Butir bernomor').check();
    await form.locator('button[type=submit]').click();
    // The bug: "disimpan" was shown and the server held no statement at all.
    await expect.poll(async () => (await snapshot()).closing, WAIT).toEqual([{ speakerId: haryanto, kind: 'points', points: POINTS }]);
    await page.locator('[data-testid=flash-ok]', { hasText: 'disimpan' }).waitFor();
    // The page shows each sentence as its own point, as saved.
    for (const [i, p] of POINTS.entries()) expect(await form.locator(`#closing-${haryanto}-p${i}`).inputValue()).toBe(p);

    // Back to a paragraph: the points join into it, every character kept.
    await form.getByLabel('Paragraf').check();
    expect(await form.locator('textarea').inputValue()).toBe(PARAGRAPH);
    await form.locator('button[type=submit]').click();
    await expect.poll(async () => (await snapshot()).closing, WAIT).toEqual([{ speakerId: haryanto, kind: 'paragraph', text: PARAGRAPH }]);

    // Points typed as lines in the paragraph box become one point per line.
    await form.locator('textarea').fill('1. Jalan desa diperbaiki Mei\n2. Air bersih masuk RT 03');
    await form.getByLabel('Butir bernomor').check();
    await form.locator('button[type=submit]').click();
    await expect.poll(async () => (await snapshot()).closing, WAIT).toEqual([
      { speakerId: haryanto, kind: 'points', points: ['Jalan desa diperbaiki Mei', 'Air bersih masuk RT 03'] },
    ]);
    await screenshot(page, 'closing-points');
    expect(errors).toEqual([]);
    await close();
  });

  it('a save that would store nothing is refused with a message, and nothing changes', async () => {
    const { page, errors, close } = await openNotulis();
    const form = page.locator(`form[aria-labelledby="closing-${lestari}-h"]`);
    await form.getByLabel('Butir bernomor').check();
    await form.locator(`#closing-${lestari}-p0`).fill('   ');
    await form.locator('button[type=submit]').click();
    await form.locator('[role=alert]', { hasText: 'kosong' }).waitFor();
    expect(await page.locator('[data-testid=flash-ok]').innerText()).not.toContain('disimpan');
    // Nothing was sent that changed anything: Pak Haryanto's statement stays, Bu Lestari has none.
    expect((await snapshot()).closing.map((x) => x.speakerId)).toEqual([haryanto]);

    // The server's rule refuses it too, for any client (here a real socket).
    const before = await snapshot();
    for (const payload of [
      { episodeId: ep.id, speakerId: haryanto, kind: 'paragraph' as const, text: ' \n ' },
      { episodeId: ep.id, speakerId: haryanto, kind: 'points' as const, points: ['', '  '] },
      { episodeId: ep.id, speakerId: haryanto, kind: 'points' as const, points: [] },
    ]) {
      const r = await call(c.notulis, 'closing:set', payload);
      expect(r.ok ? null : r.error.code).toBe('closing_empty');
    }
    expect((await snapshot()).closing).toEqual(before.closing);

    // Removing a statement is a deliberate action of its own.
    const har = page.locator(`form[aria-labelledby="closing-${haryanto}-h"]`);
    await har.locator('button', { hasText: 'Hapus pernyataan' }).click();
    await har.locator('button', { hasText: 'Ya, hapus' }).click();
    await expect.poll(async () => (await snapshot()).closing, WAIT).toEqual([]);
    await screenshot(page, 'closing-refused');
    expect(errors).toEqual([]);
    await close();
  });
});
