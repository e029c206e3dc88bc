// The sample a newcomer explores on first start: one finished show and one draft ready
// to go live, in an invented district. Built through the domain rules, like a real show.
import { createEpisode, endEpisode, joinListener, startEpisode } from '../domain/episode.ts';
import { airQuestion, approveQuestion, askQuestion, markAnswered, mergeQuestion, rejectQuestion, submitQuestion } from '../domain/question.ts';
import { castVote } from '../domain/vote.ts';
import { addNote, setClosing } from '../domain/note.ts';
import type { Ctx, Result } from '../domain/result.ts';
import type { Actor, Aspiration, Attribution, District, Episode } from '../contract/types.ts';
import { answerPoll, closePoll, openPoll } from '../domain/poll.ts';
import {
  addAspirationNote, aspirationFromQuestion, enterAspiration, mergeAspirations, setAspirationStatus, submitAspiration, supportAspiration,
} from '../domain/aspiration.ts';
import type { AspirationInput } from '../domain/aspiration.ts';
import { sampleDistrict } from './district.ts';
import { SAMPLE_EPISODES } from '../domain/sample.ts';

const STAFF: Actor = { kind: 'staff', staffId: 'sample', role: 'admin', name: 'Contoh' };

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`sample: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A clock and id source that make the sample byte-for-byte repeatable. */
function scriptedCtx(startIso: string) {
  let t = Date.parse(startIso);
  let n = 0;
  const ctx = (): Ctx => ({ now: new Date(t).toISOString(), newId: () => `s${String(++n).padStart(3, '0')}` });
  return { ctx, advance: (minutes: number) => (t += minutes * 60_000) };
}

export function buildFinishedSample(): Episode {
  return buildSampleShow().episode;
}

/** The finished sample show, with the usulan its listeners sent and the planner's work on them afterwards. */
export function buildSampleShow(): { episode: Episode; aspirations: Aspiration[]; district: District } {
  const clock = scriptedCtx('2026-11-14T11:30:00.000Z');
  const e = must(createEpisode(STAFF, {
    series: 'SUARA DESA – Obrolan Warga dan Pemerintah',
    partners: 'Giriwangi Muda x Suara Giri FM',
    number: 7,
    title: 'Air bersih untuk desa-desa di lereng gunung',
    place: 'Studio Suara Giri FM, Kota Giriwangi',
    startsAt: '2026-11-14T12:00:00.000Z',
    timeZone: 'Asia/Jakarta',
    endsAt: null,
    recordingUrl: 'https://example.org/rekaman/suara-desa-07',
    hosts: ['Dewi Anggraini', 'Rizal Pratama'],
    speakers: [
      { fullName: 'Ir. Bambang Setiawan, M.T.', shortName: 'Pak Bambang', position: 'Kepala Bidang Infrastruktur dan Kewilayahan', agency: 'BAPPEDA Kabupaten Giriwangi' },
      { fullName: "Retno Ayuningtyas, S.T., M.Eng.", shortName: 'Bu Retno', position: 'Kepala Seksi Air Minum', agency: 'Dinas PUPR Kabupaten Giriwangi' },
    ],
    premoderation: true,
  }, 'SD7AIR', clock.ctx()));
  e.id = SAMPLE_EPISODES.finished;
  const [bambang, retno] = e.speakers.map((s) => s.id) as [string, string];
  const both: Attribution = { kind: 'speakers', speakerIds: [bambang, retno] };
  const by = (id: string): Attribution => ({ kind: 'speakers', speakerIds: [id] });
  const listener = (i: number): Actor => ({ kind: 'listener', listenerId: `sample-listener-${String(i).padStart(2, '0')}` });

  clock.advance(30);
  must(startEpisode(e, STAFF, clock.ctx()));
  for (let i = 1; i <= 23; i++) must(joinListener(e, `sample-listener-${String(i).padStart(2, '0')}`));

  const ask = (i: number, text: string, name?: string, location?: string) => {
    clock.advance(1);
    return must(askQuestion(e, listener(i), { text, name, location }, clock.ctx())).id;
  };
  const q1 = ask(1, 'Kapan pipa air bersih sampai ke Dusun Watugede? Warga masih mengangsu dari mata air 2 km.', 'Sri', 'Desa Sumberrejo');
  const q2 = ask(2, 'Berapa anggaran air minum tahun depan, dan dari mana saja sumbernya?');
  const q3 = ask(3, 'Bagaimana warga bisa ikut mengusulkan sumur bor lewat musrenbang desa?', 'Agus', 'Kec. Kaliwening');
  const q4 = ask(4, 'Kapan sumur bor untuk dusun kami dibangun?');
  const q5 = ask(5, 'Promo pulsa murah, hubungi nomor ini!');
  const q6 = ask(6, 'Apakah tarif air PAMSIMAS akan naik?');
  for (const q of [q1, q2, q3, q4, q6]) must(approveQuestion(e, STAFF, q));
  must(rejectQuestion(e, STAFF, q5));
  must(mergeQuestion(e, STAFF, q4, q3));
  clock.advance(2);
  const q7 = must(submitQuestion(e, STAFF, { text: 'Penelepon dari Kaliwening: apakah air hujan bisa ditampung untuk musim kemarau?', channel: 'phone', name: 'Pak Darto', location: 'Kaliwening' }, clock.ctx())).id;
  for (let i = 1; i <= 23; i++) {
    for (const [q, every] of [[q1, 1], [q3, 2], [q2, 3], [q7, 4], [q6, 7]] as const) if (i % every === 0) must(castVote(e, listener(i), q));
  }

  const discuss = (q: string, notes: Array<[Attribution, string]>) => {
    clock.advance(3);
    must(airQuestion(e, STAFF, q, clock.ctx()));
    for (const [who, text] of notes) {
      clock.advance(4);
      must(addNote(e, STAFF, { questionId: q, by: who, text }, clock.ctx()));
    }
    clock.advance(1);
    must(markAnswered(e, STAFF, q, clock.ctx()));
  };
  discuss(q1, [
    [by(retno), 'Jaringan pipa ke Watugede masuk tahap kedua. Tahun ini pengukuran jalur dan izin lahan, pemasangan pipa dijadwalkan pada musim kemarau tahun depan supaya pekerjaan tidak terganggu longsor.'],
    [by(bambang), 'Watugede masuk daftar prioritas karena jumlah warganya besar dan jarak ke mata air jauh. Kami minta warga mengawal lewat musrenbang desa agar usulannya tidak hilang.'],
  ]);
  discuss(q3, [
    [by(bambang), 'Usulan dibawa dulu ke musrenbang desa, lalu kecamatan. Sertakan lokasi, jumlah kepala keluarga yang terlayani, dan foto sumber air yang ada sekarang. Usulan yang datanya lengkap lebih mudah diprioritaskan.'],
    [{ kind: 'agency', label: 'PDAM Tirta Giri' }, 'Untuk sumur bor, uji kualitas air dilakukan gratis sebelum pengeboran. Hubungi kantor cabang terdekat.'],
  ]);
  discuss(q2, [
    [by(bambang), 'Rancangan anggaran air minum tahun depan sekitar 4,2 miliar rupiah dari APBD, ditambah dana alokasi khusus yang besarnya baru diketahui awal tahun.'],
    [by(retno), 'Sebagian juga dari dana desa untuk sambungan rumah. Desa boleh menganggarkan sambungan untuk keluarga kurang mampu.'],
  ]);
  discuss(q7, [
    [both, 'Bisa. Penampungan air hujan (PAH) komunal sudah dicoba di dua desa dan cukup untuk 3 bulan kemarau jika dirawat.'],
    [{ kind: 'none' }, 'Host menambahkan: panduan membuat PAH akan dibacakan ulang di siaran pekan depan.'],
  ]);
  clock.advance(2);
  must(addNote(e, STAFF, { questionId: null, by: { kind: 'none' }, text: 'Pertanyaan tentang tarif PAMSIMAS akan dijawab tertulis oleh Dinas PUPR lewat akun media sosial stasiun.' }, clock.ctx()));
  must(setClosing(e, STAFF, { speakerId: bambang, kind: 'points', points: [
    'Air bersih adalah prioritas pembangunan tahun depan.',
    'Usulan warga paling kuat bila dibawa lengkap ke musrenbang desa.',
    'Pemerintah membutuhkan data dari warga: lokasi, jumlah keluarga, dan kondisi sumber air.',
  ] }));
  must(setClosing(e, STAFF, { speakerId: retno, kind: 'paragraph', text: 'Terima kasih kepada pendengar Suara Giri FM. Kami akan kembali ke Watugede untuk pengukuran jalur bulan depan, dan kami undang warga untuk ikut.' }));
  const district = sampleDistrict();
  const aspirations = sampleAspirations(e, q7, district);
  clock.advance(10);
  must(endEpisode(e, STAFF, clock.ctx()));
  plannerWork(aspirations);
  return { episode: e, aspirations, district };
}

/** A ctx at a fixed time of the show day (minutes after 19.00 WIB), with its own ids: the episode's ids stay as they were. */
function at(ids: { n: number }, prefix: string, minutes: number, day = '2026-11-14T12:00:00.000Z'): Ctx {
  return { now: new Date(Date.parse(day) + minutes * 60_000).toISOString(), newId: () => `${prefix}${String(++ids.n).padStart(3, '0')}` };
}

const sampleListener = (i: number): Actor => ({ kind: 'listener', listenerId: `sample-listener-${String(i).padStart(2, '0')}` });
const range = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, k) => from + k * step);

/** During the show: listeners send usulan and support them, the screener types one in, the host runs the satisfaction poll. */
function sampleAspirations(e: Episode, rainQuestion: string, district: District): Aspiration[] {
  const list: Aspiration[] = [];
  const ids = { n: 0 };
  const send = (who: number, minutes: number, input: AspirationInput) => must(submitAspiration(list, district, e, sampleListener(who), input, at(ids, 'u', minutes))).id;
  const kaliwening = { kecamatan: '99.01.01' };
  const lerengsari = { kecamatan: '99.01.03' };
  const pipa = send(1, 12, {
    text: 'Jaringan pipa air bersih sampai Dusun Watugede', problem: 'Warga Dusun Watugede masih mengangsu air dari mata air sejauh 2 km, terutama saat kemarau.',
    dimension: 'living', ...kaliwening, desa: '99.01.01.2001', rtRw: '2/4', name: 'Sri', phone: '0812-0000-0001', consent: true,
  });
  const sumur = send(3, 24, {
    text: 'Sumur bor untuk Dusun Krajan', problem: 'Sumur warga kering setiap kemarau; antrean air di balai desa sampai malam.',
    dimension: 'living', ...kaliwening, desa: '99.01.01.2002',
  });
  const sumurLagi = send(4, 25, {
    text: 'Sumur bor di Krajan, Tegalsari', problem: 'Kalau kemarau kami beli air tangki, mahal untuk keluarga petani.',
    dimension: 'living', ...kaliwening, desa: '99.01.01.2002', rtRw: 'RT 1 RW 3',
  });
  const jadwal = send(9, 33, {
    text: 'Jadwal distribusi air tangki diumumkan lewat radio dan SMS', problem: 'Warga tidak tahu kapan truk air datang, sehingga banyak yang terlewat.',
    dimension: 'governance', kecamatan: '99.01.02', desa: '99.01.02.2001',
  });
  const bumdes = send(12, 38, {
    text: 'Pelatihan BUMDes untuk mengelola sarana air bersih desa', problem: 'Sarana air yang sudah dibangun rusak karena tidak ada yang mengelola dan menarik iuran.',
    dimension: 'economy', ...lerengsari, desa: '99.01.03.2001',
  });
  const iklan = send(15, 40, {
    text: 'Jual pompa air murah, hubungi kami', problem: 'Promo', dimension: 'economy', ...lerengsari, desa: '99.01.03.2003',
  });
  const pah = must(enterAspiration(list, district, e, STAFF, {
    channel: 'phone', text: 'Penampungan air hujan komunal di setiap RW', problem: 'Air hujan terbuang, padahal bisa menutup kebutuhan tiga bulan kemarau.',
    dimension: 'environment', ...lerengsari, desa: '99.01.03.2002',
  }, at(ids, 'u', 47))).id;
  const dariTanya = must(aspirationFromQuestion(list, district, e, STAFF, rainQuestion, {
    text: 'Penampungan air hujan (PAH) untuk warga Kaliwening', problem: 'Musim kemarau panjang; warga belum tahu cara membuat dan merawat PAH.',
    dimension: 'environment', ...kaliwening, desa: '99.01.01.1001',
  }, at(ids, 'u', 56))).id;
  const supporters: Array<[string, number[]]> = [
    [pipa, range(1, 14)], [sumur, range(2, 22, 2)], [sumurLagi, range(3, 21, 3)], [pah, range(5, 9)],
    [jadwal, range(10, 13)], [bumdes, range(20, 23)], [dariTanya, range(1, 21, 4)], [iklan, [15]],
  ];
  for (const [id, who] of supporters) for (const i of who) must(supportAspiration(list, sampleListener(i), id));

  // "Bagaimana Tanggapan Anda?": 14 answers, one changed its mind while the poll was open.
  const host: Actor = { kind: 'staff', staffId: 'sample', role: 'host', name: 'Contoh' };
  const pollIds = { n: 0 };
  const poll = must(openPoll(e, host, { kind: 'satisfaction', showResults: true }, at(pollIds, 'p', 50))).id;
  const answers: Array<[number, number]> = [...range(1, 11).map((i): [number, number] => [i, 0]), [12, 2], [12, 1], [13, 3], [14, 3]];
  for (const [i, option] of answers) must(answerPoll(e, sampleListener(i), poll, option));
  must(closePoll(e, host, poll, at(pollIds, 'p', 57)));
  return list;
}

/** Two days later on the planner's desk: a duplicate merged, spam rejected, statuses and a note. */
function plannerWork(list: Aspiration[]): void {
  const planner: Actor = { kind: 'staff', staffId: 'sample-planner', role: 'planner', name: 'Perencana Contoh' };
  const ids = { n: 0 };
  const monday = (minutes: number) => at(ids, 'n', minutes, '2026-11-16T02:00:00.000Z');
  const byText = (start: string) => list.find((a) => a.text.startsWith(start))!.id;
  must(mergeAspirations(list, planner, [byText('Sumur bor di Krajan')], byText('Sumur bor untuk Dusun Krajan'), monday(0)));
  must(setAspirationStatus(list, planner, [byText('Jual pompa')], 'ditolak', 'Iklan, bukan usulan pembangunan.', monday(5)));
  must(setAspirationStatus(list, planner, [byText('Jadwal distribusi')], 'ditinjau', null, monday(10)));
  must(addAspirationNote(list, planner, byText('Jadwal distribusi'), 'Koordinasikan dengan Diskominfo dan PDAM: jadwal bisa dibacakan di siaran pagi.', monday(12)));
  must(setAspirationStatus(list, planner, [byText('Pelatihan BUMDes')], 'diteruskan', null, monday(20)));
}

/** The next Saturday 19.00 WIB after `now`, so the draft always lies ahead. */
export function buildDraftSample(now: Date): Episode {
  const day = new Date(now);
  day.setUTCDate(day.getUTCDate() + ((6 - day.getUTCDay() + 7) % 7 || 7));
  const startsAt = `${day.toISOString().slice(0, 10)}T12:00:00.000Z`;
  const clock = scriptedCtx(now.toISOString());
  const e = must(createEpisode(STAFF, {
    series: 'SUARA DESA – Obrolan Warga dan Pemerintah',
    partners: 'Giriwangi Muda x Suara Giri FM',
    number: 8,
    title: 'Jalan desa rusak: siapa yang memperbaiki?',
    place: 'Studio Suara Giri FM, Kota Giriwangi',
    startsAt,
    timeZone: 'Asia/Jakarta',
    endsAt: null,
    recordingUrl: null,
    hosts: ['Dewi Anggraini'],
    speakers: [
      { fullName: 'Hendra Kurniawan, S.T.', shortName: 'Pak Hendra', position: 'Kepala Bidang Bina Marga', agency: 'Dinas PUPR Kabupaten Giriwangi' },
      { fullName: 'Siti Maryam, S.IP.', shortName: 'Bu Siti', position: 'Camat', agency: 'Kecamatan Kaliwening' },
    ],
    premoderation: true,
  }, 'JLN8GW', clock.ctx()));
  e.id = SAMPLE_EPISODES.draft;
  return e;
}
