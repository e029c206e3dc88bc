// A message the gateway was answered 200 for is on disk: the process is SIGKILLed while
// texts keep coming, restarted on the same folder, and every acknowledged SMS question is
// there — and a retry of any of them after the restart creates nothing twice.
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, api, signIn } from '../support/server.ts';
import { spawnServer } from '../support/process.ts';
import { dataFolder, stopProcess } from '../support/integration.ts';
import { until } from '../support/until.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';
import { INTAKE_ENV, androidBody, postAndroid } from '../support/phone.ts';

const SENDERS = 20;
const EACH = 10;

describe('SIGKILL while SMS arrive', () => {
  const folder = dataFolder('intake-crash');

  it('keeps every SMS question the gateway was answered 200 for, and a retry after the restart adds nothing', async () => {
    const { env: dirs } = await folder();
    const env = { ...dirs, ADMIN_PASSWORD, ...INTAKE_ENV };
    const first = await spawnServer(env);
    const admin = await signIn(first.url);
    const ep = await createLiveEpisode(first.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const acked: string[] = [];
    const bodies = new Map<string, string>();
    let stopped = false;
    const senders = Array.from({ length: SENDERS }, async (_, s) => {
      for (let i = 0; i < EACH && !stopped; i++) {
        const text = `Pertanyaan ${s}-${i} dari pendengar tanpa kuota`;
        const body = androidBody({ from: `0812${String(10_000_000 + s)}`, text, messageId: `k${s}-${i}` });
        bodies.set(text, body);
        try {
          const r = await postAndroid(first.url, body);
          if (r.status === 200 && r.json.outcome === 'question') acked.push(text);
        } catch {
          return; // Killed before it answered: the gateway would retry, nothing was promised.
        }
      }
    });
    const target = Math.floor(SENDERS * EACH * (0.3 + Math.random() * 0.4));
    await until(() => acked.length >= target, `${target} acknowledged SMS`);
    await stopProcess(first.child, 'SIGKILL');
    stopped = true;
    await Promise.all(senders);
    const ackedAtKill = [...acked];
    expect(ackedAtKill.length).toBeLessThan(SENDERS * EACH);

    const second = await spawnServer(env);
    try {
      const admin2 = await signIn(second.url);
      const read = async () => ((await api(second.url, `/api/episodes/${ep.id}`, { cookie: admin2 })).json.questions as Array<{ text: string; channel: string }>);
      const texts = new Set((await read()).map((q) => q.text));
      for (const t of ackedAtKill) expect(texts.has(t), t).toBe(true);
      // The gateway retries every delivery it sent (answered or not): none is filed twice.
      for (const body of bodies.values()) expect((await postAndroid(second.url, body)).status).toBe(200);
      const after = await read();
      expect(after.length).toBe(new Set(after.map((q) => q.text)).size);
      expect(after.every((q) => q.channel === 'sms')).toBe(true);
      console.log(`SIGKILL while SMS arrive: ${JSON.stringify({ acknowledged: ackedAtKill.length, afterRestart: texts.size, afterRetries: after.length, sent: bodies.size })}`);
    } finally {
      await stopProcess(second.child);
    }
  }, 120_000);
});
