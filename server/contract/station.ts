// The station as the public archive, its feeds and its open-data catalogue name it.

export interface Station {
  /** STATION_NAME: shown on every public page and as the publisher of the data. */
  name: string;
  /** DATA_LICENSE: an SPDX id for the published notulas and usulan data. */
  license: string;
}

export const DEFAULT_STATION: Station = { name: 'Radio Komunitas', license: 'CC-BY-4.0' };

/** The SPDX ids the catalogue can link to a licence text; anything else is refused at start. */
export const LICENSES: Record<string, { title: string; url: string }> = {
  'CC-BY-4.0': { title: 'Creative Commons Atribusi 4.0 Internasional', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC-BY-SA-4.0': { title: 'Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'CC0-1.0': { title: 'CC0 1.0 Universal (domain publik)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'ODbL-1.0': { title: 'Open Data Commons Open Database License 1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
};
