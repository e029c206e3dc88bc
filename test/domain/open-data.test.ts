// The open data's pure builders: a notula record, the DCAT catalogue, the Atom feed, the
// origin their URLs are built on, and that no listener's id, token, name, phone or contact
// reaches any of them even when planted in every listener field of the sample show.
import { describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import type { Element } from 'xml-js';
import { archiveEntry, published } from '../../server/domain/archive.ts';
import { catalog, dataOrigin, isoInZone, modifiedOf, notulaRecord, notulaRecords } from '../../server/domain/open-data.ts';
import { atomFeed } from '../../server/public/feeds.ts';
import { episodeDescription } from '../../server/public/episode-page.ts';
import { buildSampleShow } from '../../server/sample/episodes.ts';
import { DEFAULT_STATION } from '../../server/contract/station.ts';
import type { Aspiration, Episode } from '../../server/contract/types.ts';

const ORIGIN = 'https://radio.example.id';
const station = { name: 'Suara Giri FM', license: 'CC-BY-4.0' };

/** Every listener-side field of the sample show and its usulan, overwritten with a marker. */
function planted(): { episode: Episode; usulan: Aspiration[]; markers: string[] } {
  const { episode: e, aspirations } = buildSampleShow();
  const markers: string[] = [];
  const mark = (what: string) => {
    const m = `PII${what}${markers.length}X`;
    markers.push(m);
    return m;
  };
  e.listeners = e.listeners.map(() => mark('listener'));
  for (const q of e.questions) {
    q.askedBy = mark('askedby');
    q.voters = q.voters.map(() => mark('voter'));
    // The notula may print the asker's name; the open data does not carry questions at all.
    q.askerName = mark('asker');
    q.askerLocation = mark('asal');
    q.text = `${q.text} hubungi ${mark('0812')} `;
  }
  for (const p of e.polls ?? []) p.answers = Object.fromEntries(Object.values(p.answers).map((v) => [mark('pollvoter'), v]));
  for (const a of aspirations) {
    a.submittedBy = mark('submitter');
    a.contact = { name: mark('contactname'), phone: mark('0813'), consentAt: a.createdAt };
    a.supporters = a.supporters.map(() => mark('supporter'));
    a.rtRw = '001/002';
  }
  return { episode: e, usulan: aspirations, markers };
}

function rowsOf(eps: Episode[]) {
  const list = published(eps);
  return list.map((e) => ({ episode: e, entry: archiveEntry(e, [], list) }));
}

describe('a notula record', () => {
  const { episode } = buildSampleShow();
  const [row] = rowsOf([episode]);
  const rec = notulaRecord(row!.episode, row!.entry, ORIGIN);

  it('says what the printed notula says, with absolute URLs and zoned times', () => {
    expect(rec).toMatchObject({
      id: episode.id, series: episode.series, number: 7, title: episode.title,
      date: '2026-11-14', timeZone: 'Asia/Jakarta',
      url: `${ORIGIN}/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung`,
      notulaMarkdownUrl: `${ORIGIN}/api/episodes/${episode.id}/notula.md`,
      notulaHtmlUrl: `${ORIGIN}/api/episodes/${episode.id}/notula.html`,
      recordingUrl: episode.recordingUrl,
    });
    expect(rec.start).toMatch(/^2026-11-14T\d\d:\d\d:00\+07:00$/);
    expect(Date.parse(rec.start)).toBe(Date.parse(episode.startsAt));
    expect(rec.end).toBeNull(); // "19.00–selesai", as the notula prints it
    expect(Date.parse(rec.endedAt!)).toBe(Date.parse(episode.endedAt!));
    expect(rec.speakers).toEqual(episode.speakers.map((s) => ({ name: s.fullName, role: s.position, agency: s.agency })));
    expect(rec.counts).toEqual({ questionsReceived: episode.questions.length, questionsAnswered: row!.entry.answered, listeners: episode.listeners.length });
    // The live poll as the notula prints it: whole percentages by largest remainder.
    expect(rec.poll?.options.map((o) => o.percent)).toEqual([79, 7, 0, 14]);
    expect(rec.modified).toBe(episode.edits?.at(-1)?.at ?? episode.endedAt);
  });

  it('is modified at its last correction, else at the end of the show', () => {
    const e = structuredClone(episode);
    e.edits = [];
    expect(modifiedOf(e)).toBe(e.endedAt);
    e.edits = [{ at: '2026-11-20T01:02:03.000Z', by: 'notulis', role: 'notulis', field: 'recordingUrl', target: null, before: null, after: 'https://x.example/a.mp3' }];
    expect(modifiedOf(e)).toBe('2026-11-20T01:02:03.000Z');
  });

  it('writes wall-clock times with the zone offset (WIB, WITA, WIT)', () => {
    expect(isoInZone('2026-11-14T12:00:00.000Z', 'Asia/Jakarta')).toBe('2026-11-14T19:00:00+07:00');
    expect(isoInZone('2026-11-14T12:00:00.000Z', 'Asia/Makassar')).toBe('2026-11-14T20:00:00+08:00');
    expect(isoInZone('2026-11-14T16:30:00.000Z', 'Asia/Jayapura')).toBe('2026-11-15T01:30:00+09:00');
  });

  it('lists newest first', () => {
    const older = structuredClone(episode);
    older.id = 'olderepisode';
    older.number = 6;
    older.startsAt = '2026-10-01T12:00:00.000Z';
    older.endedAt = '2026-10-01T14:00:00.000Z';
    expect(notulaRecords(rowsOf([older, episode]), ORIGIN).map((r) => r.number)).toEqual([7, 6]);
  });
});

describe('the origin of the URLs', () => {
  it('is PUBLIC_URL when set, whatever the Host says', () => {
    expect(dataOrigin(new URL('https://radio.example.id/x'), 'evil.example', 'http')).toBe(ORIGIN);
  });
  it('is the Host only when it is a plain host[:port]', () => {
    for (const host of ['localhost:3000', 'Radio.Local', '192.168.1.20:8080', '[::1]:3000', 'a-b.c-d.id']) expect(dataOrigin(null, host, 'http'), host).toBe(`http://${host.toLowerCase()}`);
    for (const host of [undefined, '', 'a@b.example', 'b.example/c', 'b.example\\c', 'x y', 'a..b', '-a.example', 'a.example:99999', 'a.example:80:80', 'a.example?x', 'a.example#x', `${'a'.repeat(64)}.example`, '<script>']) {
      expect(dataOrigin(null, host, 'http'), String(host)).toBeNull();
    }
  });
});

describe('the DCAT catalogue', () => {
  const { episode, aspirations, district } = buildSampleShow();
  const c = catalog({ station, origin: ORIGIN, district, episodes: [episode], usulan: aspirations }) as Record<string, any>;

  it('names the station as publisher, the licence as a URI, and two datasets with their distributions', () => {
    expect(c['@type']).toBe('dcat:Catalog');
    expect(Object.keys(c['@context'])).toEqual(expect.arrayContaining(['dcat', 'dct', 'foaf', 'vcard', 'xsd']));
    expect(c['dct:publisher']).toMatchObject({ '@type': 'foaf:Organization', 'foaf:name': 'Suara Giri FM' });
    expect(c['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    const [notula, usulan] = c['dcat:dataset'];
    expect(notula['dcat:landingPage']['@id']).toBe(`${ORIGIN}/arsip`);
    expect(usulan['dcat:landingPage']['@id']).toBe(`${ORIGIN}/usulan`);
    expect(notula['dcat:distribution'].map((d: any) => [d['dcat:downloadURL']['@id'], d['dcat:mediaType']['@id']])).toEqual([
      [`${ORIGIN}/data/notula.json`, 'http://www.iana.org/assignments/media-types/application/json'],
      [`${ORIGIN}/arsip/feed.atom`, 'http://www.iana.org/assignments/media-types/application/atom+xml'],
    ]);
    expect(usulan['dcat:distribution'].map((d: any) => d['dcat:downloadURL']['@id'])).toEqual([`${ORIGIN}/data/usulan.csv`, `${ORIGIN}/data/usulan.json`]);
    expect(notula['dct:spatial']).toEqual({ '@type': 'dct:Location', 'dct:identifier': district.code, 'skos:prefLabel': { '@value': district.name, '@language': 'id' } });
    // Dates from the data: the notula's from the show, the usulan's from their own history.
    expect(notula['dct:issued']['@value']).toBe(episode.endedAt);
    expect(usulan['dct:issued']['@value']).toBe(aspirations.map((a) => a.createdAt).sort()[0]);
  });

  it('leaves the spatial coverage out while the kabupaten has no code, and dates out while there is no data', () => {
    const bare = catalog({ station: DEFAULT_STATION, origin: ORIGIN, district: { name: 'Kabupaten', code: null }, episodes: [], usulan: [] }) as Record<string, any>;
    expect(JSON.stringify(bare)).not.toContain('dct:spatial');
    expect(bare['dcat:dataset'][0]['dct:modified']).toBeUndefined();
    expect(bare['dct:modified']).toBeUndefined();
  });
});

describe('the Atom feed', () => {
  it('has one entry per published notula, with the episode page as its link and its OG description as summary', () => {
    const rows = rowsOf([buildSampleShow().episode]);
    const doc = xml2js(atomFeed({ station, origin: ORIGIN, rows }), { compact: false }) as Element;
    const feed = doc.elements!.find((x) => x.name === 'feed')!;
    const kids = (el: Element, name: string) => (el.elements ?? []).filter((x) => x.name === name);
    const textOf = (el: Element | undefined) => (el?.elements ?? []).map((x) => x.text ?? x.cdata ?? '').join('');
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(textOf(kids(feed, 'author')[0]?.elements?.find((x) => x.name === 'name'))).toBe('Suara Giri FM');
    const [entry, ...more] = kids(feed, 'entry');
    expect(more).toHaveLength(0);
    expect(textOf(kids(entry!, 'id')[0])).toBe(`${ORIGIN}/arsip/e/${rows[0]!.episode.id}`);
    expect(kids(entry!, 'link')[0]?.attributes?.href).toBe(`${ORIGIN}${rows[0]!.entry.path}`);
    expect(textOf(kids(entry!, 'summary')[0])).toBe(episodeDescription(rows[0]!.entry).replace(/&/g, '&amp;'));
  });
  it('keeps hostile staff text as text: escaped inside type="html", CDATA never closed early', () => {
    const e = buildSampleShow().episode;
    e.title = 'Jalan ]]><script>alert(1)</script> & "lampu"';
    const xml = atomFeed({ station, origin: ORIGIN, rows: rowsOf([e]) });
    const entry = (xml2js(xml, { compact: false }) as Element).elements![0]!.elements!.find((x) => x.name === 'entry')!;
    const title = entry.elements!.find((x) => x.name === 'title')!;
    // What a reader gets after unwrapping CDATA is HTML that shows the characters, not a script.
    expect(title.elements!.map((x) => x.cdata ?? x.text).join('')).toBe('Eps. 7: Jalan ]]&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;lampu&quot;');
    expect(xml).not.toContain('<script>');
  });
});

describe('no listener data in any open file', () => {
  it('holds with markers planted in every listener field of the sample', () => {
    const { episode, usulan, markers } = planted();
    const rows = rowsOf([episode]);
    const files = [
      JSON.stringify(notulaRecords(rows, ORIGIN)),
      atomFeed({ station, origin: ORIGIN, rows }),
      JSON.stringify(catalog({ station, origin: ORIGIN, district: buildSampleShow().district, episodes: [episode], usulan })),
    ];
    expect(markers.length).toBeGreaterThan(20);
    for (const f of files) for (const m of markers) expect(f).not.toContain(m);
    // The planted markers did land in the episode (so the check above is not vacuous).
    expect(JSON.stringify(episode)).toContain(markers[0]);
  });
});
