// Signs that a text is sent to sell, not to ask: a link, a phone number, promotion
// wording, shouting in capitals. Listeners ask *about* judi online, pinjol, pasar murah
// and "jual hasil panen" all the time, so one promotion word never flags a text: it takes
// two signs of different kinds (an offer and a call to action, a product and a link, …),
// one of them a seller's (an offer, a call to action, a contact or a seller's phrase),
// and a text that reads as a question with no call to action and no contact counts one
// sign less (and gets no bonus for a strong phrase it names). Measured on the corpus in
// test/domain/moderation.
import { normalize } from './normalize.ts';

// ── Links ─────────────────────────────────────────────────────────────────────────────
const URL = /\bhttps?:\/\/|\bwww\s*\.\s*[a-z0-9-]/;
const SHORT_HOST = /\b(?:wa|bit|t|s|cutt|ow|is|shope|lnk|heylink|linktr|tinyurl|rebrand|goo)\s*\.\s*(?:me|ly|id|gd|ee|link|bio|com|gl)\b(?!\.\d)/;
const TLDS = 'com net org info biz xyz top site online club vip link live shop store win bet asia io cc id app pro icu click space website cloud games casino poker tv my sg';
const TLD = new Set(TLDS.split(' '));
/** Government, school, university, village and military domains cannot be bought by a spammer. */
const OFFICIAL = /(?:^|\.)(?:go|ac|sch|desa|mil|kelurahan)\.id$/;
/** "slot88 . com": only endings that are no Indonesian word ("rusak . Info lanjut" is a sentence). */
const SPACED_TLD = /(\S)\s+\.\s*(?=(?:com|net|org|xyz|site|online|vip|shop|store|bet|casino|poker|click|top|icu)\b)/g;

// Every pattern here runs in time linear in the text: a listener's text is untrusted, and
// nested quantifiers over overlapping classes would let "a-a.a-a.…" stall the server.
function linkText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .replace(/[([{]\s*(?:dot|titik)\s*[)\]}]/g, '.')
    .replace(/(\S)\s+dot\s+/g, '$1.')
    .replace(SPACED_TLD, '$1.');
}

function isDomain(host: string): boolean {
  const labels = host.split('.');
  return TLD.has(labels[labels.length - 1]!) && labels.slice(0, -1).some((l) => /[a-z]/.test(l)) && !OFFICIAL.test(host);
}

/** Hosts: runs of letters, digits, dashes and single dots, cut out by splitting (no backtracking). */
function hosts(t: string): string[] {
  const out: string[] = [];
  for (const chunk of t.split(/[^a-z0-9.-]+/)) {
    if (!chunk.includes('.')) continue;
    for (const piece of chunk.split('..')) {
      const labels = piece.split('.').filter((l) => l !== '');
      if (labels.length > 1) out.push(labels.join('.'));
    }
  }
  return out;
}

export function hasLink(text: string): boolean {
  const t = linkText(text);
  if (URL.test(t) || SHORT_HOST.test(t)) return true;
  return hosts(t).some(isDomain);
}

// ── Phone numbers ─────────────────────────────────────────────────────────────────────
// A mobile number (0812…, 62812…, +62 812…) with its digits spaced, dotted or dashed, and a
// landline with its area code ((0274) 512345, 021-5551234). "08.00-16.00", "RT 003/005",
// "Rp 1.500.000" and dates are not: too few digits after the prefix, or no leading 0.
const MOBILE = /(?:\+62|\b62|\b0)[\s.-]*8(?:[\s.-]*\d){7,11}(?!\d)/;
const LANDLINE = /(?:\+62[\s.-]*\(?|\(\s?0|\b0)[1-79]\d{1,2}\)?[\s.-]*\d{3,4}[\s.-]?\d{3,5}(?!\d)/;

export function hasPhone(text: string): boolean {
  return MOBILE.test(text) || LANDLINE.test(text);
}

// ── Capitals ──────────────────────────────────────────────────────────────────────────
/** Shouted: at least 15 letters, 70 % of them capitals. "BPJS", "PDAM", "APBD" inside a sentence are not. */
export function isShouted(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    if (ch.toLowerCase() !== ch) { letters++; upper++; } else if (ch.toUpperCase() !== ch) letters++;
  }
  return letters >= 15 && upper / letters >= 0.7;
}

