// The open data of issue 12: /data/notula.json (one record per published episode) and the
// DCAT catalogue /data/catalog.jsonld that a CKAN portal (Satu Data Indonesia, ckanext-dcat)
// harvests. Pure: the route gives it the published episodes, their archive rows and the
// origin to build absolute URLs from. What a record may say is what the printed notula
// already says (speakers, counts, the poll's percentages); no listener id, token, name,
// phone or contact is read here at all, so none can leak.
import { LICENSES } from '../contract/station.ts';
import type { Station } from '../contract/station.ts';
import { zoneParts } from '../contract/zone.ts';
import type { Aspiration, District, Episode } from '../contract/types.ts';
import type { ArchiveEntry, PollSummary } from './archive.ts';
import { historyOf } from './aspiration.ts';

/** The open-data addresses, one place so the catalogue, the feed and the routes agree. */
export const OPEN_DATA_PATHS = {
  notula: '/data/notula.json',
  feed: '/arsip/feed.atom',
  catalog: '/data/catalog.jsonld',
  usulanCsv: '/data/usulan.csv',
  usulanJson: '/data/usulan.json',
  archive: '/arsip',
  usulan: '/usulan',
} as const;

export interface NotulaRecord {
  id: string;
  series: string;
  number: number | null;
  title: string;
  place: string;
  /** The calendar date in the episode's zone, YYYY-MM-DD. */
  date: string;
  /** Wall-clock time with the zone's offset, "2026-11-14T19:00:00+07:00". */
  start: string;
  /** null: "selesai" (open end), as the notula prints it. */
  end: string | null;
  /** When the show actually went off air, with the offset (the notula's "selesai"). */
  endedAt: string | null;
  timeZone: string;
  hosts: string[];
  /** As the notula's "Pembicara" row prints them. */
  speakers: { name: string; role: string; agency: string }[];
  counts: { questionsReceived: number; questionsAnswered: number; listeners: number };
  /** The live poll (the satisfaction poll when there was one), whole percentages by largest remainder. */
  poll: PollSummary | null;
  recordingUrl: string | null;
  url: string;
  notulaMarkdownUrl: string;
  notulaHtmlUrl: string;
  /** The last correction after the show, else the end of the show (UTC). */
  modified: string;
}

/** When the published notula last changed: its last correction, else the end of the show. */
export function modifiedOf(e: Episode): string {
  return e.edits?.at(-1)?.at ?? e.endedAt ?? e.endsAt ?? e.startsAt;
}

/** "2026-11-14T19:00:00+07:00": the instant on the zone's wall clock, with its offset. */
export function isoInZone(iso: string, timeZone: string): string {
  const p = zoneParts(iso, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }, 'en-US');
  const wall = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
  const ms = Math.floor(Date.parse(iso) / 1000) * 1000;
  const offset = Math.round((Date.parse(`${wall}Z`) - ms) / 60_000);
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${wall}${offset < 0 ? '-' : '+'}${hhmm}`;
}

/** One published episode as open data. `entry` is its archive row (path, counts, poll). */
export function notulaRecord(e: Episode, entry: ArchiveEntry, origin: string): NotulaRecord {
  return {
    id: e.id,
    series: e.series,
    number: e.number,
    title: e.title,
    place: e.place,
    date: isoInZone(e.startsAt, e.timeZone).slice(0, 10),
    start: isoInZone(e.startsAt, e.timeZone),
    end: e.endsAt === null ? null : isoInZone(e.endsAt, e.timeZone),
    endedAt: e.endedAt === null ? null : isoInZone(e.endedAt, e.timeZone),
    timeZone: e.timeZone,
    hosts: [...e.hosts],
    speakers: e.speakers.map((s) => ({ name: s.fullName, role: s.position, agency: s.agency })),
    counts: {
      questionsReceived: e.archived?.questionsReceived ?? e.questions.length,
      questionsAnswered: entry.answered,
      listeners: entry.listeners,
    },
    poll: entry.poll,
    recordingUrl: e.recordingUrl,
    url: `${origin}${entry.path}`,
    notulaMarkdownUrl: `${origin}/api/episodes/${e.id}/notula.md`,
    notulaHtmlUrl: `${origin}/api/episodes/${e.id}/notula.html`,
    modified: modifiedOf(e),
  };
}

/** The whole file: newest first, like the archive and the feed. */
export function notulaRecords(rows: readonly { episode: Episode; entry: ArchiveEntry }[], origin: string): NotulaRecord[] {
  return rows
    .map((r) => notulaRecord(r.episode, r.entry, origin))
    .sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id));
}

// A Host header names only a host (DNS labels, an IPv4 address or a bracketed IPv6 one) and
// a port: anything else ("a@b", "b/c", spaces, a second colon) could make the absolute URLs
// of the open data point elsewhere, so it is not used.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
export const HOST_PATTERN = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]{2,45}\\])(?::[0-9]{1,5})?$`, 'i');

