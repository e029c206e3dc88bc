import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportNotula, importNotula, renderNotulaHtml } from '../../../server/domain/notula/index.ts';
import { normalizeLine } from '../../../server/contract/text.ts';
import type { Episode, NotulaAspiration, Poll } from '../../../server/contract/types.ts';
import { NASTY, sampleEpisode } from './fixtures.ts';
import { tagsOf, textOf, toHtml } from './render.ts';

function poll(id: string, question: string, options: string[], answers: number[], extra: Partial<Poll> = {}): Poll {
  const record: Record<string, number> = {};
  answers.forEach((option, i) => { record[`l${i}`] = option; });
  return {
    id, kind: 'single', preset: null, question, options, status: 'closed', resultsVisible: false, answers: record, archivedCounts: null,
    openedAt: '2024-08-10T13:30:00.000Z', closedAt: '2024-08-10T13:35:00.000Z', ...extra,
  };
}

const ASPIRATIONS: NotulaAspiration[] = [
  { id: 'a1', dimension: 'Smart Governance', text: 'Papan informasi anggaran desa', problem: 'Warga tidak tahu dana desa dipakai untuk apa.', kecamatan: 'Sidomulyo', desa: 'Karangrejo', rtRw: null, supports: 9 },
  { id: 'a2', dimension: 'Smart Living', text: 'Perbaikan ruas Karangrejo–Sidomulyo', problem: 'Jalan berlubang tiga tahun.', kecamatan: 'Sidomulyo', desa: 'Karangrejo', rtRw: '002/004', supports: 31 },
  { id: 'a3', dimension: 'Smart Living', text: 'Sumur bor Dusun Gondang', problem: 'Kekeringan setiap kemarau.', kecamatan: 'Sidomulyo', desa: 'Wringinanom', rtRw: null, supports: 4 },
];

function withPolls(): Episode {
  const e = sampleEpisode();
  e.polls = [
    poll('p1', 'Bagaimana Tanggapan Anda?', ['Sangat Puas', 'Puas', 'Cukup Puas', 'Tidak Puas'], [0, 1, 1, 1, 3, 3, 3], { kind: 'rating', preset: 'satisfaction' }),
    poll('p2', 'Ruas mana yang paling mendesak?', ['Karangrejo', 'Wringinanom', 'Gondang'], [0, 1, 2], { status: 'open', closedAt: null }),
    poll('p3', 'Belum ada yang menjawab?', ['Ya', 'Tidak'], []),
  ];
  return e;
}

function reimport(md: string): Episode {
  let n = 0;
  const r = importNotula(md, { newId: () => `imp-${++n}` });
  if (!r.ok) throw new Error(`baris ${r.error.line}: ${r.error.message}`);
  return r.episode;
}

describe('poll results in the notula', () => {
  it('prints whole percentages that sum to 100 (largest remainder), counts and totals', () => {
    const md = exportNotula(withPolls());
    expect(md).toContain([
      '## Hasil Jajak Pendapat',
      '### Bagaimana Tanggapan Anda?',
      '- Sangat Puas: 14% (1 suara)\n- Puas: 43% (3 suara)\n- Cukup Puas: 0% (0 suara)\n- Tidak Puas: 43% (3 suara)',
      'Jumlah suara: 7',
      '### Ruas mana yang paling mendesak?',
      '- Karangrejo: 34% (1 suara)\n- Wringinanom: 33% (1 suara)\n- Gondang: 33% (1 suara)',
      'Jumlah suara: 3',
      '### Belum ada yang menjawab?',
      '- Ya: 0% (0 suara)\n- Tidak: 0% (0 suara)',
      'Jumlah suara: 0',
    ].join('\n\n'));
    // After the closing statements, before the summary.
    expect(md.indexOf('## Closing Statements')).toBeLessThan(md.indexOf('## Hasil Jajak Pendapat'));
    expect(md.indexOf('## Hasil Jajak Pendapat')).toBeLessThan(md.indexOf('## Ringkasan'));
    expect(md).not.toMatch(/\bl[0-6]\b/);
  });

  it('leaves the notula of an episode without polls or aspirations exactly as before', () => {
    const e = sampleEpisode();
    expect(exportNotula({ ...e, polls: [], archivedAspirations: [] })).toBe(exportNotula(e));
    expect(exportNotula(e, [])).not.toMatch(/Jajak|Aspirasi|polls:|aspirations:/);
  });
});

