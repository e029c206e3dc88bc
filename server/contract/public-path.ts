// The public archive's readable, stable addresses: /arsip/<series-slug>/<episode-slug>.
// Pure, shared by the server (pages, feeds, open data) and the web (links).

/** Lower-case ASCII words joined by "-": "OBROLAN PAGI – Warga Bertanya" → "obrolan-pagi-warga-bertanya". */
export function slugify(text: string, maxLength = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = s.length <= maxLength ? s : s.slice(0, maxLength).replace(/-[^-]*$/, '');
  return cut || 'episode';
}

/** What the address is built from: the episode's id, series, number and title. */
export interface PathSource {
  id: string;
  series: string;
  number: number | null;
  title: string;
}

/** The strict pattern a slug from a URL must match before it is looked up. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const seriesSlug = (e: Pick<PathSource, 'series'>): string => slugify(e.series);

/**
 * "12-sampah-pasar-dan-bank-sampah-desa". Two published episodes of one series with the same
 * number and title are told apart by the start of their ids (the later one gets the suffix),
 * so an address, once given out, keeps pointing at the same show.
 */
export function episodeSlug(e: PathSource, published: readonly PathSource[] = []): string {
  const base = `${e.number ?? 'x'}-${slugify(e.title)}`;
  const twins = published.filter((o) => seriesSlug(o) === seriesSlug(e) && `${o.number ?? 'x'}-${slugify(o.title)}` === base);
  const first = twins[0];
  return !first || first.id === e.id ? base : `${base}-${slugify(e.id.slice(0, 8))}`;
}

/** The episode's page in the public archive. `published` in the order they were published. */
export function publicPath(e: PathSource, published: readonly PathSource[] = []): string {
  return `/arsip/${seriesSlug(e)}/${episodeSlug(e, published)}`;
}
