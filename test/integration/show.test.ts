// A whole episode over real sockets: 50 listeners ask and vote while a screener, a host
// and a notulis run the show; the archived notula must equal the golden file.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { api, call, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { testClock } from '../support/clock.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { expectReimportsByteForByte, studioServer } from '../support/integration.ts';
import { applyDelta, applyMine, fromSnapshot } from '../../web/src/lib/episode-state.ts';
import type { EpisodeState } from '../../web/src/lib/episode-state.ts';
import { rankQueue } from '../../server/contract/ranking.ts';

const QUESTIONS = [
  'Kapan TPS 3R di Pasar Mekarsari mulai beroperasi?',
  'Bagaimana cara desa kami membentuk bank sampah sendiri?',
  'Apakah sampah plastik *kresek* bisa ditabung? Harganya berapa per kg?',
  'Kenapa truk sampah hanya datang 2x seminggu | padahal pasar buka tiap hari?',
  'Apa sanksi untuk yang membuang sampah ke sungai? <script>alert(1)</script>',
  'Bisakah minyak jelantah disetor ke bank sampah? 🛢️',
  "Ibu-ibu PKK Dusun Krajan ingin ikut pelatihan kompos, daftarnya ke mana?",
  'Apakah ada insentif untuk pedagang yang memilah sampah? `tanya serius`',
  'JUAL OBAT KUAT MURAH www.contoh-spam.test',
  'Bagaimana cara bikin bank sampah di desa?',
];

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

// Waiting for what a socket handler applies: the shared, timing-free helper.
import { until } from '../support/until.ts';

/** The state a client holds as it follows the socket (each change is a new state, so read it anew). */
function follow(socket: Client, initial: EpisodeState): () => EpisodeState {
  let state = initial;
  socket.on('episode:delta', (d) => (state = applyDelta(state, d)));
  socket.on('question:mine', (p) => (state = applyMine(state, p.question)));
  return () => state;
}

/** Ids and join codes are random; everything a reader sees must match exactly. */
function normalise(md: string): string {
  let n = 0;
  const ids = new Map<string, string>();
  const named = (id: string) => ids.get(id) ?? ids.set(id, `ID${++n}`).get(id)!;
  return md
    .replace(/^(\s*-?\s*id): (\S+)$/gm, (_, k: string, id: string) => `${k}: ${named(id)}`)
    .replace(/^(\s*- \{"id":)"([^"]+)"/gm, (_, k: string, id: string) => `${k}"${named(id)}"`)
    .replace(/^code: \S+$/m, 'code: CODE');
}

