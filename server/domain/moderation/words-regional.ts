// Our additions to the package's list (indonesian-badwords 1.0.1, 146 words), flagged
// wherever they stand as whole words. Curated by hand for a community-radio Q&A: the
// package has the common Indonesian words and some Javanese and Sundanese ones; these are
// forms that listeners of Javanese- and Sundanese-speaking stations send and it lacks
// (everyday Suroboyoan, Mataraman, Priangan and Betawi speech, and the shortenings and
// English that Indonesian comment moderators meet). Words with an ordinary meaning
// ("jaran", "asu", "sial", "dada", "celeng") are not here but in context-words.ts.

/** Javanese: "your …" insults on body parts, and plain insults. */
const JAVANESE = [
  'matamu', 'raimu', 'cangkemmu', 'utekmu', 'dengkulmu', 'lambemu', 'silitmu', 'ndhasmu',
  'gathel', 'pekok', 'gemblung', 'kentir', 'dobol', 'bajindul', 'jancik', 'jamput', 'diancuk',
  'jiancuk',
];

/** Sundanese (Priangan): insults the package lacks. */
const SUNDANESE = ['ontohod', 'baragajul', 'bedul', 'sarap'];

/** Indonesian and Betawi/Jakarta forms the package lacks. */
const INDONESIAN = [
  'brengsek', 'dungu', 'jahanam', 'anjrit', 'anjrot', 'anjim', 'njing', 'anjeng', 'mampus',
  'modar', 'modyar', 'bangsad', 'gobloq', 'songong', 'perek', 'sundal', 'bokep', 'ngentod',
];

/** Shortenings typed to get past filters. */
const SHORT = ['ajg', 'anjg', 'anj', 'bgst', 'bngst', 'bngsat', 'kntl', 'gblk', 'gblg', 'asw', 'jnck', 'jncuk'];

/** English, common in Indonesian messages. */
const ENGLISH = ['fuck', 'fucking', 'fck', 'shit', 'bitch', 'bastard', 'asshole', 'motherfucker'];

export const REGIONAL_WORDS: readonly string[] = [...JAVANESE, ...SUNDANESE, ...INDONESIAN, ...SHORT, ...ENGLISH];

/** Insults of more than one word, each word an ordinary one on its own. */
export const REGIONAL_PHRASES: readonly string[] = [
  'otak udang', 'anak haram', 'ga punya otak', 'gak punya otak', 'nggak punya otak',
  'tidak punya otak', 'tak punya otak', 'gak ada otak', 'raimu asu', 'teu boga kaera',
  'sampah masyarakat',
];
