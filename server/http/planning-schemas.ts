import * as v from 'valibot';
import { ASPIRATION_STATUSES } from '../contract/types.ts';
import { SORTS } from '../contract/planner.ts';

// Bodies and queries of the district and planner's-desk routes: structure only; the
// domain rules check meaning (known dimension, desa inside its kecamatan…).
const line = (max = 1_000) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(40));

export const districtInput = v.strictObject({
  name: line(200),
  code: v.optional(v.nullable(line(20))),
  timeZone: v.optional(line(64)),
  dimensions: v.pipe(v.array(v.strictObject({ code: v.optional(line(40)), name: line(200) })), v.maxLength(50)),
  kecamatan: v.pipe(v.array(v.strictObject({
    code: line(20),
    name: line(200),
    desa: v.pipe(v.array(v.strictObject({ code: line(20), name: line(200) })), v.maxLength(1_000)),
  })), v.maxLength(1_000)),
});

export const aspirationPatch = v.strictObject({
  text: v.optional(line()),
  problem: v.optional(line()),
  dimension: v.optional(line(40)),
  kecamatan: v.optional(line(40)),
  desa: v.optional(line(40)),
  rtRw: v.optional(v.nullable(line(40))),
});

export const statusChange = v.strictObject({
  ids: v.pipe(v.array(id), v.minLength(1), v.maxLength(1_000)),
  status: v.picklist(ASPIRATION_STATUSES),
  reason: v.optional(v.nullable(line())),
});

export const mergeInput = v.strictObject({
  sourceIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(200)),
  targetId: id,
});

/** Numbers may come typed ("Rp 15.000.000", "12,5") or as JSON numbers; plan.ts reads them. */
const amount = v.optional(v.nullable(v.union([v.pipe(v.string(), v.maxLength(60)), v.number()])));
export const planInput = v.strictObject({
  volume: amount,
  satuan: v.optional(v.nullable(line(60))),
  perkiraanBiaya: amount,
  opdTujuan: v.optional(v.nullable(line(200))),
});

export const opdInput = v.strictObject({ opd: v.pipe(v.array(line(200)), v.maxLength(200)) });

export const noteInput = v.strictObject({ text: line(10_000) });

const list = <T extends v.GenericSchema<string>>(item: T) => v.optional(v.pipe(v.array(item), v.maxLength(200)));
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

/** The desk's filters, after query values were split on commas. Unknown parameters (cache busters) are ignored. */
export const deskQuery = v.object({
  dimension: list(line(40)),
  kecamatan: list(line(40)),
  desa: list(line(40)),
  status: list(v.picklist(ASPIRATION_STATUSES)),
  episode: list(line(40)),
  from: v.optional(day),
  to: v.optional(day),
  q: v.optional(line(200)),
  /** "Dukungan minimal": a whole number of supports. */
  minSupport: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/), v.transform(Number))),
  sort: v.optional(v.picklist(SORTS)),
  /** Exports: "0" leaves the consented name and phone columns out. */
  personal: v.optional(v.picklist(['0', '1'])),
  /** CSV: "semicolon" for Excel set to Indonesian. */
  delimiter: v.optional(v.picklist(['comma', 'semicolon'])),
});

/** POST /api/district/kabupaten: the official code, its shape checked again by the rule. */
export const kabupatenChoice = v.strictObject({ code: line(20) });

/** POST /api/district/region: one kecamatan or desa/kelurahan to add. */
export const regionInput = v.strictObject({ code: line(20), name: line(200) });

/** PATCH /api/district/region/:code: its new name. */
export const regionRename = v.strictObject({ name: line(200) });
