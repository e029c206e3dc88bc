// The open data as a feed reader, a script on another site and the district's CKAN portal
// meet it: plain HTTP against a real server with the sample — the three files, their types,
// CORS, ETag/304, the Atom parsed back, and a CKAN-style harvest of the DCAT catalogue
// (JSON-LD expanded and flattened with the jsonld package, each dcat:Dataset mapped to a
// CKAN package dict the way ckanext-dcat's DCAT-AP profile does).
import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import jsonld from 'jsonld';
import { xml2js } from 'xml-js';
import type { Element } from 'xml-js';
import { studioServer } from '../support/integration.ts';
import { api, listener } from '../support/client.ts';
import { LICENSES } from '../../server/contract/station.ts';
import { slugify } from '../../server/contract/public-path.ts';
import { SAMPLE_EPISODES } from '../../server/domain/sample.ts';

const FILES = [
  ['/data/notula.json', /^application\/json; charset=utf-8$/],
  ['/arsip/feed.atom', /^application\/atom\+xml; charset=utf-8$/],
  ['/data/catalog.jsonld', /^application\/ld\+json; charset=utf-8$/],
] as const;

// fetch adds "Cache-Control: no-cache" to a conditional request unless one is given.
const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

/** A GET with a Host header of our choosing (fetch will not send one). */
function withHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = '@type';

type FlatNode = Record<string, unknown> & { '@id': string };
type Value = { '@value'?: string; '@id'?: string; '@language'?: string };

interface CkanPackage {
  name: string;
  title: string;
  notes: string;
  url: string;
  license_id: string;
  publisher_name: string;
  tags: { name: string }[];
  extras: { key: string; value: string }[];
  resources: { url: string; format: string; mimetype: string; name: string }[];
}

