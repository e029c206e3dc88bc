// A large finished episode built through the domain rules, so it has every field a real one has.
import { createEpisode, endEpisode, joinListener, setPremoderation, startEpisode } from '../../../server/domain/episode.ts';
import { addNote, setClosing } from '../../../server/domain/note.ts';
import { airQuestion, markAnswered, rejectQuestion, submitQuestion } from '../../../server/domain/question.ts';
import { castVote } from '../../../server/domain/vote.ts';
import type { Ctx } from '../../../server/domain/result.ts';
import type { Actor, Aspiration, Channel, District, Episode } from '../../../server/contract/types.ts';
import { submitAspiration, supportAspiration } from '../../../server/domain/aspiration.ts';
import { sampleDistrict } from '../../../server/sample/district.ts';

const admin: Actor = { kind: 'staff', staffId: 'bench-admin', role: 'admin', name: 'Admin' };
const CHANNELS: Channel[] = ['web', 'sms', 'whatsapp', 'phone', 'studio', 'email'];
const SAMPLE = 'Warga dusun kami sudah tiga bulan kesulitan air bersih karena pipa dari mata air rusak, & kami ingin tahu <kapan> perbaikan dijadwalkan serta siapa yang bertanggung jawab di desa.';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

export interface Sizes {
  questions: number;
  answered: number;
  notes: number;
  listeners: number;
  votes: number;
  aspirations: number;
}

export const LARGE: Sizes = { questions: 500, answered: 300, notes: 3_000, listeners: 10_000, votes: 40_000, aspirations: 2_000 };

export function largeEpisode(sizes: Partial<Sizes> = {}): Episode {
  return largeShow(sizes).episode;
}

/** Builds the show through the domain rules, so everything has every field a real one has. */
export function largeShow(partial: Partial<Sizes> = {}): { episode: Episode; aspirations: Aspiration[]; district: District } {
  const sizes = { ...LARGE, ...partial };
  let n = 0;
  let t = Date.parse('2026-11-14T12:00:00.000Z');
  const ctx = (): Ctx => ({ now: new Date((t += 1_000)).toISOString(), newId: () => `b${(++n).toString(36).padStart(8, '0')}` });
  const e = must(createEpisode(admin, {
    series: 'SUARA DESA – Obrolan Warga dan Pemerintah', partners: 'Karang Taruna Sukamaju x Radio Swara Lembah FM', number: 42,
    title: 'Anggaran desa 2027: jalan, air bersih, dan posyandu', place: 'Studio Swara Lembah', startsAt: '2026-11-14T12:00:00.000Z',
    timeZone: 'Asia/Jakarta', endsAt: null, recordingUrl: 'https://example.org/rekaman/suara-desa-42', hosts: ['Nur Aini', 'Yohanes Sitompul'],
    speakers: [
      { fullName: 'Drs. Haryanto Wibisono, M.Si.', shortName: 'Pak Haryanto', position: 'Kepala Bidang', agency: 'BAPPEDA' },
      { fullName: 'Lestari Handayani, S.E.', shortName: 'Bu Lestari', position: 'Kepala Desa', agency: 'Pemerintah Desa Sukamaju' },
      { fullName: 'dr. Rina Kartika', shortName: 'Bu Rina', position: 'Kepala Puskesmas', agency: 'Dinas Kesehatan' },
      { fullName: 'Ir. Bambang Suharto', shortName: 'Pak Bambang', position: 'Kepala Seksi', agency: 'Dinas PUPR' },
    ],
    premoderation: false,
  }, 'BENCH1', ctx()));
  must(startEpisode(e, admin, ctx()));
  must(setPremoderation(e, admin, false));
  const listeners = Array.from({ length: sizes.listeners }, (_, i) => `L${i.toString(36).padStart(15, '0')}`);
  for (const l of listeners) joinListener(e, l);
  const ids: string[] = [];
  for (let i = 0; i < sizes.questions; i++) {
    const q = must(submitQuestion(e, admin, { text: `${i + 1}. ${SAMPLE}`.slice(0, 480), channel: CHANNELS[i % CHANNELS.length]!, name: i % 3 ? `Pendengar ${i}` : null, location: i % 2 ? `Dusun ${i % 17}` : null }, ctx()));
    ids.push(q.id);
  }
  for (let v = 0; v < sizes.votes; v++) castVote(e, { kind: 'listener', listenerId: listeners[v % listeners.length]! }, ids[Math.floor(ids.length * (v / sizes.votes) ** 2)]!);
  const perQuestion = Math.floor((sizes.notes - 200) / sizes.answered);
  let notes = 0;
  for (let i = 0; i < sizes.answered; i++) {
    const q = ids[i]!;
    must(airQuestion(e, admin, q, ctx()));
    for (let k = 0; k < perQuestion; k++, notes++) {
      const by = k % 3 === 0 ? { kind: 'agency' as const, label: 'BAPPEDA' } : { kind: 'speakers' as const, speakerIds: [e.speakers[k % 4]!.id] };
      must(addNote(e, admin, { questionId: q, by, text: `Jawaban ${k + 1}: ${SAMPLE}` }, ctx()));
    }
    must(markAnswered(e, admin, q, ctx()));
  }
  for (; notes < sizes.notes; notes++) must(addNote(e, admin, { questionId: null, by: { kind: 'none' }, text: `Catatan bebas ${notes}: ${SAMPLE}` }, ctx()));
  for (let i = sizes.answered; i < sizes.answered + 50 && i < ids.length; i++) must(rejectQuestion(e, admin, ids[i]!));
  for (const s of e.speakers) must(setClosing(e, admin, { speakerId: s.id, kind: 'points', points: ['Terima kasih atas pertanyaan warga.', 'Kami tindak lanjuti di musrenbang kecamatan.'] }));
  // Usulan from listeners across the district's dimensions and villages, some with contact, with supports.
  const district = sampleDistrict();
  const aspirations: Aspiration[] = [];
  const places = district.kecamatan.flatMap((k) => k.desa.map((d) => ({ kecamatan: k.code, desa: d.code })));
  for (let i = 0; i < sizes.aspirations; i++) {
    const place = places[i % places.length]!;
    must(submitAspiration(aspirations, district, e, { kind: 'listener', listenerId: listeners[i % listeners.length]! }, {
      text: `Usulan ${i + 1}: perbaikan saluran irigasi dan jalan usaha tani sepanjang 2 km di dusun kami`,
      problem: 'Sawah sering kering di musim kemarau; hasil panen turun; akses jalan rusak saat hujan.',
      dimension: district.dimensions[i % district.dimensions.length]!.code, ...place, rtRw: i % 4 ? null : '003/005',
      ...(i % 5 === 0 ? { name: `Warga ${i}`, phone: '081234567890', consent: true } : {}),
    }, ctx()));
  }
  for (let v = 0; v < sizes.aspirations * 5; v++) supportAspiration(aspirations, { kind: 'listener', listenerId: listeners[(v * 7) % listeners.length]! }, aspirations[Math.floor(aspirations.length * (v / (sizes.aspirations * 5)) ** 2)]!.id);
  must(endEpisode(e, admin, ctx()));
  return { episode: e, aspirations, district };
}