describe('aspirations in the notula', () => {
  it('groups them by dimension in the order given, with place and support and nothing personal', () => {
    const md = exportNotula(sampleEpisode(), ASPIRATIONS);
    expect(md).toContain([
      '## Aspirasi Pendengar',
      '### Smart Governance',
      '- Papan informasi anggaran desa — Permasalahan: Warga tidak tahu dana desa dipakai untuk apa. — Karangrejo, Kec. Sidomulyo — 9 dukungan',
      '### Smart Living',
      '- Perbaikan ruas Karangrejo–Sidomulyo — Permasalahan: Jalan berlubang tiga tahun. — RT 002/RW 004, Karangrejo, Kec. Sidomulyo — 31 dukungan\n'
        + '- Sumur bor Dusun Gondang — Permasalahan: Kekeringan setiap kemarau. — Wringinanom, Kec. Sidomulyo — 4 dukungan',
      '## Ringkasan',
    ].join('\n\n'));
  });

  it('escapes listener text so it never becomes markup, links or script', () => {
    const nasty: NotulaAspiration[] = NASTY.map((t, i) => ({ id: `n${i}`, dimension: i % 2 ? '# Smart *X*' : 'Smart Living', text: t, problem: t, kecamatan: t, desa: t, rtRw: null, supports: i }));
    const md = exportNotula(sampleEpisode(), nasty);
    // Plain marked, no sanitiser: the escaping alone must hold.
    const section = toHtml(md.slice(md.indexOf('## Aspirasi Pendengar'), md.indexOf('## Ringkasan')));
    expect(new Set(tagsOf(section))).toEqual(new Set(['h2', 'h3', 'ul', 'li']));
    for (const t of NASTY) expect(textOf(section)).toContain(`${t} — Permasalahan: ${t}`);
    const html = renderNotulaHtml(md);
    expect(tagsOf(html).filter((t) => ['script', 'img', 'style', 'iframe'].includes(t))).toEqual([]);
    // The recording link is the only link.
    expect(tagsOf(html).filter((t) => t === 'a')).toHaveLength(1);
  });
});

describe('export → import → export with polls and aspirations', () => {
  it('is byte-identical', () => {
    const md = exportNotula(withPolls(), ASPIRATIONS);
    const back = reimport(md);
    expect(exportNotula(back)).toBe(md);
    expect(back.polls!.map((p) => [p.id, p.status, p.archivedCounts, Object.keys(p.answers).length])).toEqual([
      ['p1', 'closed', [1, 3, 0, 3], 0], ['p2', 'closed', [1, 1, 1], 0], ['p3', 'closed', [0, 0], 0],
    ]);
    expect(back.archivedAspirations).toEqual(ASPIRATIONS);
    // A second round trip changes nothing either.
    expect(exportNotula(reimport(exportNotula(back)))).toBe(md);
  });

  it('is byte-identical for generated poll and aspiration text', () => {
    const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 })).map(normalizeLine).filter((s) => s.length > 0);
    fc.assert(fc.property(text, fc.array(text, { minLength: 2, maxLength: 4 }), text, text, fc.array(fc.nat({ max: 40 }), { minLength: 4, maxLength: 4 }),
      (question, options, usul, place, counts) => {
        const e = sampleEpisode();
        e.polls = [poll('p1', question, options, [], { archivedCounts: counts.slice(0, options.length) })];
        const asp: NotulaAspiration[] = [{ id: 'a1', dimension: place, text: usul, problem: question, kecamatan: place, desa: usul, rtRw: '001/002', supports: counts[0]! }];
        const md = exportNotula(e, asp);
        expect(exportNotula(reimport(md))).toBe(md);
      }), { numRuns: 100 });
  });

  it('names the line of a broken poll or aspiration in the front matter', () => {
    const md = exportNotula(withPolls(), ASPIRATIONS);
    const lines = md.split('\n');
    const errorOf = (text: string) => {
      const r = importNotula(text, { newId: () => 'x' });
      if (r.ok) throw new Error('harusnya gagal');
      return r.error;
    };
    const lineWith = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    const kind = errorOf(md.replace('"kind":"single"', '"kind":"pilihan"'));
    expect(kind).toEqual({ line: lineWith('"kind":"single"'), message: 'kolom "polls.1.kind" harus salah satu dari single, rating.' });
    expect(errorOf(md.replace(/"counts":\[([0-9,]+)\]/, '"counts":[$1,9]')).message).toBe('kolom "polls.0.counts" harus sama panjang dengan options.');
    expect(errorOf(md.replace('"supports":31', '"supports":"banyak"'))).toEqual({
      line: lineWith('"supports":31'), message: 'kolom "aspirations.1.supports" harus berupa bilangan bulat tidak negatif.',
    });
    expect(errorOf(md.replace('{"id":"p2"', '{"id":"p1"')).message).toMatch(/jajak pendapat "p1" muncul lebih dari sekali/);
  });
});
