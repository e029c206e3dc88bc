// The listener page's HTML carries the public snapshot (for slow 3G) and nothing more.
import { describe, expect, it } from 'vitest';
import { listener, must } from '../support/server.ts';
import { SHOW_EPISODE, createLiveEpisode } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { listenerSnapshot } from '../../server/domain/views.ts';

describe('GET /j/:code', () => {
  const studio = studioServer();

  it('embeds the listener snapshot, escaped, without pending questions', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const asker = (await listener(studio.url)).socket;
    const shown = await must(asker, 'question:ask', { episodeId: ep.id, text: '</script><script>window.pwned=1</script> \u2028 boleh?' });
    await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: shown.id });
    await must(asker, 'question:ask', { episodeId: ep.id, text: 'MASIH-MENUNGGU' });
    asker.disconnect();

    const res = await fetch(`${studio.url}/j/${ep.code.toLowerCase()}`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    const m = /<script type="application\/json" id="kentongan-snapshot">(.*?)<\/script>/s.exec(html);
    expect(m).not.toBeNull();
    expect(m![1]).not.toContain('<');
    const data = JSON.parse(m![1]!);
    expect(data.code).toBe(ep.code);
    expect(data.snapshot.questions.map((q: { text: string }) => q.text)).toEqual([shown.text]);
    expect(data.snapshot.mine).toEqual([]);
    expect(data.snapshot.myVotes).toEqual([]);
    expect(html).not.toContain('MASIH-MENUNGGU');
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/[^"]+\.js">/);
  });

  it('embeds a title and question with $` $& $\' intact: the JSON parses and equals the snapshot', async () => {
    // String.replace reads "$`" in its replacement as "the HTML before </head>", "$&" as
    // "</head>": the page then carried the head twice and raw JSON in the body.
    const tricky = 'Harga $` naik $& turun $\' $$ $1';
    const ep = await createLiveEpisode(studio.url, studio.hostCookie, { ...SHOW_EPISODE, title: `Pasar ${tricky}` });
    const asker = (await listener(studio.url)).socket;
    const q = await must(asker, 'question:ask', { episodeId: ep.id, text: `Kenapa ${tricky}?` });
    await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    asker.disconnect();

    const html = await (await fetch(`${studio.url}/j/${ep.code}`)).text();
    const scripts = html.match(/<script type="application\/json" id="kentongan-snapshot">/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(html.match(/<\/head>/g)).toHaveLength(1);
    const m = /<script type="application\/json" id="kentongan-snapshot">(.*?)<\/script><\/head>/s.exec(html);
    expect(m).not.toBeNull();
    const data = JSON.parse(m![1]!);
    const e = studio.server.app.store.byCode(ep.code)!;
    // The sequence number may move on with a delta tick after the page was served.
    // The page carries the same shared part the socket join sends: the queue's first page and the polls (none here).
    expect(data).toEqual({ code: ep.code, snapshot: { ...listenerSnapshot(e, '', data.snapshot.seq), polls: [] } });
    expect(data.snapshot.episode.title).toBe(`Pasar ${tricky}`);
    expect(data.snapshot.questions[0].text).toBe(`Kenapa ${tricky}?`);
  });

  it('serves the plain page for an unknown code', async () => {
    const html = await (await fetch(`${studio.url}/j/TIDAKADA`)).text();
    expect(html).toContain('<div id="app">');
    expect(html).not.toContain('kentongan-snapshot');
  });
});
