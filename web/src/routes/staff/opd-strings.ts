// Words of the admin's OPD list (the agencies an usulan may be addressed to).
import { translator } from '../../lib/i18n.svelte.ts';

type Key = 'title' | 'intro' | 'loading' | 'label' | 'hint' | 'save' | 'saving' | 'saved';

export const id: Record<Key, string> = {
  title: 'OPD tujuan usulan', intro: 'Perangkat daerah yang bisa dipilih perencana sebagai OPD tujuan di meja perencana dan di berkas musrenbang.',
  loading: 'Memuat daftar OPD…', label: 'Daftar OPD, satu per baris', hint: '{n} OPD. OPD yang sudah dipilih untuk usulan tidak bisa dihapus.',
  save: 'Simpan daftar OPD', saving: 'Menyimpan…', saved: 'Daftar OPD disimpan ({n} OPD).',
};

export const en: typeof id = {
  title: 'Target agencies (OPD)', intro: 'The regional agencies a planner can choose as an usulan’s target on the planner’s desk and in the musrenbang files.',
  loading: 'Loading the OPD list…', label: 'OPD list, one per line', hint: 'OPD: {n}. An OPD already chosen for a proposal cannot be removed.',
  save: 'Save OPD list', saving: 'Saving…', saved: 'OPD list saved (OPD: {n}).',
};

export const t = translator(id, en);
