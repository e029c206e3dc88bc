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
  not_allowed: 'Peran Anda tidak diizinkan melakukan ini.',
  not_signed_in: 'Silakan masuk sebagai petugas terlebih dahulu.',
  wrong_password: 'Nama pengguna atau kata sandi salah.',
  episode_not_live: 'Episode belum dimulai atau sudah selesai.',
  episode_ended: 'Episode sudah selesai dan tidak bisa diubah lagi.',
  episode_not_draft: 'Hanya episode berstatus draf yang bisa dimulai atau dihapus.',
  already_voted: 'Anda sudah memberi dukungan untuk pertanyaan ini.',
  not_voted: 'Anda belum memberi dukungan untuk pertanyaan ini.',
  question_not_open: 'Pertanyaan ini belum disetujui, sudah ditolak, atau sudah digabung.',
  another_on_air: 'Masih ada pertanyaan lain yang sedang mengudara. Tandai terjawab atau kembalikan dulu.',
  invalid_transition: 'Status pertanyaan tidak bisa diubah dengan cara itu.',
  merge_invalid: 'Pertanyaan tidak bisa digabung ke dirinya sendiri atau ke pertanyaan yang ditolak/digabung.',
  no_question_on_air: 'Tidak ada pertanyaan yang sedang mengudara.',
  invalid_time_zone: 'Zona waktu tidak dikenal.',
  invalid_date: 'Tanggal atau jam tidak valid.',
  username_taken: 'Nama pengguna sudah dipakai.',
  last_admin: 'Harus ada setidaknya satu admin.',
  rate_limited: 'Terlalu cepat. Tunggu sebentar lalu coba lagi.',
  transcript_invalid: 'Berkas notula tidak bisa dibaca.',
  unknown_route: 'Alamat API tidak dikenal.',
  episode_exists: 'Episode ini sudah ada di arsip.',
  internal: 'Terjadi kesalahan di server. Perubahan tidak disimpan; silakan coba lagi.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface DomainError {
  code: ErrorCode;
  message: string;
}

export function fail(code: ErrorCode, detail?: string): { ok: false; error: DomainError } {
  const base = ERROR_MESSAGES[code];
  return { ok: false, error: { code, message: detail ? `${base} ${detail}` : base } };
}
