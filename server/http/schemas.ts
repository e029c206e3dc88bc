import * as v from 'valibot';
import { ROLES } from '../contract/types.ts';
import { ID_PATTERN } from '../contract/ids.ts';

// HTTP bodies: structure only; meaning is checked by the domain rules.
const line = (max = 1_000) => v.pipe(v.string(), v.maxLength(max));

export const episodeInput = v.strictObject({
  series: line(),
  partners: v.optional(line()),
  number: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)))),
  title: line(),
  place: v.optional(line()),
  startsAt: line(64),
  timeZone: line(64),
  endsAt: v.optional(v.nullable(line(64))),
  recordingUrl: v.optional(v.nullable(line(2_000))),
  hosts: v.optional(v.pipe(v.array(line()), v.maxLength(20))),
  speakers: v.optional(v.pipe(v.array(v.strictObject({
    id: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN))),
    fullName: line(),
    shortName: line(),
    position: line(),
    agency: line(),
  })), v.maxLength(30))),
  premoderation: v.optional(v.boolean()),
});

/** PATCH names only the fields that change. */
export const episodePatch = v.partial(episodeInput);

export const signIn = v.strictObject({ username: line(100), password: line(200) });

export const passwordChange = v.strictObject({ currentPassword: line(200), newPassword: line(200) });

export const staffCreate = v.strictObject({ username: line(100), name: line(), role: v.picklist(ROLES), password: line(200) });

export const staffUpdate = v.strictObject({
  name: v.optional(line()),
  role: v.optional(v.picklist(ROLES)),
  password: v.optional(line(200)),
  disabled: v.optional(v.boolean()),
});
