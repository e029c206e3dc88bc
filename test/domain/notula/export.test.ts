import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportNotula, transcriptFileName } from '../../../server/domain/notula/index.ts';
import { note, question, sampleEpisode } from './fixtures.ts';

const golden = readFileSync(new URL('./golden/sample.md', import.meta.url), 'utf8');

describe('exportNotula', () => {
  it('matches the golden sample byte for byte', () => {
    expect(exportNotula(sampleEpisode())).toBe(golden);
  });

  it('leaves out askers, their places and the questions that never went on air', () => {
    const e = sampleEpisode();
    const md = exportNotula(e);
    for (const q of e.questions) {
      if (q.askerName) expect(md).not.toContain(q.askerName);
      if (q.askerLocation) expect(md).not.toContain(q.askerLocation);
      if (q.status !== 'answered') expect(md).not.toContain(q.text);
    }
    expect(md).not.toMatch(/askerName|askedBy|voters|0812/);
  });

  it('ends with one newline and separates blocks by exactly one blank line', () => {
    const md = exportNotula(sampleEpisode());
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
    expect(md).not.toContain('\n\n\n');
  });

  it('puts a question still on air in the notula, and keeps notes of a question taken off the list', () => {
    const e = sampleEpisode();
    e.questions.push(question({ id: 'q8', text: 'Pertanyaan yang masih mengudara?', status: 'on_air', createdAt: '2024-08-10T13:35:00.000Z', onAirAt: '2024-08-10T13:35:00.000Z' }));
    e.notes.push(note('n10', 'q8', { kind: 'none' }, 'Jawaban untuk pertanyaan yang masih mengudara.', '2024-08-10T13:36:00.000Z'));
    e.notes.push(note('n11', 'q6', { kind: 'agency', label: 'Camat' }, 'Catatan dari pertanyaan yang dikembalikan ke antrean.', '2024-08-10T13:37:00.000Z'));
    const md = exportNotula(e);
    expect(md).toContain('### Pertanyaan yang masih mengudara?\n\nJawaban untuk pertanyaan yang masih mengudara.\n\n## Catatan lain');
    expect(md).toContain('sampai akhir bulan.\n\n**Camat:** Catatan dari pertanyaan yang dikembalikan ke antrean.\n\n## Closing Statements');
    expect(md).toContain('- Pertanyaan terjawab: 5');
  });

  it('uses archived counts for an imported episode and handles a missing number, partners and recording', () => {
    const e = { ...sampleEpisode(), number: null, partners: '', recordingUrl: null, closing: [], archived: { questionsReceived: 120, listeners: 850 } };
    const md = exportNotula(e);
    expect(md).not.toContain('Klik untuk mendengarkan');
    expect(md).toContain('# NOTULA RUANG REMBUG – BINCANG KEBIJAKAN DAERAH\n\n## JALAN DESA DAN AIR BERSIH: KE MANA ARAH ANGGARAN TAHUN DEPAN?\n\n|');
    expect(md).not.toContain('## Closing Statements');
    expect(md).toContain('- Pertanyaan diterima: 120\n- Pertanyaan terjawab: 4\n- Pendengar bergabung: 850\n');
  });

  it('keeps a link destination from closing early', () => {
    const e = { ...sampleEpisode(), recordingUrl: 'https://contoh.example/arsip/eps_(7).mp3?a=1&b=2' };
    expect(exportNotula(e)).toContain('](https://contoh.example/arsip/eps_\\(7\\).mp3?a=1&b=2)\n');
  });
});

describe('transcriptFileName', () => {
  it('reads like a programme guide', () => {
    expect(transcriptFileName(sampleEpisode()))
      .toBe('2024-08-10_ruang-rembug-bincang-kebijakan-daerah_eps-07_jalan-desa-dan-air-bersih-ke-mana-arah-anggaran.md');
  });

  it('dates by the episode zone, drops the episode part without a number and keeps slugs ASCII', () => {
    const e = { ...sampleEpisode(), startsAt: '2024-08-10T18:00:00.000Z', number: null, series: 'Obrolan Kopi Sore', title: 'Peran Perempuan di Desa Café' };
    expect(transcriptFileName(e)).toBe('2024-08-11_obrolan-kopi-sore_peran-perempuan-di-desa-cafe.md');
    const odd = { ...sampleEpisode(), series: '–––', title: '😀 😀', number: 123 };
    expect(transcriptFileName(odd)).toBe('2024-08-10_acara_eps-123_tanpa-judul.md');
  });
});
