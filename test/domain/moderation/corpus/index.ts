// The moderation corpus: every labelled sample, ordinary first.
import { ABUSE } from './abuse.ts';
import { LATER } from './later.ts';
import { ORDINARY } from './ordinary.ts';
import type { Sample } from './sample.ts';
import { SPAM } from './spam.ts';
import { TRICKY } from './tricky.ts';

export type { Label, Sample, Tag } from './sample.ts';

export const CORPUS: readonly Sample[] = [...ORDINARY, ...TRICKY, ...ABUSE, ...SPAM, ...LATER];