/**
 * The origin the open data's URLs are built on: PUBLIC_URL's when the station set it, else
 * the request's Host checked against HOST_PATTERN; null when neither can be trusted.
 */
export function dataOrigin(publicUrl: URL | null, host: string | undefined, scheme: 'http' | 'https'): string | null {
  if (publicUrl) return publicUrl.origin;
  if (!host || host.length > 260 || !HOST_PATTERN.test(host)) return null;
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && Number(port) > 65535) return null;
  return `${scheme}://${host.toLowerCase()}`;
}

// ---- The DCAT catalogue ----

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
};

/** DCAT-AP's controlled vocabularies (EU Publications Office), which ckanext-dcat knows. */
const INDONESIAN = 'http://publications.europa.eu/resource/authority/language/IND';
const THEME = 'http://publications.europa.eu/resource/authority/data-theme/';
const MEDIA = 'http://www.iana.org/assignments/media-types/';

export interface CatalogInput {
  station: Station;
  origin: string;
  district: Pick<District, 'name' | 'code'>;
  /** The published episodes (published() from archive.ts). */
  episodes: readonly Episode[];
  /** The usulan the tracker lists. */
  usulan: readonly Aspiration[];
}

type Node = Record<string, unknown>;

const text = (value: string): Node => ({ '@value': value, '@language': 'id' });
const dateTime = (iso: string): Node => ({ '@value': iso, '@type': 'xsd:dateTime' });
const ref = (iri: string): Node => ({ '@id': iri });

function span(instants: readonly string[]): { issued?: Node; modified?: Node } {
  if (!instants.length) return {};
  const sorted = [...instants].sort();
  return { issued: dateTime(sorted[0]!), modified: dateTime(sorted.at(-1)!) };
}

function distribution(id: string, url: string, title: string, mediaType: string, format: string, license: Node): Node {
  return {
    '@id': id,
    '@type': 'dcat:Distribution',
    'dct:title': text(title),
    'dcat:accessURL': ref(url),
    'dcat:downloadURL': ref(url),
    'dcat:mediaType': ref(`${MEDIA}${mediaType}`),
    'dct:format': format,
    'dct:license': license,
  };
}