describe('a whole episode with 50 listeners', () => {
  const clock = testClock('2026-10-03T11:50:00.000Z');

  const studio = studioServer({ now: clock.now });

  it('runs from the first question to the archived notula', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const host = follow(studio.host, fromSnapshot(await joinStaff(studio.host, ep.id)));
    const screener = follow(studio.screener, fromSnapshot(await joinStaff(studio.screener, ep.id)));
    await joinStaff(studio.notulis, ep.id);

    const people = await Promise.all(range(50).map(() => listener(studio.url)));
    const views = await Promise.all(people.map(async (p) => follow(p.socket, fromSnapshot(await must(p.socket, 'episode:join', { code: ep.code.toLowerCase() })))));
    await until(() => host().episode.listenerCount === 50);

    // Ten listeners ask; with pre-moderation on, nobody else sees them yet.
    const asked: string[] = [];
    for (const i of range(10)) {
      clock.advance(1);
      const q = await must(people[i]!.socket, 'question:ask', { episodeId: ep.id, text: QUESTIONS[i]!, name: i === 0 ? 'Bu Sri' : null, location: i === 0 ? 'Dusun Krajan' : null });
      expect(q.status).toBe('pending');
      asked.push(q.id);
    }
    await until(() => screener().questions.size === 10);
    expect(views[20]!().questions.size).toBe(0);
    expect(views[3]!().mine.get(asked[3]!)?.status).toBe('pending');

    for (const id of asked.slice(0, 8).concat(asked[9]!)) await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: id });
    await must(studio.screener, 'question:reject', { episodeId: ep.id, questionId: asked[8]! });
    clock.advance(1);
    const phone = await must(studio.screener, 'question:submit', { episodeId: ep.id, text: 'Penelepon: apakah bank sampah bisa menerima popok bekas?', channel: 'phone', name: 'Pak Slamet', location: 'Mekarsari' });
    expect(phone.status).toBe('approved');

    // Everyone votes at once: listener i supports question k when i % (k + 2) === 0.
    const supported = (k: number) => range(50).filter((i) => i % (k + 2) === 0);
    const votes: Promise<unknown>[] = [];
    for (const k of [0, 1, 2, 3, 4, 5, 6, 7, 9]) for (const i of supported(k)) votes.push(must(people[i]!.socket, 'vote:cast', { episodeId: ep.id, questionId: asked[k]! }));
    await Promise.all(votes);
    // The duplicate (9) joins question 1: shared supporters count once.
    await must(studio.screener, 'question:merge', { episodeId: ep.id, questionId: asked[9]!, intoId: asked[1]! });
    const q1Voters = new Set([...supported(1), ...supported(9)]);

    const expected = new Map<string, number>([
      [asked[0]!, 25], [asked[1]!, q1Voters.size], [asked[2]!, 13], [asked[3]!, 10], [asked[4]!, 9],
      [asked[5]!, 8], [asked[6]!, 7], [asked[7]!, 6], [phone.id, 0],
    ]);
    const matches = (s: EpisodeState) => [...expected].every(([id, n]) => s.questions.get(id)?.votes === n);
    await until(() => matches(host()) && views.every((v) => matches(v())));
    expect(q1Voters.size).toBe(20);
    expect(views.every((v) => !v().questions.has(asked[8]!) && !v().questions.has(asked[9]!))).toBe(true);
    expect(views[9]!().mine.get(asked[9]!)?.status).toBe('merged');
    expect(views[8]!().mine.get(asked[8]!)?.status).toBe('rejected');

    const queue = rankQueue([...host().questions.values()]).map((q) => q.id);
    expect(queue).toEqual([asked[0], asked[1], asked[2], asked[3], asked[4], asked[5], asked[6], asked[7], phone.id]);

    // The show: top three, then the caller. Notes go under the question on air.
    const [pakH, buL] = host().episode.speakers.map((s) => s.id) as [string, string];
    const answers: Record<string, Array<[object, string]>> = {
      [asked[0]!]: [[{ kind: 'speakers', speakerIds: [pakH] }, 'TPS 3R mulai beroperasi Januari; pedagang akan dilatih memilah dulu selama dua pekan.']],
      [asked[1]!]: [
        [{ kind: 'speakers', speakerIds: [buL] }, 'Mulai dari 10 rumah, catat setoran di buku tabungan, lalu cari pengepul tetap. Kami siap mendampingi.'],
        [{ kind: 'agency', label: 'DLH' }, 'Desa bisa mengajukan timbangan dan karung lewat musrenbang.'],
      ],
      [asked[2]!]: [[{ kind: 'speakers', speakerIds: [buL, pakH] }, 'Bisa, asal bersih dan kering. Harga *kresek* sekitar Rp500/kg | tergantung pengepul.']],
      [phone.id]: [[{ kind: 'none' }, 'Belum bisa; popok bekas termasuk residu dan harus dibuang terpisah.']],
    };
    let first = true;
    for (const id of [asked[0]!, asked[1]!, asked[2]!, phone.id]) {
      clock.advance(5);
      await must(studio.host, 'question:air', { episodeId: ep.id, questionId: id });
      if (first) {
        const second = await call(studio.host, 'question:air', { episodeId: ep.id, questionId: asked[3]! });
        expect(second.ok ? null : second.error.code).toBe('another_on_air');
        first = false;
      }
      await until(() => views.every((v) => v().questions.get(id)?.status === 'on_air'));
      for (const [by, text] of answers[id]!) {
        clock.advance(2);
        await must(studio.notulis, 'note:add', { episodeId: ep.id, questionId: id, by: by as never, text });
      }
      clock.advance(1);
      await must(studio.host, 'question:answered', { episodeId: ep.id, questionId: id });
    }
    await must(studio.notulis, 'closing:set', { episodeId: ep.id, speakerId: pakH, kind: 'points', points: ['Pilah sampah dari rumah.', 'Bank sampah adalah tabungan warga.'] });
    await must(studio.notulis, 'closing:set', { episodeId: ep.id, speakerId: buL, kind: 'paragraph', text: "Terima kasih, pendengar! Mari mampir ke bank sampah kami setiap Minggu pagi." });

    clock.advance(20);
    const ended = await api(studio.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: studio.hostCookie });
    expect(ended.status).toBe(200);
    await until(() => views.every((v) => v().episode.status === 'ended'));

    const files = await readdir(studio.server.transcriptsDir);
    expect(files).toEqual([ended.json.transcript]);
    expect(ended.json.transcript).toBe('2026-10-03_obrolan-pagi-warga-bertanya-pemerintah-menjawab_eps-12_sampah-pasar-dan-bank-sampah-desa.md');
    const archived = await readFile(join(studio.server.transcriptsDir, ended.json.transcript), 'utf8');
    const viaApi = await api(studio.url, `/api/episodes/${ep.id}/notula.md`, { cookie: studio.notulisCookie });
    expect(viaApi.text).toBe(archived);

    const golden = join('test/integration/golden/show.md');
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(golden, normalise(archived));
    expect(normalise(archived)).toBe(await readFile(golden, 'utf8'));
    // Asker names and callers never reach the published notula.
    for (const secret of ['Bu Sri', 'Dusun Krajan', 'Pak Slamet']) expect(archived).not.toContain(secret);

    // The archive re-imports elsewhere and exports to the same bytes, awkward text and all.
    await expectReimportsByteForByte(archived, ep.id);

    for (const p of people) p.socket.disconnect();
  });
});
