// The Atom feed of published notulas at /arsip/feed.atom, written by the `feed` package (its
// escaping and Atom's required id/updated/author are its job, not hand-built XML). Pure:
// archive rows in, XML out. An entry says what the episode page's Open Graph tags say.
import escapeHtml from 'escape-html';
import { Feed } from 'feed';
import { LICENSES } from '../contract/station.ts';
import type { Station } from '../contract/station.ts';
import type { Episode } from '../contract/types.ts';
import type { ArchiveEntry } from '../domain/archive.ts';
import { modifiedOf, OPEN_DATA_PATHS } from '../domain/open-data.ts';
import { episodeDescription } from './episode-page.ts';

export interface AtomInput {
  station: Station;
  origin: string;
  rows: readonly { episode: Episode; entry: ArchiveEntry }[];
}

/** The entry's permanent id: the /arsip/e/<id> address, which outlives a corrected title. */
export const entryId = (origin: string, id: string): string => `${origin}/arsip/e/${id}`;

export function atomFeed(p: AtomInput): string {
  const o = p.origin;
  const rows = [...p.rows].sort((a, b) => b.entry.startsAt.localeCompare(a.entry.startsAt) || a.entry.id.localeCompare(b.entry.id));
  const modified = rows.map((r) => modifiedOf(r.episode)).sort().at(-1);
  const station = { name: p.station.name, link: `${o}/` };
  const feed = new Feed({
    id: `${o}${OPEN_DATA_PATHS.archive}`,
    title: `Notula siaran ${p.station.name}`,
    description: `Notula dan rekaman siaran ${p.station.name} yang sudah selesai.`,
    link: `${o}${OPEN_DATA_PATHS.archive}`,
    feedLinks: { atom: `${o}${OPEN_DATA_PATHS.feed}` },
    language: 'id',
    // An empty archive has no date of its own; the epoch keeps the feed the same on every request.
    updated: new Date(modified ?? 0),
    author: station,
    generator: 'Kentongan',
    copyright: LICENSES[p.station.license]?.title ?? p.station.license,
  });
  for (const { episode: e, entry } of rows) {
    const title = entry.number === null ? entry.title : `Eps. ${entry.number}: ${entry.title}`;
    // Atom's title and summary are type="html": escaped, so staff text stays text in a reader.
    feed.addItem({
      title: escapeHtml(title),
      id: entryId(o, e.id),
      link: `${o}${entry.path}`,
      date: new Date(modifiedOf(e)),
      published: new Date(e.endedAt ?? e.startsAt),
      description: escapeHtml(episodeDescription(entry)),
      author: [station],
    });
  }
  return feed.atom1();
}