/** What ckanext-dcat's harvester does with a catalogue: RDF in, CKAN package dicts out. */
async function harvest(doc: object): Promise<CkanPackage[]> {
  const flat = (await jsonld.flatten(await jsonld.expand(doc as jsonld.JsonLdDocument))) as unknown as FlatNode[];
  const byId = new Map(flat.map((n) => [n['@id'], n]));
  const values = (n: FlatNode | undefined, p: string): Value[] => (n?.[p] as Value[] | undefined) ?? [];
  const one = (n: FlatNode | undefined, p: string): string => {
    const v = values(n, p)[0];
    return v?.['@value'] ?? v?.['@id'] ?? '';
  };
  const node = (n: FlatNode | undefined, p: string): FlatNode | undefined => byId.get(values(n, p)[0]?.['@id'] ?? '');
  const isA = (n: FlatNode, t: string) => ((n[RDF_TYPE] as string[] | undefined) ?? []).includes(t);
  // CKAN's licence register knows a licence by its URL; our ids are SPDX, as DATA_LICENSE is.
  const licenseId = (url: string) => Object.entries(LICENSES).find(([, l]) => l.url === url)?.[0] ?? '';
  return flat.filter((n) => isA(n, `${DCAT}Dataset`)).map((d) => {
    const spatial = node(d, `${DCT}spatial`);
    const extra = (key: string, value: string) => ({ key, value });
    return {
      name: slugify(one(d, `${DCT}title`), 100),
      title: one(d, `${DCT}title`),
      notes: one(d, `${DCT}description`),
      url: one(d, `${DCAT}landingPage`),
      license_id: licenseId(one(d, `${DCT}license`)),
      publisher_name: one(node(d, `${DCT}publisher`), `${FOAF}name`),
      tags: values(d, `${DCAT}keyword`).map((v) => ({ name: v['@value']! })),
      extras: [
        extra('identifier', one(d, `${DCT}identifier`)),
        extra('issued', one(d, `${DCT}issued`)),
        extra('modified', one(d, `${DCT}modified`)),
        extra('language', one(d, `${DCT}language`)),
        extra('theme', values(d, `${DCAT}theme`).map((v) => v['@id']).join(' ')),
        extra('spatial', one(spatial, `${DCT}identifier`)),
        extra('spatial_text', one(spatial, `${SKOS}prefLabel`)),
      ],
      resources: values(d, `${DCAT}distribution`).map((ref) => {
        const r = byId.get(ref['@id']!);
        return { url: one(r, `${DCAT}downloadURL`) || one(r, `${DCAT}accessURL`), format: one(r, `${DCT}format`), mimetype: one(r, `${DCAT}mediaType`).replace(/^.*media-types\//, ''), name: one(r, `${DCT}title`) };
      }),
    };
  });
}

/** Every value the sample's listeners leave in the store: ids, tokens' ids, contact. */
function listenerTraces(app: ReturnType<typeof studioServer>['server']['app']): string[] {
  const out = new Set<string>();
  for (const e of app.episodes.list()) {
    for (const id of e.listeners) out.add(id);
    for (const q of e.questions) {
      if (q.askedBy) out.add(q.askedBy);
      for (const v of q.voters) out.add(v);
    }
    for (const p of e.polls ?? []) for (const id of Object.keys(p.answers)) out.add(id);
  }
  for (const a of app.aspirations.list) {
    if (a.submittedBy) out.add(a.submittedBy);
    for (const s of a.supporters) out.add(s);
    if (a.contact?.name) out.add(a.contact.name);
    if (a.contact?.phone) out.add(a.contact.phone);
  }
  return [...out].filter((x) => x.length >= 6);
}

describe('the open data, with PUBLIC_URL set', () => {
  const s = studioServer({ sample: true, publicUrl: 'https://radio.example.id', station: { name: 'Suara Giri FM' } });

  it('answers the three files with their types, CORS *, an ETag and a 304 on revalidation', async () => {
    for (const [path, type] of FILES) {
      const r = await api(s.url, path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toMatch(type);
      expect(r.headers.get('access-control-allow-origin'), path).toBe('*');
      const etag = r.headers.get('etag');
      expect(etag, path).toBeTruthy();
      expect(r.text, path).toContain('https://radio.example.id/');
      expect(r.headers.get('content-encoding'), path).toMatch(/^(gzip|br)$/);
      const again = await fetch(`${s.url}${path}`, { headers: revalidate(etag!) });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });

  it('lists the published sample in notula.json, not the draft, with no listener id, token or contact', async () => {
    const { token } = await listener(s.url);
    const r = await api(s.url, '/data/notula.json');
    const records = r.json.records as Record<string, any>[];
    expect(records.map((x) => x.id)).toEqual([SAMPLE_EPISODES.finished]);
    const rec = records[0]!;
    expect(rec.url).toBe('https://radio.example.id/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung');
    expect(rec.poll.options.map((o: any) => o.percent)).toEqual([79, 7, 0, 14]);
    expect(rec.speakers.length).toBeGreaterThan(0);
    expect(Object.keys(rec.counts)).toEqual(['questionsReceived', 'questionsAnswered', 'listeners']);
    // Its own links answer: the page and both notulas.
    for (const u of [rec.url, rec.notulaMarkdownUrl, rec.notulaHtmlUrl]) expect((await api(s.url, String(u).replace('https://radio.example.id', ''))).status, u).toBe(200);
    const traces = listenerTraces(s.server.app);
    expect(traces.length).toBeGreaterThan(5);
    for (const [path] of FILES) {
      const text = (await api(s.url, path)).text;
      expect(text, path).not.toContain(token);
      for (const t of traces) expect(text, `${path} ${t}`).not.toContain(t);
    }
  });

  it('is an Atom feed a reader parses: one entry per notula, linking the episode page', async () => {
    const xml = (await api(s.url, '/arsip/feed.atom')).text;
    const feed = (xml2js(xml, { compact: false }) as Element).elements!.find((e) => e.name === 'feed')!;
    const kids = (el: Element, name: string) => (el.elements ?? []).filter((x) => x.name === name);
    const text = (el: Element | undefined) => (el?.elements ?? []).map((x) => String(x.text ?? x.cdata ?? '')).join('');
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(text(kids(feed, 'id')[0])).toBe('https://radio.example.id/arsip');
    expect(Date.parse(text(kids(feed, 'updated')[0]))).not.toBeNaN();
    const entries = kids(feed, 'entry');
    expect(entries).toHaveLength(1);
    const link = kids(entries[0]!, 'link')[0]!;
    // No rel: Atom's default relation is "alternate" (RFC 4287 §4.2.7.2).
    expect(link.attributes?.rel ?? 'alternate').toBe('alternate');
    expect(link.attributes?.href).toBe('https://radio.example.id/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung');
    expect(text(kids(entries[0]!, 'summary')[0])).toContain('pertanyaan warga dijawab');
    // The archive page names the feed for autodiscovery.
    expect((await api(s.url, '/arsip')).text).toContain('<link rel="alternate" type="application/atom+xml"');
  });
});

describe('the open data without PUBLIC_URL', () => {
  const s = studioServer({ sample: true, station: { name: 'Suara Giri FM' } });

  it('builds its URLs on a plain Host, and refuses one that is not', async () => {
    const good = await withHost(`${s.url}/data/notula.json`, 'radio.lan:8080');
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body).records[0].url).toMatch(/^http:\/\/radio\.lan:8080\/arsip\//);
    for (const host of ['evil.example@radio.lan', 'radio.lan/x', 'radio.lan:99999']) {
      const bad = await withHost(`${s.url}/data/catalog.jsonld`, host);
      expect(bad.status, host).toBe(400);
      expect(JSON.parse(bad.body).error.code, host).toBe('invalid_payload');
    }
  });

  it('is harvested like a CKAN portal would: every dataset field present, every resource answering', async () => {
    const doc = (await api(s.url, '/data/catalog.jsonld')).json;
    const packages = await harvest(doc);
    expect(packages.map((p) => p.extras.find((e) => e.key === 'identifier')?.value)).toEqual(['notula-siaran', 'usulan-warga']);
    const urls = { notula: `${s.url}/arsip`, usulan: `${s.url}/usulan` };
    for (const p of packages) {
      for (const f of ['name', 'title', 'notes', 'url', 'license_id', 'publisher_name'] as const) expect(p[f], `${p.name} ${f}`).not.toBe('');
      expect(p.license_id).toBe('CC-BY-4.0');
      expect(p.publisher_name).toBe('Suara Giri FM');
      expect(p.tags.length).toBeGreaterThan(0);
      for (const e of p.extras) expect(e.value, `${p.name} ${e.key}`).not.toBe('');
      expect(p.extras.find((e) => e.key === 'spatial')?.value).toBe('99.01');
      expect(p.extras.find((e) => e.key === 'language')?.value).toBe('http://publications.europa.eu/resource/authority/language/IND');
      expect(Date.parse(p.extras.find((e) => e.key === 'modified')!.value)).not.toBeNaN();
      expect(p.resources.length).toBe(2);
      for (const res of p.resources) for (const f of ['url', 'format', 'mimetype', 'name'] as const) expect(res[f], `${res.url} ${f}`).not.toBe('');
    }
    expect(packages.map((p) => p.url)).toEqual([urls.notula, urls.usulan]);
    expect((await api(s.url, '/arsip')).status).toBe(200);
    // The usulan files are another part of issue 12; until they are mounted, a text/csv
    // answer is how we know they are there (a built web app's SPA fallback answers HTML).
    const csv = await fetch(`${s.url}/data/usulan.csv`);
    const usulanLanded = csv.status === 200 && /text\/csv/.test(csv.headers.get('content-type') ?? '');
    await csv.body?.cancel();
    let checked = 0;
    for (const res of packages.flatMap((p) => p.resources)) {
      if (!usulanLanded && /\/data\/usulan\.(csv|json)$/.test(res.url)) continue;
      const r = await fetch(res.url);
      await r.body?.cancel();
      expect(r.status, res.url).toBe(200);
      expect(r.headers.get('content-type'), res.url).toContain(res.mimetype);
      checked++;
    }
    const resources = packages.reduce((n, p) => n + p.resources.length, 0);
    console.log(`harvest: ${packages.length} datasets, ${resources} resources (${checked} fetched${usulanLanded ? '' : ', usulan files not mounted yet'}), license ${packages[0]!.license_id}, spatial ${packages[0]!.extras.find((e) => e.key === 'spatial')!.value} ${packages[0]!.extras.find((e) => e.key === 'spatial_text')!.value}`);
  });
});
