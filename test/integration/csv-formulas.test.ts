// Issue 9 item 8: a formula hidden after a delimiter. Excel set to Indonesian splits a
// comma file on ";" (and an English Excel splits the semicolon file on ","), so a cell
// that is text in the file's own separator can start with "=" in the other one. The
// export is read back here both ways, through the real HTTP export.
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { api, listener, must } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { PLACE, RELAXED_LIMITS, plannerCookie, setupDistrict } from '../support/planning.ts';

// The server turns tabs and line breaks in a usulan into spaces; a blank after the delimiter stays.
const HIDDEN = [';=1+1 T15', ',=1+1 T16', 'Jalan rusak, +62 812; -5', 'a;@SUM(A1) b, =2', 'x; "=HYPERLINK(1)"', 'y,\uFF1D1', '=z;-3'];
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The cells a spreadsheet reading `csv` with the separator `sep` can end up with, at worst:
 * each line cut at every `sep` whether inside quotes or not, leading quotes and blanks
 * dropped (a quoted "=1" is still a formula in Excel).
 */
function cellsSplitOn(csv: string, sep: string): string[] {
  return csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).flatMap((line) => line.split(sep)).map((c) => c.replace(/^[\s"]+/, ''));
}

describe('CSV export: no formula after a delimiter', () => {
  let planner: string;

  const studio = studioServer({ rateLimits: RELAXED_LIMITS });
  beforeAll(async () => {
    planner = await plannerCookie(studio.url, studio.admin);
    await setupDistrict(studio.url, studio.admin);
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const { socket } = await listener(studio.url);
    await must(socket, 'episode:join', { code: ep.code });
    for (const text of HIDDEN) {
      await must(socket, 'aspiration:submit', { episodeId: ep.id, text, problem: `Masalah ${text}`, dimension: 'living', kecamatan: PLACE.sukamaju, desa: PLACE.mekarjaya, name: `Bu ${text}`, phone: '081234567890', consent: true });
    }
    socket.disconnect();
  });

  for (const [query, own, other] of [['', ',', ';'], ['?delimiter=semicolon', ';', ',']] as const) {
    it(`the "${own}" export has no cell starting with a formula character when read with "${own}" or "${other}"`, async () => {
      const res = await api(studio.url, `/api/aspirations/export.csv${query}`, { cookie: planner });
      expect(res.status).toBe(200);
      const csv = res.text;

      // Read with its own separator: the rows come back, every cell is text.
      const back = parse(csv, { bom: true, columns: true, delimiter: own }) as Array<Record<string, string>>;
      expect(back).toHaveLength(HIDDEN.length);
      for (const cell of back.flatMap((r) => Object.values(r))) expect(cell).not.toMatch(FORMULA_START);
      // The text is all there: only apostrophes were added, after a delimiter or at the start.
      const stored = (await api(studio.url, '/api/aspirations/export.json', { cookie: planner })).json.usulan.map((u: { usulan: string }) => u.usulan);
      expect(back.map((r) => r['Usulan']!.replace(/(?<=^|[,;])'/g, ''))).toEqual(stored);

      // Every text cell is quoted, so its own delimiters never split it.
      const line = csv.split('\r\n')[1]!;
      expect(line).toMatch(new RegExp(`^1${own === ';' ? ';' : ','}"`));

      // Read with the other separator (or cut anywhere): still no cell starts a formula.
      for (const sep of [own, other]) {
        const bad = cellsSplitOn(csv, sep).filter((cell) => FORMULA_START.test(cell));
        expect(bad, `cells a spreadsheet splitting on "${sep}" would run`).toEqual([]);
      }
    });
  }

  it('the region list CSV gets the same treatment', async () => {
    const { district } = (await api(studio.url, '/api/district')).json;
    district.kecamatan[0].name = 'Sukamaju;=1+1';
    district.kecamatan[0].desa[0].name = 'Pasirlaya,@SUM(1)';
    const put = await api(studio.url, '/api/district', { method: 'PUT', cookie: studio.admin, body: district });
    expect(put.status, put.text).toBe(200);
    const res = await api(studio.url, '/api/district/regions.csv');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Sukamaju;');
    for (const sep of [',', ';']) expect(cellsSplitOn(res.text, sep).filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });
});
