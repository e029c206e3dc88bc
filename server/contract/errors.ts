// A closed set of error codes. Clients switch on `code`; `message` is Indonesian,
// written for a host on air, never a raw exception text.

export const ERROR_MESSAGES = {
  invalid_payload: 'Data yang dikirim tidak lengkap atau tidak sesuai.',
  payload_too_large: 'Data yang dikirim terlalu besar.',
  episode_not_found: 'Episode tidak ditemukan. Periksa kembali kodenya.',
  question_not_found: 'Pertanyaan tidak ditemukan.',
  note_not_found: 'Catatan tidak ditemukan.',
  speaker_not_found: 'Pembicara tidak ditemukan di episode ini.',
  staff_not_found: 'Akun petugas tidak ditemukan.',
  text_empty: 'Teks tidak boleh kosong.',
  text_too_long: 'Teks terlalu panjang.',
  closing_empty: 'Pernyataan penutup masih kosong, jadi tidak ada yang disimpan. Tulis paragrafnya atau isi butirnya dulu.',
  not_allowed: 'Peran Anda tidak diizinkan melakukan ini.',
  not_signed_in: 'Silakan masuk sebagai petugas terlebih dahulu.',
  wrong_password: 'Nama pengguna atau kata sandi salah.',
  password_change_required: 'Kata sandi ini dibuat otomatis saat pemasangan. Ganti dulu dengan kata sandi pilihan Anda sebelum memakai Kentongan.',
  wrong_current_password: 'Kata sandi saat ini salah; tidak ada yang diubah.',
  password_unchanged: 'Kata sandi baru harus berbeda dari yang lama.',
  episode_deleted: 'Episode ini sudah dihapus oleh stasiun.',
  episode_not_live: 'Episode belum dimulai atau sudah selesai.',
  episode_ended: 'Episode sudah selesai dan tidak bisa diubah lagi.',
  episode_not_draft: 'Hanya episode berstatus draf yang bisa dimulai.',
  episode_live: 'Episode sedang siaran. Akhiri episode terlebih dahulu.',
  already_voted: 'Anda sudah memberi dukungan untuk pertanyaan ini.',
  not_voted: 'Anda belum memberi dukungan untuk pertanyaan ini.',
  question_not_open: 'Pertanyaan ini belum disetujui, sudah ditolak, atau sudah digabung.',
  another_on_air: 'Masih ada pertanyaan lain yang sedang mengudara. Tandai terjawab atau kembalikan dulu.',
  invalid_transition: 'Statusnya tidak bisa diubah dengan cara itu.',
  merge_invalid: 'Pertanyaan tidak bisa digabung ke dirinya sendiri atau ke pertanyaan yang ditolak/digabung.',
  no_question_on_air: 'Tidak ada pertanyaan yang sedang mengudara.',
  invalid_time_zone: 'Zona waktu tidak dikenal.',
  invalid_date: 'Tanggal atau jam tidak valid.',
  username_taken: 'Nama pengguna sudah dipakai.',
  last_admin: 'Harus ada setidaknya satu admin.',
  rate_limited: 'Terlalu cepat. Tunggu sebentar lalu coba lagi.',
  server_busy: 'Server sedang sibuk, coba lagi sebentar lagi.',
  address_limited: 'Terlalu banyak permintaan dari jaringan Anda (banyak ponsel bisa berbagi satu alamat internet).',
  too_many_pending: 'Pertanyaan Anda sebelumnya masih menunggu persetujuan.',
  queue_full: 'Antrean pertanyaan yang menunggu persetujuan sedang penuh. Coba kirim lagi beberapa menit lagi.',
  not_joined: 'Buka dulu halaman episode ini (gabung dengan kodenya), lalu coba lagi.',
  transcript_invalid: 'Berkas notula tidak bisa dibaca.',
  unknown_route: 'Alamat API tidak dikenal.',
  episode_exists: 'Episode ini sudah ada di arsip.',
  poll_not_found: 'Jajak pendapat tidak ditemukan.',
  poll_closed: 'Jajak pendapat sudah ditutup; jawaban tidak bisa dikirim atau diubah lagi.',
  poll_option_invalid: 'Pilihan jawaban tidak ada di jajak pendapat ini.',
  another_poll_open: 'Masih ada jajak pendapat yang terbuka. Tutup dulu sebelum membuka yang baru.',
  aspiration_not_found: 'Usulan tidak ditemukan.',
  aspiration_closed: 'Usulan ini sudah ditolak atau digabung, jadi tidak bisa didukung atau diubah.',
  already_supported: 'Anda sudah mendukung usulan ini.',
  already_converted: 'Pertanyaan ini sudah dijadikan usulan.',
  aspiration_merge_invalid: 'Usulan tidak bisa digabung ke dirinya sendiri atau ke usulan yang ditolak/digabung.',
  reason_required: 'Alasan penolakan wajib diisi.',
  unknown_dimension: 'Dimensi smart city tidak dikenal.',
  unknown_kecamatan: 'Kecamatan tidak ada di daftar wilayah kabupaten.',
  unknown_desa: 'Desa/kelurahan tidak ada di daftar wilayah kabupaten.',
  desa_outside_kecamatan: 'Desa/kelurahan itu tidak berada di kecamatan yang dipilih.',
  invalid_rt_rw: 'RT/RW tidak valid. Tulis seperti 003/005.',
  invalid_phone: 'Nomor telepon tidak valid. Tulis seperti 0812 3456 7890.',
  consent_required: 'Nama dan nomor telepon hanya disimpan bila Anda setuju untuk dihubungi.',
  district_invalid: 'Data wilayah kabupaten tidak valid.',
  district_csv_invalid: 'Berkas CSV wilayah tidak bisa dibaca; tidak ada yang diubah.',
  region_in_use: 'Masih ada usulan yang memakai dimensi atau wilayah ini; tidak ada yang diubah.',
  region_exists: 'Kode wilayah itu sudah ada di daftar; ganti namanya saja bila perlu.',
  region_not_found: 'Wilayah dengan kode itu tidak ada di daftar kabupaten ini.',
  kabupaten_not_found: 'Kode provinsi atau kabupaten/kota itu tidak ada di data resmi Kemendagri.',
  region_data_unavailable: 'Data wilayah resmi tidak bisa dibaca di server (paket idn-area-data); impor CSV masih bisa dipakai.',
  sample_absent: 'Tidak ada contoh yang bisa dihapus; contoh sudah dihapus sebelumnya.',
  episode_not_ended: 'Koreksi setelah siaran hanya bisa dilakukan setelah episode selesai.',
  no_change: 'Tidak ada yang berubah: isinya sama dengan sebelumnya.',
  too_many_edits: 'Batas koreksi untuk episode ini sudah tercapai.',
  question_not_in_notula: 'Hanya pertanyaan yang sudah mengudara yang punya judul di notula.',
  closing_not_found: 'Pembicara ini belum punya pernyataan penutup.',
  closing_taken: 'Pembicara tujuan sudah punya pernyataan penutup; ubah yang itu saja.',
  invalid_volume: 'Volume tidak valid.',
  invalid_satuan: 'Satuan tidak valid.',
  invalid_biaya: 'Perkiraan biaya tidak valid.',
  plan_unit_required: 'Volume dan satuan diisi bersama.',
  unknown_opd: 'OPD tujuan tidak ada di daftar OPD yang disimpan admin.',
  opd_list_invalid: 'Daftar OPD tidak valid; tidak ada yang diubah.',
  opd_in_use: 'Masih ada usulan yang ditujukan ke OPD ini; tidak ada yang diubah.',
  reader_choice_missing: 'Pilih salah satu tanggapan dulu, lalu tekan Kirim.',
  reader_already_voted: 'Anda sudah memberi tanggapan untuk siaran ini; tanggapan pertama Anda yang dihitung.',
  reader_token_missing: 'Tanggapan belum dihitung: browser Anda tidak menyimpan cookie dari halaman ini. Muat ulang halamannya, lalu pilih sekali lagi.',
  listener_form_stale: 'Belum terkirim: halaman ini sudah lama dibuka, atau browser Anda tidak menyimpan cookie-nya. Muat ulang halamannya, lalu coba sekali lagi.',
  invalid_filter: 'Saringan tidak valid.',
  sender_not_listener: 'Pertanyaan ini diketik petugas: tidak ada pengirim untuk diblokir.',
  block_not_found: 'Blokir itu tidak ditemukan (mungkin sudah dibuka).',
  invalid_words: 'Daftar kata tidak valid; tidak ada yang diubah.',
  intake_off: 'Pintu SMS/WhatsApp ini belum diatur admin.',
  intake_unsigned: 'Pesan gateway tidak bertanda tangan atau tanda tangannya salah.',
  intake_stale: 'Waktu pesan gateway terlalu jauh dari jam server (lebih dari 5 menit). Periksa jam ponsel gateway.',
  setting_from_environment: 'Pengaturan ini diisi dari variabel lingkungan server, jadi tidak bisa diubah di sini.',
  invalid_secret: 'Kunci rahasia harus 16 sampai 200 karakter tanpa spasi.',
  invalid_gateway_url: 'Alamat gateway tidak valid. Tulis seperti http://sms:sandi@192.168.1.20:8080',
  invalid_station_number: 'Nomor stasiun tidak valid. Tulis angkanya saja, seperti 0812 3456 7890.',
  sender_unknown: 'Nomor pengirim tidak tersimpan lagi (server dimulai ulang, atau pertanyaan ini tidak datang lewat SMS/WhatsApp), jadi balasan tidak bisa dikirim.',
  sender_stopped: 'Pengirim ini sudah mengirim BERHENTI: balasan tidak dikirim.',
  reply_unavailable: 'Balasan tidak bisa dikirim lewat pintu ini: atur alamat gateway SMS atau token WhatsApp dulu, atau (modem) balasan hanya dikirim otomatis.',
  whatsapp_window_closed: 'Pesan WhatsApp pengirim ini sudah lebih dari 24 jam; WhatsApp tidak mengizinkan balasan bebas lagi.',
  not_saved: 'Tidak tersimpan: server gagal menulis ke disk, jadi perubahan ini dibatalkan. Coba sekali lagi; jika tetap gagal, beri tahu admin (disk mungkin penuh).',
  internal: 'Terjadi kesalahan di server. Perubahan mungkin sudah tersimpan; periksa dulu sebelum mencoba lagi.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface DomainError {
  code: ErrorCode;
  message: string;
  /** Seconds until trying again makes sense (address_limited only); the message says it too. */
  retryAfter?: number;
}

/**
 * Thrown where a failure has a known meaning for the caller (a failed write that was rolled
 * back: `not_saved`); the HTTP and socket edges answer with its code. Anything else thrown
 * is `internal`.
 */
export class CodedError extends Error {
  constructor(readonly code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodedError';
  }
}

/** The code an edge answers a thrown failure with. */
export function codeOf(err: unknown): ErrorCode {
  return err instanceof CodedError ? err.code : 'internal';
}

export function fail(code: ErrorCode, detail?: string): { ok: false; error: DomainError } {
  const base = ERROR_MESSAGES[code];
  return { ok: false, error: { code, message: detail ? `${base} ${detail}` : base } };
}
