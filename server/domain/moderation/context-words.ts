// Words that are insults in some sentences and ordinary in others. A farmer asks about
// "hama celeng" and "babi hutan", a vet about "vaksin rabies untuk anjing", a Javanese
// listener says "asu" for a dog and "jaran kepang" for the dance, "dada" is a chest and a
// goodbye, "sial, jalannya rusak lagi" is a sigh, not an insult, and "sampah" is the
// commonest word of a village-budget show. Flagging them wherever they stand would teach
// the screener to ignore the flags, so they count only in an abusive phrasing (the rule is
// in abuse.ts and measured on the corpus in test/domain/moderation):
//
//   - after "dasar" or a comparison: "dasar jaran", "kayak anjing", "koyo asu", "siga monyet";
//   - next to a rude pronoun: "sialan lu", "sial lu", "asu kowe", "lu anjing", "sia anjing";
//     after "kamu"/"kalian" only in a clause ending in "!" ("babi kalian!", not "babi kalian
//     sudah divaksin?");
//   - after an official: "pejabat sampah", "bupati bodoh" (not "Pak"/"Bu": "Pak Cok" is a name);
//   - a pronoun and a copula before it: "kowe kuwi kethek", "elu tuh kampret";
//   - written in disguise ("4nj1ng", "a s u", "anjiiing"): nobody disguises a dog;
//   - strong words only: as an exclamation, a clause of its own ("Anjing! Jalan rusak lagi",
//     "Asu, dalane rusak"), unless the next clause is one word too (a list: "anjing, kucing,
//     ayam"); at the end of a clause after "semua"/"kabeh"/"kalian" ("anjing semua!"); and
//     before emphasis ("anjing lah", "asu tenan", "monyet pisan").
//
// "strong" words are curses when they stand alone; "mild" ones are not ("sial!" is a sigh).

export type Strength = 'strong' | 'mild';

export const CONTEXT_WORDS: Readonly<Record<string, Strength>> = {
  // Animals: livestock, pests, pets and wildlife in ordinary questions.
  anjing: 'strong', asu: 'strong', babi: 'strong', monyet: 'strong', celeng: 'strong', kirik: 'strong',
  genjik: 'strong', kethek: 'strong', wedhus: 'strong', jangkrik: 'strong',
  jaran: 'mild', kebo: 'mild', bagong: 'mild',
  // Dung is fertiliser; "tai lalat" is a mole on the skin.
  tai: 'strong', taik: 'strong',
  // Religion and folklore.
  setan: 'strong', iblis: 'mild', jurig: 'mild', dajjal: 'mild', laknat: 'mild',
  // Exclamations whose force is mild, and short forms that are also names (Cok, Cuk).
  sial: 'mild', cok: 'strong', cuk: 'strong',
  // The body, health and goodbyes: "sakit dada", "kurap", "congek", "netek", "dada semua!".
  dada: 'mild', tete: 'mild', tetek: 'mild', kurap: 'mild', buduk: 'mild', budug: 'mild',
  conge: 'mild', congek: 'mild', congean: 'mild',
  // Ordinary words of the shows: waste, rural places, markets, arisan, Javanese "gelo" (sorry).
  sampah: 'mild', udik: 'mild', kampungan: 'mild', ngocok: 'mild', gelo: 'mild', edan: 'mild',
  gila: 'mild', bodoh: 'mild', pecundang: 'mild', germo: 'mild', homo: 'mild', kintil: 'mild',
  dodol: 'mild', biadab: 'mild', ndas: 'mild', lebok: 'mild',
};

/** Package words that are no insult we know of in our region: "pante" is a beach and a place name in Aceh. */
export const NOT_ABUSE: readonly string[] = ['pante'];

/** Ordinary phrases that hold a listed word: matched as a whole, they hide it. */
export const ORDINARY_PHRASES: readonly string[] = [
  'e coli', 'homo sapiens', 'tai lalat', 'jaran kepang', 'wedhus gembel', 'anjing laut',
  'tetek bengek', 'babi hutan', 'kebo bule',
];

/** Words before a context word that make it an insult: "dasar …" and comparisons. */
export const BEFORE = new Set([
  'dasar', 'kayak', 'kaya', 'kek', 'kyk', 'seperti', 'spt', 'macam', 'mirip', 'bagai', 'bagaikan',
  'koyo', 'koyok', 'siga', 'jiga',
]);

/** Rude second-person pronouns (Jakarta, Javanese ngoko, Sundanese kasar) and "dia"/"mereka" before. */
export const PRONOUN_AFTER = new Set(['lu', 'lo', 'loe', 'elu', 'elo', 'lw', 'kau', 'sia', 'siah', 'kowe', 'koe', 'ente', 'maneh']);
export const PRONOUN_BEFORE = new Set([...PRONOUN_AFTER, 'kamu', 'km', 'kalian', 'dia', 'mereka', 'engkau']);
/** Polite pronouns after a context word read as "your dog" unless the clause is shouted. */
export const PRONOUN_SHOUTED = new Set(['kamu', 'kalian', 'anda']);

/** Things, not traits: after "kamu"/"kalian" they are what the listener is talking about
 * ("bagi kalian sampah adalah …"), so only a rude pronoun makes them an insult. */
export const THINGS = new Set([
  'sampah', 'dada', 'tete', 'tetek', 'kurap', 'buduk', 'budug', 'conge', 'congek', 'congean',
  'ngocok', 'ndas', 'lebok', 'tai', 'taik',
]);

/** Words that join a list: "anjing, kucing dan kera" is a list, not an exclamation. */
export const LIST_WORDS = new Set(['dan', 'atau', 'serta', 'sama', 'juga', 'lan', 'jeung']);

/** Officials: "pejabat sampah", "pak kades bodoh". Not "pak"/"bu": "Pak Cok", "Pak Kebo" are names. */
export const PERSON = new Set([
  'pejabat', 'bupati', 'walikota', 'camat', 'lurah', 'kades', 'dewan',
  'polisi', 'pemerintah', 'presiden', 'gubernur', 'caleg', 'aparat', 'menteri', 'dprd', 'dpr',
  'ketua', 'pemimpin', 'rezim', 'koruptor', 'penyiar', 'admin',
]);

/** "kowe kuwi kethek", "elu tuh kampret": a pronoun, then "is", then the word. */
export const COPULA = new Set(['itu', 'tuh', 'kuwi', 'iku', 'ki', 'teh', 'mah', 'emang', 'memang']);

/** Emphasis right after a strong word makes it a curse: "anjing lah", "asu tenan", "babi banget". */
export const EMPHATIC = new Set(['lah', 'deh', 'banget', 'bgt', 'tenan', 'pisan', 'nian', 'amat']);

/** After a strong word at a clause's end: "anjing semua!", "asu kabeh". */
export const COLLECTIVE = new Set(['semua', 'semuanya', 'kabeh', 'kalian', 'sadayana']);

/** Interjections that may stand beside an exclamation: "wah anjing!", "dasar asu!". */
export const INTERJECTION = new Set(['ah', 'eh', 'wah', 'woi', 'woy', 'hei', 'hey', 'dasar', 'ya', 'yah', 'duh', 'anjir']);
