// "USUL Sukamaju: …" names a desa as a listener spells it on a keypad. It is matched against
// the district's list, not guessed: a usulan placed in the wrong desa reaches the wrong
// musrenbang. Two desa of one name in different kecamatan (common: "Sukamaju" is everywhere)
// get a question back, and the listener may add the kecamatan after a comma.
import type { Desa, District, Kecamatan } from '../../contract/types.ts';

export type DesaMatch =
  | { kind: 'one'; desa: Desa; kecamatan: Kecamatan }
  | { kind: 'ambiguous'; name: string; kecamatan: string[] }
  | { kind: 'none'; name: string };

/** Lower case, no "desa"/"kelurahan"/"kec." prefixes, letters and digits only. */
export function placeKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^\s*(desa|ds\.?|kelurahan|kel\.?|kecamatan|kec\.?)\s+/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * "Sukamaju", "desa sukamaju", "Sukamaju, Kalikajar", "Sukamaju/Kec. Kalikajar", "Sukamaju kec Kalikajar".
 * A place named without a kecamatan that the district has once is that one.
 */
export function matchDesa(district: District, written: string): DesaMatch {
  const split = /^(.+?)\s*(?:,|\/|\s(?:kec\.?|kecamatan)\s)\s*(.+)$/iu.exec(written.trim());
  const desaPart = split ? split[1]! : written;
  const kecPart = split ? split[2]! : null;
  const want = placeKey(desaPart);
  const name = desaPart.trim();
  if (!want) return { kind: 'none', name };
  let found = district.kecamatan.flatMap((k) => k.desa.filter((d) => placeKey(d.name) === want).map((d) => ({ desa: d, kecamatan: k })));
  if (kecPart !== null) {
    const kec = placeKey(kecPart);
    const inKec = found.filter((f) => placeKey(f.kecamatan.name) === kec);
    // "Sukamaju, Kalikajar" with no such kecamatan: say what exists rather than guess.
    if (inKec.length === 0 && found.length > 1) return { kind: 'ambiguous', name, kecamatan: found.map((f) => f.kecamatan.name) };
    if (inKec.length > 0) found = inKec;
  }
  if (found.length === 1) return { kind: 'one', ...found[0]! };
  if (found.length > 1) return { kind: 'ambiguous', name, kecamatan: found.map((f) => f.kecamatan.name) };
  return { kind: 'none', name };
}