// ── Questions ─────────────────────────────────────────────────────────────────────────
const QUESTION_START = new Set(words(
  'apa apakah bagaimana gimana gmn bgmn kapan kenapa knp mengapa berapa brp siapa dimana mana kemana ' +
  'bisakah bolehkah mohon tolong pak bu bapak ibu assalamualaikum salam halo punten nuwun sugeng kulo ' +
  'nyuwun sampurasun permisi maaf izin ijin',
));
const QUESTION_ANY = new Set(words(
  'tanya bertanya pertanyaan usul usulan kapan bagaimana gimana kenapa mengapa apakah berapa siapa ' +
  'kumaha iraha naon naha piye pripun menapa punapa dospundi nopo mohon tolong harap',
));

function words(list: string): string[] {
  return normalize(list).split(' ');
}

/** Reads as a listener's question or request: a "?", or a question or request word. */
export function isQuestionLike(text: string, folded: string): boolean {
  if (text.includes('?')) return true;
  const ws = folded.split(' ');
  return QUESTION_START.has(ws[0]!) || ws.some((w) => QUESTION_ANY.has(w));
}

// ── Promotion ─────────────────────────────────────────────────────────────────────────
type Group = 'judi' | 'pinjaman' | 'pulsa' | 'hadiah' | 'investasi' | 'jualan' | 'tawaran' | 'ajakan';

