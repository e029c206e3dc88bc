// After the show, on a real server: the notulis corrects a heading, a note, a closing
// statement and the recording link; the archived notula in transcripts/ is rewritten under
// the same name with the correction and its edit log; a re-import gives the same file; a
// restart keeps it; roles without the right and bad links change nothing.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, call, listener, must, signIn, staffSocket } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { testClock } from '../support/clock.ts';

const RAW = 'SMS: pak, sampah pasar kpn diangkut?? sdh numpuk 3 hari <b>bau</b>';
const HEADING = 'Kapan sampah Pasar Mekarsari diangkut?';

describe('corrections after the show', () => {
  const clock = testClock('2026-10-03T12:00:00.000Z');
  let ep: { id: string; code: string };
  let qid = '';
  let nid = '';
  let speakers: { id: string; shortName: string }[] = [];

  async function transcriptFiles(): Promise<string[]> {
    return (await readdir(studio.server.transcriptsDir)).filter((f) => f.endsWith('.md')).sort();
  }

  const studio = studioServer({ now: clock.now });
  beforeAll(async () => {
    ep = await createLiveEpisode(studio.url, studio.hostCookie);
    for (const s of [studio.host, studio.screener, studio.notulis]) await joinStaff(s, ep.id);
    const q = await must(studio.screener, 'question:submit', { episodeId: ep.id, text: RAW, channel: 'sms', name: null, location: null });
    qid = q.id;
    clock.advance(2);
    await must(studio.host, 'question:air', { episodeId: ep.id, questionId: qid });
    const snap = await must(studio.notulis, 'episode:join', { episodeId: ep.id, as: 'staff' });
    speakers = (snap as { episode: { speakers: { id: string; shortName: string }[] } }).episode.speakers;
    const n = await must(studio.notulis, 'note:add', { episodeId: ep.id, questionId: qid, by: { kind: 'speakers', speakerIds: [speakers[0]!.id] }, text: 'Mulai besok diangkut dua kali sehari.' });
    nid = n.id;
    await must(studio.notulis, 'closing:set', { episodeId: ep.id, speakerId: speakers[1]!.id, kind: 'paragraph', text: 'Terima kasih pendengar.' });
    clock.advance(30);
    const ended = await api(studio.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: studio.hostCookie });
    expect(ended.status).toBe(200);
    clock.advance(24 * 60);
  });

  it('refuses listeners, screeners and planners, and a bad link, changing nothing', async () => {
    const before = await readFile(join(studio.server.transcriptsDir, (await transcriptFiles())[0]!), 'utf8');
    const { socket: l } = await listener(studio.url);
    await must(l, 'episode:join', { episodeId: ep.id });
    const r1 = await call(l, 'question:heading', { episodeId: ep.id, questionId: qid, heading: 'x' });
    expect(r1.ok || r1.error.code).toBe('not_signed_in');
    l.disconnect();
    const made = await api(studio.url, '/api/staff', { method: 'POST', cookie: studio.admin, body: { username: 'perencana', name: 'Perencana', role: 'planner', password: 'sandi-planner-123' } });
    expect(made.status).toBe(201);
    const planner = await staffSocket(studio.url, await signIn(studio.url, 'perencana', 'sandi-planner-123'));
    for (const s of [studio.screener, planner]) {
      for (const [event, payload] of [
        ['question:heading', { episodeId: ep.id, questionId: qid, heading: 'x' }],
        ['episode:recording', { episodeId: ep.id, recordingUrl: 'https://example.org/r.mp3' }],
        ['note:edit', { episodeId: ep.id, noteId: nid, by: { kind: 'none' }, text: 'palsu' }],
        ['closing:set', { episodeId: ep.id, speakerId: speakers[1]!.id, kind: 'paragraph', text: 'palsu' }],
      ] as const) {
        const r = await call(s, event, payload as never);
        expect(r.ok || r.error.code, event).toBe('not_allowed');
      }
    }
    planner.disconnect();
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>1</script>', 'http://x.example/"onmouseover=1']) {
      const r = await call(studio.notulis, 'episode:recording', { episodeId: ep.id, recordingUrl: bad });
      expect(r.ok || r.error.code).toBe('invalid_payload');
    }
    const noop = await call(studio.notulis, 'episode:recording', { episodeId: ep.id, recordingUrl: 'https://example.org/rekaman/obrolan-pagi-12' });
    expect(noop.ok || noop.error.code).toBe('no_change');
    // Deletion stays a live-only action.
    const del = await call(studio.notulis, 'note:delete', { episodeId: ep.id, noteId: nid });
    expect(del.ok || del.error.code).toBe('episode_ended');
    const files = await transcriptFiles();
    expect(files).toHaveLength(1);
    expect(await readFile(join(studio.server.transcriptsDir, files[0]!), 'utf8')).toBe(before);
    const e = await api(studio.url, `/api/episodes/${ep.id}`, { cookie: studio.hostCookie });
    expect(e.json.edits).toEqual([]);
  });

  it('rewrites the same transcripts/ file with the corrections and the edit log; re-import and restart keep it', async () => {
    const [name] = await transcriptFiles();
    const delta = new Promise<unknown>((resolve) => studio.host.on('episode:delta', (d) => { if (d.edits?.length === 4) resolve(d.edits); }));
    await must(studio.notulis, 'question:heading', { episodeId: ep.id, questionId: qid, heading: HEADING });
    clock.advance(1);
    await must(studio.notulis, 'note:edit', { episodeId: ep.id, noteId: nid, by: { kind: 'speakers', speakerIds: [speakers[0]!.id] }, text: 'Mulai besok sampah pasar diangkut dua kali sehari.' });
    clock.advance(1);
    await must(studio.notulis, 'episode:recording', { episodeId: ep.id, recordingUrl: 'https://arsip.example.org/obrolan-pagi-12-lengkap.mp3' });
    clock.advance(1);
    await must(studio.host, 'closing:reassign', { episodeId: ep.id, speakerId: speakers[1]!.id, toSpeakerId: speakers[0]!.id });
    // The host's console follows by itself.
    expect(await delta).toHaveLength(4);

    const files = await transcriptFiles();
    expect(files).toEqual([name]);
    const md = await readFile(join(studio.server.transcriptsDir, name!), 'utf8');
    // Kept for people to read (test-output/ is git-ignored).
    await mkdir('test-output', { recursive: true });
    await writeFile(join('test-output', `corrected-${name}`), md);
    expect(md).toContain(`\n### ${HEADING}\n`);
    expect(md).not.toContain('### SMS:');
    expect(md).toContain('**Pak Haryanto:** Mulai besok sampah pasar diangkut dua kali sehari.');
    expect(md).toContain('(https://arsip.example.org/obrolan-pagi-12-lengkap.mp3)');
    expect(md).toContain('_Diperbarui Minggu, 4 Oktober 2026 19.35 WIB (4 koreksi)_');
    expect(md).toMatch(/\nedits:\n {2}- \{"at":"2026-10-04T12:32:00.000Z","by":"notulis","role":"notulis","field":"question.heading","target":"[^"]+","before":"SMS: pak, sampah pasar kpn diangkut\?\? sdh numpuk 3 hari <b>bau<\/b>","after":"Kapan sampah Pasar Mekarsari diangkut\?"\}\n/);
    expect(md).toContain('"field":"closing.speaker"');
    // The public notula is the same Markdown; its HTML shows the heading and the "updated" line.
    const pub = await api(studio.url, `/api/episodes/${ep.id}/notula.md`);
    expect(pub.text).toBe(md);
    const html = await api(studio.url, `/api/episodes/${ep.id}/notula.html`);
    expect(html.text).toContain(`<h3>${HEADING}</h3>`);
    expect(html.text).toContain('Diperbarui');
    expect(html.text).not.toContain('<b>bau</b>');

    // Audit: every correction is a staff action on disk.
    await studio.server.app.audit.flush();
    const audit = await readFile(join(studio.server.dataDir, 'audit.jsonl'), 'utf8');
    for (const action of ['question:heading', 'note:edit', 'episode:recording', 'closing:reassign']) expect(audit).toContain(`"action":"${action}"`);

    // A restart keeps the corrected file and the episode's edit log.
    await studio.restart();
    expect(await transcriptFiles()).toEqual([name]);
    expect(await readFile(join(studio.server.transcriptsDir, name!), 'utf8')).toBe(md);
    const afterRestart = await api(studio.url, `/api/episodes/${ep.id}/notula.md`);
    expect(afterRestart.text).toBe(md);
    const staffView = await api(studio.url, `/api/episodes/${ep.id}`, { cookie: studio.hostCookie });
    expect(staffView.json.edits).toHaveLength(4);
    expect(staffView.json.questions.find((q: { id: string }) => q.id === qid)).toMatchObject({ text: RAW, heading: HEADING });

    // Two corrections sent at once: still one file, holding both.
    const notulis = await staffSocket(studio.url, studio.notulisCookie);
    clock.advance(1);
    await Promise.all([
      must(notulis, 'question:heading', { episodeId: ep.id, questionId: qid, heading: `${HEADING} (Pasar Mekarsari)` }),
      must(notulis, 'episode:recording', { episodeId: ep.id, recordingUrl: 'https://arsip.example.org/obrolan-pagi-12.ogg' }),
    ]);
    notulis.disconnect();
    // Both rewrites succeeded (they would share one temp file if they ran side by side).
    expect(studio.server.logs.filter((l) => l.includes('could not rewrite transcript'))).toEqual([]);
    expect(await transcriptFiles()).toEqual([name]);
    const twice = await readFile(join(studio.server.transcriptsDir, name!), 'utf8');
    expect(twice).toContain(`### ${HEADING} (Pasar Mekarsari)`);
    expect(twice).toContain('(https://arsip.example.org/obrolan-pagi-12.ogg)');
    expect(twice).toContain('(6 koreksi)');

    // Re-import (after removing the episode) gives back the same file.
    const del = await api(studio.url, `/api/episodes/${ep.id}`, { method: 'DELETE', cookie: studio.admin });
    expect(del.status).toBe(204);
    const imp = await fetch(`${studio.url}/api/transcripts`, { method: 'POST', headers: { 'content-type': 'text/markdown', cookie: studio.admin, origin: studio.url }, body: twice });
    expect(imp.status).toBe(201);
    const again = await api(studio.url, `/api/episodes/${ep.id}/notula.md`);
    expect(again.text).toBe(twice);
  });
});
