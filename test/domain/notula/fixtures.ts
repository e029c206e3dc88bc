// Invented episodes for the notula tests. All names, places and words are our own.
import type { Attribution, ClosingStatement, Episode, Note, Question } from '../../../server/contract/types.ts';

type QuestionSeed = Partial<Question> & Pick<Question, 'id' | 'text' | 'status' | 'createdAt'>;

export function question(seed: QuestionSeed): Question {
  return {
    channel: 'web', askerName: null, askerLocation: null, askedBy: null, voters: [],
    onAirAt: null, answeredAt: null, mergedInto: null, ...seed,
  };
}

export function note(id: string, questionId: string | null, by: Note['by'], text: string, createdAt: string): Note {
  return { id, questionId, by, text, createdAt, updatedAt: createdAt };
}

const t = (hhmm: string) => `2024-08-10T${hhmm}:00.000Z`;

/** Saturday 10 August 2024, 19.30 WIB. */
export function sampleEpisode(): Episode {
  const questions: Question[] = [
    question({ id: 'q2', text: 'Bagaimana caranya warga ikut mengusulkan program lewat musrenbang?', channel: 'web', askerName: 'Yusuf Maulana', askerLocation: 'Desa Wringinanom', askedBy: 'l3', voters: ['l1', 'l4'], status: 'answered', createdAt: t('12:31'), onAirAt: t('12:52'), answeredAt: t('13:05') }),
    question({ id: 'q1', text: 'Kapan jalan penghubung antardesa di Kecamatan Sidomulyo diperbaiki? Sudah tiga tahun berlubang.', channel: 'sms', askerName: 'Siti Aminah', askerLocation: 'Desa Karangrejo', status: 'answered', createdAt: t('12:33'), onAirAt: t('12:38'), answeredAt: t('12:51') }),
    question({ id: 'q3', text: 'Apakah ada anggaran sumur bor untuk dusun yang kekeringan tiap kemarau?', channel: 'whatsapp', askerName: 'Wahyu Hidayat', askerLocation: 'Dusun Gondang', status: 'answered', createdAt: t('12:40'), onAirAt: t('13:06'), answeredAt: t('13:20') }),
    question({ id: 'q4', text: 'Apa yang bisa dilakukan anak muda untuk ikut mengawal pembangunan desa?', channel: 'studio', askerName: 'Nadia Putri', status: 'answered', createdAt: t('13:10'), onAirAt: t('13:21'), answeredAt: t('13:34') }),
    question({ id: 'q5', text: 'Promo pulsa murah, hubungi nomor ini', channel: 'phone', askerName: 'Penjual Pulsa', askerLocation: '0812-0000-1111', status: 'rejected', createdAt: t('12:45') }),
    question({ id: 'q6', text: 'Apakah Jalan Kenanga akan dapat lampu penerangan?', channel: 'web', askerName: 'Dedi Kurniawan', askerLocation: 'Kelurahan Kauman', status: 'pending', createdAt: t('13:30') }),
    question({ id: 'q7', text: 'Jalan desa rusak parah, kapan diperbaiki?', channel: 'web', askerName: 'Lestari Handayani', status: 'merged', mergedInto: 'q1', createdAt: t('12:35') }),
  ];
  const ratna: Attribution = { kind: 'speakers', speakerIds: ['s1'] };
  const agus: Attribution = { kind: 'speakers', speakerIds: ['s2'] };
  const both: Attribution = { kind: 'speakers', speakerIds: ['s1', 's2'] };
  const notes: Note[] = [
    note('n2', 'q1', agus, 'Ruas Karangrejo–Sidomulyo sepanjang 4,2 km masuk paket perbaikan tahun depan dengan perkiraan biaya Rp 3,1 miliar.', t('12:45')),
    note('n1', 'q1', ratna, 'Ruas itu sudah tercatat sebagai prioritas kewilayahan. Usulan yang datang dari banyak desa sekaligus membuat posisinya lebih kuat.', t('12:41')),
    note('n3', 'q2', { kind: 'agency', label: 'BAPPEDA' }, 'Usulan dibawa lewat musyawarah dusun, lalu desa, lalu kecamatan. Jadwal musrenbang kecamatan diumumkan di balai desa dan media sosial kabupaten.', t('12:55')),
    note('n4', 'q2', both, 'Warga juga bisa menitipkan usulan lewat acara ini; usulan dicatat lengkap dengan desa dan kecamatannya.', t('13:00')),
    note('n5', 'q3', both, 'Sumur bor termasuk dalam program air bersih tahun depan untuk tiga dusun yang paling lama kekeringan.', t('13:09')),
    note('n6', 'q3', { kind: 'none' }, 'Pemandu menambahkan bahwa data dusun rawan kekeringan bisa dilihat di kantor kecamatan.', t('13:15')),
    note('n7', 'q4', agus, 'Anak muda bisa memotret jalan atau saluran yang rusak lalu melaporkannya lengkap dengan lokasi.', t('13:24')),
    note('n8', 'q4', { kind: 'agency', label: 'Dinas PUPR' }, 'Laporan dengan foto dan titik lokasi mempercepat survei lapangan.', t('13:28')),
    note('n9', null, { kind: 'none' }, 'Pendengar dapat mengirim usulan tertulis melalui situs www.contoh-kabupaten.go.id sampai akhir bulan.', t('13:36')),
  ];
  const closing: ClosingStatement[] = [
    { speakerId: 's2', kind: 'points', points: [
      'Perbaikan jalan dikerjakan bertahap sesuai urutan prioritas.',
      'Laporan warga membantu kami menentukan titik yang paling mendesak.',
      'Terima kasih kepada para pendengar yang sudah bertanya.',
    ] },
    { speakerId: 's1', kind: 'paragraph', text: 'Perencanaan yang baik lahir dari suara warga. Mari datang ke musrenbang dan bawa usulan yang sudah dibicarakan bersama tetangga.' },
  ];
  return {
    id: 'ep-rr-07', code: 'RR7DSK', status: 'ended', createdAt: '2024-08-01T03:00:00.000Z',
    series: 'Ruang Rembug – Bincang Kebijakan Daerah', partners: 'Forum Pemuda Lembah Hijau x Swara Lestari FM',
    number: 7, title: 'Jalan Desa dan Air Bersih: Ke Mana Arah Anggaran Tahun Depan?', place: 'Studio Swara Lestari FM',
    startsAt: t('12:30'), timeZone: 'Asia/Jakarta', endsAt: null,
    recordingUrl: 'https://arsip.swaralestari.example/rekaman/ruang-rembug-07.mp3',
    hosts: ['Maya Kartika Sari', 'Rizal Pratama'],
    speakers: [
      { id: 's1', fullName: 'Dr. Ratna Wulandari, M.Sc.', shortName: 'Bu Ratna', position: 'Kepala Bidang Infrastruktur dan Kewilayahan', agency: 'BAPPEDA' },
      { id: 's2', fullName: 'Agus Santoso, S.T., M.T.', shortName: 'Pak Agus', position: 'Sekretaris Dinas', agency: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
    ],
    premoderation: true, startedAt: t('12:29'), endedAt: t('13:40'),
    questions, notes, closing,
    listeners: Array.from({ length: 37 }, (_, i) => `l${i + 1}`),
    archived: null,
  };
}

/** Strings that have broken Markdown renderers somewhere, each a single normalised line. */
export const NASTY: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">klik</a>',
  '[klik](javascript:alert(1))',
  '[a](https://contoh.example "judul")',
  '![gambar](https://contoh.example/x.png)',
  '[ref]: https://contoh.example',
  '<https://contoh.example>',
  '<warga@contoh.example>',
  'https://contoh.example/jalan?x=1',
  'www.contoh.example',
  'www.-contoh',
  'kirim ke warga@contoh.example ya',
  'javascript:alert(document.cookie)',
  '<!-- komentar tersembunyi -->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;b&#62;tebal&#60;/b&#62; &amp; &copy;',
  '**Fake:** bukan label',
  '*miring* _miring_ __tebal__ ~~coret~~ ~coret~',
  '`kode` ``dua`` ```tiga```',
  '# bukan judul',
  '### juga bukan ###',
  '> kutipan',
  '- butir',
  '+ butir',
  '* butir',
  '1. nomor',
  '2019) tahun',
  '=== garis',
  '--- garis',
  '| a | b |',
  'sel \\| pipa',
  'garis miring \\ di tengah dan di akhir \\',
  '\\*sudah di-escape\\*',
  'Pak O\'Brien dan Bu D\'Arc berkata "ya"',
  'emoji 🎙️📻👍🏽 dan 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'مرحبا بالعالم \u202Eterbalik\u202C teks',
  '<style>body{display:none}</style>',
  '[x]: <javascript:alert(1)>',
  'a<b>c</b>d &nbsp; e',
  'http://a.b/c_(d)_e',
  '\\',
  '1\\. sudah',
  '{{template}} ${injeksi} %s',
];

