// A notula corrected after the show: editorial headings, a corrected note and closing
// statement, a new recording link, and the edit log in the front matter. Golden file,
// and the round trip export → import → export stays exact.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { correctClosing, correctHeading, correctNote, correctRecording } from '../../../server/domain/correction.ts';
import { exportNotula, importNotula } from '../../../server/domain/notula/index.ts';
import type { Actor, Episode } from '../../../server/contract/types.ts';
import { sampleEpisode } from './fixtures.ts';

const goldenUrl = new URL('./golden/sample-corrected.md', import.meta.url);
const sri: Actor = { kind: 'staff', staffId: 'st-1', role: 'notulis', name: 'Sri Wahyuni', username: 'sri' };
const hostA: Actor = { kind: 'staff', staffId: 'st-2', role: 'host', name: 'Maya', username: 'maya' };

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

export function correctedSample(): Episode {
  const e = sampleEpisode();
  const at = (m: number) => ({ now: new Date(Date.parse('2024-08-11T02:00:00.000Z') + m * 60_000).toISOString(), newId: () => 'x' });
  ok(correctHeading(e, sri, 'q1', 'Kapan jalan <Karangrejo>–Sidomulyo diperbaiki?', at(0)));
  ok(correctHeading(e, sri, 'q3', 'Sumur bor untuk dusun yang kekeringan', at(1)));
  ok(correctNote(e, sri, 'n2', { kind: 'speakers', speakerIds: ['s2'] }, 'Ruas Karangrejo–Sidomulyo sepanjang 4,2 km masuk paket perbaikan tahun depan (perkiraan Rp 3,1 miliar).', at(2)));
  ok(correctNote(e, sri, 'n6', { kind: 'agency', label: 'Kecamatan Sidomulyo' }, 'Data dusun rawan kekeringan bisa dilihat di kantor kecamatan.', at(3)));
  ok(correctClosing(e, hostA, { speakerId: 's1', kind: 'points', points: ['Perencanaan yang baik lahir dari suara warga.', 'Datanglah ke musrenbang.'] }, at(4)));
  ok(correctRecording(e, hostA, 'https://arsip.swaralestari.example/rekaman/ruang-rembug-07-lengkap.mp3', at(5)));
  return e;
}

describe('a corrected notula', () => {
  it('matches its golden file byte for byte', () => {
    const md = exportNotula(correctedSample());
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenUrl, md);
    expect(md).toBe(readFileSync(goldenUrl, 'utf8'));
  });

  it('prints the headings (escaped), keeps the words as asked in the front matter, says it was updated', () => {
    const md = exportNotula(correctedSample());
    expect(md).toContain('\n### Kapan jalan \\<Karangrejo\\>–Sidomulyo diperbaiki?\n');
    expect(md).not.toContain('### Kapan jalan penghubung');
    expect(md).toContain('"text":"Kapan jalan penghubung antardesa di Kecamatan Sidomulyo diperbaiki? Sudah tiga tahun berlubang."');
    expect(md).toContain('_Diperbarui Minggu, 11 Agustus 2024 09.05 WIB (7 koreksi)_');
    expect(md).toMatch(/\nedits:\n {2}- \{"at":"2024-08-11T02:00:00.000Z","by":"sri","role":"notulis","field":"question.heading","target":"q1",/);
  });

  it('survives export → import → export exactly, with the edit log and both texts of a question', () => {
    const md = exportNotula(correctedSample());
    const r = importNotula(md, { newId: (() => { let n = 0; return () => `imp-${++n}`; })() });
    if (!r.ok) throw new Error(`${r.error.line}: ${r.error.message}`);
    expect(exportNotula(r.episode)).toBe(md);
    const q1 = r.episode.questions.find((q) => q.id === 'q1')!;
    expect(q1.text).toBe('Kapan jalan penghubung antardesa di Kecamatan Sidomulyo diperbaiki? Sudah tiga tahun berlubang.');
    expect(q1.heading).toBe('Kapan jalan <Karangrejo>–Sidomulyo diperbaiki?');
    expect(r.episode.edits).toEqual(correctedSample().edits);
  });

  it('refuses an edit log with an unknown field or role, pointing at its line', () => {
    const md = exportNotula(correctedSample()).replace('"field":"note.text"', '"field":"title"');
    const r = importNotula(md, { newId: () => 'i' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('edits.');
  });
});