function phrases(list: readonly string[]): RegExp {
  const alt = list.map((p) => normalize(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  return new RegExp(`(?:^| )(?:${alt.join('|')})(?= |$)`);
}

/** Groups in the order they name a promotion ("promosi: judi"); the last two name none. */
const GROUPS: ReadonlyArray<readonly [Group, RegExp]> = [
  ['judi', phrases([
    'slot', 'gacor', 'maxwin', 'togel', 'judi', 'judol', 'casino', 'kasino', 'poker', 'rtp', 'scatter', 'jackpot', 'jp',
    'zeus', 'olympus', 'mahjong', 'bandar togel', 'bandar judi', 'bandar slot', 'taruhan', 'deposit', 'withdraw', 'wd',
    'parlay', 'sbobet', 'betting',
  ])],
  ['pinjaman', phrases([
    'pinjol', 'pinjaman', 'dana tunai', 'dana cepat', 'langsung cair', 'cepat cair', 'pasti cair', 'dijamin cair',
    'cair dalam', 'tanpa jaminan', 'tanpa agunan', 'bunga rendah', 'bunga 0', 'kredit cepat', 'kredit tanpa', 'tenor',
    'bi checking',
  ])],
  ['pulsa', phrases(['pulsa', 'kuota', 'paket data', 'voucher', 'token listrik', 'top up', 'topup', 'isi saldo', 'saldo dana', 'diamond', 'dana kaget'])],
  ['hadiah', phrases(['hadiah', 'undian', 'pemenang', 'anda terpilih', 'klaim hadiah', 'giveaway', 'kode unik', 'kode voucher'])],
  ['investasi', phrases(['investasi', 'profit', 'cuan', 'trading', 'forex', 'passive income', 'penghasilan tambahan', 'kerja dari rumah', 'bisnis online', 'modal kecil', 'untung besar'])],
  ['jualan', phrases(['obat kuat', 'pelangsing', 'peninggi', 'herbal', 'ready stok', 'ready stock', 'stok terbatas', 'cod', 'ongkir', 'reseller', 'dropship', 'jual akun', 'jual followers', 'followers', 'pembesar'])],
  ['tawaran', phrases(['promo', 'diskon', 'murah', 'termurah', 'harga spesial', 'terpercaya', 'dijamin', 'gratis', 'bonus', 'cashback', 'hari ini saja', 'harga miring'])],
  ['ajakan', phrases([
    'klik', 'hub', 'dm', 'inbox', 'order', 'buruan', 'join', 'follow', 'link', 'bio', 'dapatkan', 'nikmati', 'raih',
    'mainkan', 'buktikan', 'bosku', 'gan', 'hubungi kami', 'hubungi admin', 'hubungi wa', 'hubungi nomor', 'silakan hubungi',
    'segera hubungi', 'chat admin', 'chat kami', 'chat wa', 'via wa', 'wa admin', 'wa kami', 'info wa', 'kunjungi situs',
    'kunjungi website', 'kunjungi link', 'daftar sekarang', 'segera daftar', 'ayo daftar', 'yuk daftar', 'buruan daftar',
    'ayo gabung', 'yuk gabung', 'gabung sekarang', 'ayo main', 'yuk main', 'pesan sekarang', 'jangan lewatkan',
    'tunggu apa lagi', 'butuh dana', 'butuh uang', 'mau untung', 'mau cuan', 'transfer dulu', 'balas ya',
    'ketik ya', 'ketik reg', 'sms ke',
  ])],
];

/** Phrases that are a sign beyond their group's word: with it they make two signs on their own. */
const STRONG = phrases([
  'slot gacor', 'situs slot', 'situs judi', 'situs togel', 'bandar togel', 'agen slot', 'agen judi', 'link alternatif',
  'anti rungkad', 'pola gacor', 'jam gacor', 'rtp live', 'bonus deposit', 'bonus new member', 'new member',
  'pulsa murah', 'jual pulsa', 'pulsa gratis', 'kuota gratis', 'kuota murah', 'proses cepat', 'tanpa bi checking',
  'selamat anda', 'anda mendapatkan', 'anda memenangkan', 'pemenang undian', 'klik disini', 'klik di sini',
  'profit harian', 'dijamin untung', 'pasti jp', 'pasti menang', 'gampang menang', 'deposit pulsa', 'depo pulsa',
  'tanpa potongan', 'transfer ke rekening', 'link di bio', 'cek bio',
]);

/** Ordinary phrases with a promotion word in them: taken out before the groups are read. */
const ORDINARY = new RegExp(phrases([
  'pasar murah', 'operasi pasar murah', 'bonus demografi', 'makan bergizi gratis', 'makan siang gratis', 'sekolah gratis',
  'berobat gratis', 'pengobatan gratis', 'cek kesehatan gratis', 'follow up', 'kredit usaha rakyat', 'wifi gratis',
  'pupuk subsidi', 'jual hasil panen', 'link pendaftaran',
]).source, 'g');

export interface Promotion { readonly label: string }

/** A promotion, named by its first group ("promosi: judi"), or null. */
export function promotion(text: string, folded: string, contact: boolean, shouted: boolean): Promotion | null {
  const t = folded.replace(ORDINARY, ' ');
  const hit: Group[] = [];
  for (const [g, re] of GROUPS) if (re.test(t)) hit.push(g);
  if (hit.length === 0) return null;
  const strong = STRONG.test(t);
  // Topics alone ("terjerat pinjol dan judi online") are a complaint, not a sale: a sale
  // offers, calls to act, gives a contact, or uses a phrase only sellers use.
  if (!strong && !contact && !hit.includes('tawaran') && !hit.includes('ajakan')) return null;
  const asks = !contact && !hit.includes('ajakan') && isQuestionLike(text, folded);
  // A question about a scam ("bagaimana memberantas slot gacor?") gets no bonus for naming it.
  const score = hit.length + (strong && !asks ? 1 : 0) + (contact ? 1 : 0) + (shouted ? 1 : 0) - (asks ? 1 : 0);
  if (score < 2) return null;
  const named = hit.find((g) => g !== 'tawaran' && g !== 'ajakan');
  return { label: named ? `promosi: ${named}` : 'promosi' };
}