/** The catalogue as JSON-LD (DCAT-AP style): the notula collection and the usulan warga. */
export function catalog(p: CatalogInput): Node {
  const o = p.origin;
  const self = `${o}${OPEN_DATA_PATHS.catalog}`;
  const licence = LICENSES[p.station.license];
  const license: Node = licence ? { '@id': licence.url, '@type': 'dct:LicenseDocument', 'dct:title': text(licence.title), 'dct:identifier': p.station.license } : { 'dct:identifier': p.station.license };
  const publisher = { '@id': `${o}/#penerbit`, '@type': 'foaf:Organization', 'foaf:name': p.station.name, 'foaf:homepage': ref(`${o}/`) };
  const contact = { '@type': 'vcard:Organization', 'vcard:fn': p.station.name, 'vcard:hasURL': ref(`${o}/`) };
  const spatial = p.district.code === null ? {} : {
    'dct:spatial': { '@type': 'dct:Location', 'dct:identifier': p.district.code, 'skos:prefLabel': text(p.district.name) },
  };
  const where = p.district.code === null ? '' : ` di ${p.district.name}`;
  const common = (): Node => ({
    '@type': 'dcat:Dataset',
    'dct:publisher': ref(publisher['@id']),
    'dcat:contactPoint': contact,
    'dct:license': license,
    'dct:language': ref(INDONESIAN),
    ...spatial,
  });
  const notulaDates = span(p.episodes.flatMap((e) => [e.endedAt ?? e.startsAt, modifiedOf(e)]));
  const notula: Node = {
    '@id': `${self}#notula`,
    ...common(),
    'dct:identifier': 'notula-siaran',
    'dct:title': text(`Notula siaran ${p.station.name}`),
    'dct:description': text(`Notula siaran bincang warga ${p.station.name}${where}: pembicara, pertanyaan warga yang dijawab, jumlah pendengar, hasil jajak pendapat, dan tautan rekaman. Satu catatan per siaran yang sudah selesai.`),
    ...(notulaDates.issued ? { 'dct:issued': notulaDates.issued, 'dct:modified': notulaDates.modified } : {}),
    'dcat:keyword': ['notula', 'siaran', 'radio komunitas', 'partisipasi warga', 'pemerintah daerah'].map(text),
    'dcat:theme': [ref(`${THEME}GOVE`)],
    'dcat:landingPage': ref(`${o}${OPEN_DATA_PATHS.archive}`),
    'dcat:distribution': [
      distribution(`${self}#notula-json`, `${o}${OPEN_DATA_PATHS.notula}`, 'Notula siaran (JSON)', 'application/json', 'JSON', license),
      distribution(`${self}#notula-atom`, `${o}${OPEN_DATA_PATHS.feed}`, 'Umpan Atom notula siaran', 'application/atom+xml', 'ATOM', license),
    ],
  };
  const usulanDates = span(p.usulan.flatMap((a) => [a.createdAt, a.updatedAt, ...historyOf(a).map((h) => h.at)]));
  const usulan: Node = {
    '@id': `${self}#usulan`,
    ...common(),
    'dct:identifier': 'usulan-warga',
    'dct:title': text(`Usulan warga dari siaran ${p.station.name}`),
    'dct:description': text(`Usulan pembangunan yang disampaikan warga lewat siaran ${p.station.name}${where}: dimensi, kecamatan/desa, jumlah dukungan, siaran asal, dan riwayat statusnya (baru, ditinjau, diteruskan ke musrenbang, ditolak). Tanpa nama atau nomor telepon warga.`),
    ...(usulanDates.issued ? { 'dct:issued': usulanDates.issued, 'dct:modified': usulanDates.modified } : {}),
    'dcat:keyword': ['usulan warga', 'aspirasi', 'musrenbang', 'perencanaan pembangunan', 'smart city'].map(text),
    'dcat:theme': [ref(`${THEME}GOVE`), ref(`${THEME}REGI`)],
    'dcat:landingPage': ref(`${o}${OPEN_DATA_PATHS.usulan}`),
    'dcat:distribution': [
      distribution(`${self}#usulan-csv`, `${o}${OPEN_DATA_PATHS.usulanCsv}`, 'Usulan warga (CSV)', 'text/csv', 'CSV', license),
      distribution(`${self}#usulan-json`, `${o}${OPEN_DATA_PATHS.usulanJson}`, 'Usulan warga (JSON)', 'application/json', 'JSON', license),
    ],
  };
  const all = [notulaDates.modified, usulanDates.modified].filter((x): x is Node => x !== undefined).sort((a, b) => String(b['@value']).localeCompare(String(a['@value'])));
  return {
    '@context': CONTEXT,
    '@id': self,
    '@type': 'dcat:Catalog',
    'dct:title': text(`Data terbuka ${p.station.name}`),
    'dct:description': text(`Katalog data terbuka ${p.station.name}${where}: notula siaran bincang warga dan usulan warga yang disampaikan lewat siaran.`),
    'dct:publisher': publisher,
    'dct:license': license,
    'dct:language': ref(INDONESIAN),
    'foaf:homepage': ref(`${o}/`),
    ...(all[0] ? { 'dct:modified': all[0] } : {}),
    ...spatial,
    'dcat:dataset': [notula, usulan],
  };
}