/** Every field stuffed with text that tries to become Markdown, HTML, YAML or a link. */
export function awkwardEpisode(): Episode {
  const e = sampleEpisode();
  const at = (m: number) => `2024-08-10T13:${String(m).padStart(2, '0')}:00.000Z`;
  return {
    ...e,
    id: 'yes', code: '2E5678',
    series: '*DISKO* | `kode` <script>alert(1)</script> # & ~~coret~~',
    partners: '[Klik](javascript:alert(1)) x ![gambar](https://contoh.example/x.png) x www.jahat.example',
    title: '1. **Fake:** # judul &lt;b&gt; @warga https://jahat.example: "kutip" \'apos\'',
    place: '<img src=x onerror=alert(1)> | Studio 2',
    endsAt: '2024-08-10T14:00:00.000Z',
    recordingUrl: 'https://contoh.example/arsip/eps_(7).mp3?a=1&b=2#t=10',
    hosts: ["O'Brien \\ 'Nyai' _miring_", '- daftar', '<b>tebal</b>'],
    speakers: [
      { id: 's1', fullName: "Dr. Jean-Luc D'Arc, M.Sc. 😀", shortName: "Bu D'Arc *", position: 'Kepala | Seksi', agency: '<b>Dinas</b> & Co' },
      { id: 's2', fullName: '[Pak](x) Budi', shortName: 'Bu Ani, S.Pd', position: '', agency: '' },
      { id: 's3', fullName: 'Mas `Eko`', shortName: 'Mas #Eko', position: '1. Staf', agency: '' },
    ],
    questions: [
      question({ id: 'q-a', text: '**Fake:** `kode` | pipa <script>alert(1)</script> 😀', status: 'answered', createdAt: at(1), onAirAt: at(2), answeredAt: at(3), askerName: 'Rahasia Sekali', askerLocation: '0812-9999-0000' }),
      question({ id: 'q-b', text: '1. Apakah www.contoh.id aman? [x](javascript:alert(1))', status: 'answered', channel: 'phone', createdAt: at(1), onAirAt: at(2), answeredAt: at(4) }),
      question({ id: 'q-c', text: '### judul palsu ###', status: 'on_air', channel: 'email', createdAt: at(5), onAirAt: at(6) }),
      question({ id: 'q-d', text: 'ditolak', status: 'rejected', createdAt: at(5) }),
    ],
    notes: [
      note('n1', 'q-a', { kind: 'speakers', speakerIds: ['s1', 's2', 's3'] }, '**Fake:** bukan label, *miring*, 1. angka', at(3)),
      note('n2', 'q-a', { kind: 'agency', label: '**Palsu:** Dinas | `X`' }, '<a href="javascript:alert(1)">klik</a>', at(3)),
      note('n3', 'q-a', { kind: 'none' }, '**Nama:** teks tanpa label sungguhan', at(4)),
      note('n4', 'q-b', { kind: 'none' }, '1. mulai dengan angka', at(4)),
      note('n5', 'q-b', { kind: 'speakers', speakerIds: ['s2'] }, 'https://contoh.example/a_b_c dan a@b.id', at(5)),
      note('n6', 'q-b', { kind: 'agency', label: "Bu D'Arc * dan Orang Lain" }, '- butir? bukan', at(5)),
      note('n7', 'q-c', { kind: 'agency', label: 'Bu Ani, S.Pd' }, 'label agensi yang sama dengan nama panggilan', at(7)),
      note('n8', null, { kind: 'none' }, '&amp; &#60; \\ garis miring', at(8)),
      note('n9', null, { kind: 'speakers', speakerIds: ['s3'] }, '> kutipan', at(9)),
    ],
    closing: [
      { speakerId: 's3', kind: 'points', points: ['1. sudah bernomor', '**tebal**', '- butir', '<script>x</script>'] },
      { speakerId: 's1', kind: 'paragraph', text: '2019. Tahun yang | berat & `panjang` 😀' },
      { speakerId: 's2', kind: 'paragraph', text: '**Bu Ani, S.Pd:** bukan label' },
    ],
  };
}
