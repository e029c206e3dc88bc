// The outbox with the real senders against stand-ins for the phone and the Graph API, and
// timers moved by hand: order and pacing per gateway, retries and their pauses, what the
// screener's health shows, BERHENTI, and a clean stop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../server/intake/outbox.ts';
import type { OutboxOptions, ReplyOutcome } from '../../server/intake/outbox.ts';
import { smsGatewaySender, whatsAppSender } from '../../server/intake/senders.ts';
import type { Sender } from '../../server/intake/senders.ts';
import type { Gateway } from '../../server/contract/intake.ts';
import { fitsOneSms } from '../../server/domain/intake/sms-length.ts';
import { deferred, standIn } from '../support/stand-in.ts';
import type { StandIn } from '../support/stand-in.ts';
import { manualScheduler } from '../support/scheduler.ts';
import { until } from '../support/until.ts';

const A = '081234565432';
const B = '081398761111';

let phone: StandIn;
let graph: StandIn;
let clock: ReturnType<typeof manualScheduler>;
let settled: ReplyOutcome[];
let logged: string[];
let stopped: Set<string>;
let outbox: Outbox;
let senders: Partial<Record<Gateway, Sender>>;

function make(options: Partial<OutboxOptions> = {}, timeoutMs?: number): Outbox {
  senders = {
    android: smsGatewaySender({ url: phone.url.replace('//', '//sms:rahasia@'), timeoutMs }),
    whatsapp: whatsAppSender({ token: 'token-rahasia', apiBase: graph.url, timeoutMs }),
  };
  outbox = new Outbox({
    sender: (g) => senders[g] ?? null,
    mayReply: (to) => !stopped.has(to),
    now: clock.now,
    scheduler: clock,
    backoffMs: [1_000, 5_000],
    onSettled: (o) => settled.push(o),
    log: (l) => logged.push(l),
    ...options,
  });
  return outbox;
}

const texts = (s: StandIn) => s.requests.map((r) => (r.json as { textMessage: { text: string } }).textMessage.text);

beforeEach(async () => {
  phone = await standIn();
  graph = await standIn();
  clock = manualScheduler();
  settled = [];
  logged = [];
  stopped = new Set();
});
afterEach(async () => {
  // Closed first, so a stand-in that hangs up does not count as a failure to retry.
  const closing = outbox?.close();
  await phone.close();
  await graph.close();
  await closing;
});

describe('Outbox', () => {
  it('sends a reply through its gateway, cut to one SMS, and shows when in the health', async () => {
    make();
    const long = `Pertanyaan Anda diterima, nomor 12. ${'Terima kasih sudah ikut Dialog Pagi bersama Pak Camat. '.repeat(4)}`;
    const q = outbox.reply('android', A, long);
    expect(q.ok).toBe(true);
    expect(outbox.pending()).toBe(1);
    await until(() => settled.length === 1);
    expect(settled[0]).toEqual({ id: q.ok && q.id, gateway: 'android', to: A, sent: true, error: null });
    const sent = texts(phone)[0]!;
    expect(fitsOneSms(sent)).toBe(true);
    expect(sent.startsWith('Pertanyaan Anda diterima, nomor 12.')).toBe(true);
    expect(sent.endsWith('...')).toBe(true);
    expect(outbox.pending()).toBe(0);
    expect(outbox.health('android')).toEqual({ lastReplyAt: '2026-12-03T12:00:00.000Z', lastErrorAt: null, lastError: null });
    expect(outbox.health('whatsapp').lastReplyAt).toBeNull();
  });

  it('sends one at a time per gateway, in order, while another gateway goes on', async () => {
    let open = 0;
    let most = 0;
    const gates = [deferred(), deferred(), deferred()];
    phone.answer(async (_r, i) => {
      most = Math.max(most, ++open);
      await gates[i]!.promise;
      open--;
      return { status: 202, body: {} };
    });
    make();
    for (const t of ['satu', 'dua', 'tiga']) outbox.reply('android', A, t);
    outbox.reply('whatsapp', B, 'lewat WhatsApp', { phoneNumberId: '1' });
    await phone.received(1);
    // The WhatsApp reply does not wait behind the phone…
    await until(() => settled.some((s) => s.gateway === 'whatsapp'));
    // …and by then a phone taking them all at once would have all three.
    expect(phone.requests).toHaveLength(1);
    expect(outbox.pending()).toBe(3);
    gates[0]!.resolve();
    await phone.received(2);
    gates[1]!.resolve();
    await phone.received(3);
    gates[2]!.resolve();
    await until(() => settled.length === 4);
    expect(texts(phone)).toEqual(['satu', 'dua', 'tiga']);
    expect(most).toBe(1);
  });

  it('tries a failing gateway again after each pause, then drops the reply with the error in the health', async () => {
    phone.answer((r) => (((r.json as { textMessage: { text: string } }).textMessage.text === 'kedua') ? { status: 202 } : { status: 503, body: { message: 'queue' } }));
    make();
    outbox.reply('android', A, 'pertama');
    outbox.reply('android', B, 'kedua');
    await until(() => clock.waiting().length === 1);
    expect(phone.requests).toHaveLength(1);
    expect(clock.waiting()).toEqual([1_000]);
    expect(outbox.health('android')).toMatchObject({ lastErrorAt: '2026-12-03T12:00:00.000Z', lastError: 'Gateway bermasalah (HTTP 503): queue' });

    clock.advance(999);
    expect(phone.requests).toHaveLength(1);
    clock.advance(1);
    await phone.received(2);
    await until(() => clock.waiting().length === 1);
    expect(clock.waiting()).toEqual([5_000]);
    clock.advance(5_000);
    await phone.received(3);
    // Out of retries: dropped, and the next reply, which waited behind it, goes.
    await until(() => settled.length === 2);
    expect(settled.map((s) => [s.to, s.sent, s.error])).toEqual([[A, false, 'Gateway bermasalah (HTTP 503): queue'], [B, true, null]]);
    expect(texts(phone)).toEqual(['pertama', 'pertama', 'pertama', 'kedua']);
    // One id across the tries, so a phone that did take an earlier one answers 409.
    const ids = phone.requests.slice(0, 3).map((r) => (r.json as { id: string }).id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(clock.waiting()).toEqual([]);
    expect(logged).toEqual(['kentongan: balasan android ke 0812-••••-5432 tidak terkirim: Gateway bermasalah (HTTP 503): queue']);
    const h = outbox.health('android');
    expect(h.lastReplyAt).toBe('2026-12-03T12:00:06.000Z');
    expect(h.lastErrorAt).toBe('2026-12-03T12:00:06.000Z');
  });

  it('a gateway that comes back sends the reply on the next try', async () => {
    phone.answer((_r, i) => (i === 0 ? { status: 500 } : { status: 202 }));
    make();
    outbox.reply('android', A, 'halo');
    await until(() => clock.waiting().length === 1);
    clock.advance(1_000);
    await until(() => settled.length === 1);
    expect(settled[0]).toMatchObject({ sent: true });
    expect(outbox.health('android')).toEqual({ lastReplyAt: '2026-12-03T12:00:01.000Z', lastErrorAt: '2026-12-03T12:00:00.000Z', lastError: 'Gateway bermasalah (HTTP 500)' });
  });

  it('drops a refused reply at once, without retrying', async () => {
    graph.answer(() => ({ status: 400, body: { error: { code: 131047, message: 'Re-engagement message' } } }));
    make();
    outbox.reply('whatsapp', B, 'balasan screener', { phoneNumberId: '1' });
    await until(() => settled.length === 1);
    expect(settled[0]!.error).toMatch(/^Lewat 24 jam/);
    expect(graph.requests).toHaveLength(1);
    expect(clock.waiting()).toEqual([]);
    expect(outbox.health('whatsapp').lastError).toMatch(/^Lewat 24 jam/);
  });

  it('a gateway that never answers times out into the health', async () => {
    phone.answer(() => 'hang');
    make({ backoffMs: [] }, 100);
    outbox.reply('android', A, 'halo');
    await until(() => settled.length === 1);
    expect(outbox.health('android').lastError).toMatch(/^Gateway tidak menjawab dalam 0,1 detik \(127\.0\.0\.1:\d+\)$/);
  });

  it('never replies to a number that sent BERHENTI, even one that stops while its reply waits', async () => {
    const gate = deferred();
    phone.answer(async () => {
      await gate.promise;
      return { status: 202 };
    });
    make();
    stopped.add(B);
    expect(outbox.reply('android', B, 'x')).toEqual({ ok: false, reason: 'stopped' });
    stopped.delete(B);
    outbox.reply('android', A, 'untuk A');
    outbox.reply('android', B, 'untuk B');
    await phone.received(1);
    stopped.add(B);
    gate.resolve();
    await until(() => settled.length === 2);
    expect(texts(phone)).toEqual(['untuk A']);
    expect(settled[1]).toMatchObject({ to: B, sent: false, error: 'Nomor ini sudah mengirim BERHENTI' });
    expect(logged).toEqual([]);
    expect(outbox.health('android').lastError).toBeNull();
  });

  it('refuses what it cannot send, and bounds each queue', async () => {
    phone.answer(() => 'hang');
    make({ maxQueue: 2 });
    expect(outbox.reply('modem', A, 'x')).toEqual({ ok: false, reason: 'no_sender' });
    expect(outbox.reply('android', A, '   ')).toEqual({ ok: false, reason: 'empty' });
    expect(outbox.reply('android', A, '1').ok).toBe(true);
    expect(outbox.reply('android', A, '2').ok).toBe(true);
    expect(outbox.reply('android', A, '3')).toEqual({ ok: false, reason: 'full' });
    expect(outbox.reply('whatsapp', A, '3', { phoneNumberId: '1' }).ok).toBe(true);
  });

  it('drops a reply that waited too long, and one whose gateway was switched off meanwhile', async () => {
    const gate = deferred();
    phone.answer(async (_r, i) => {
      if (i === 0) await gate.promise;
      return { status: 202 };
    });
    make({ maxAgeMs: 10 * 60_000 });
    outbox.reply('android', A, 'lama');
    outbox.reply('android', B, 'terlambat');
    await phone.received(1);
    clock.advance(11 * 60_000);
    gate.resolve();
    await until(() => settled.length === 2);
    expect(settled[1]).toMatchObject({ to: B, sent: false, error: 'Balasan dibatalkan: lebih dari 10 menit menunggu gateway' });
    expect(phone.requests).toHaveLength(1);

    phone.answer(() => ({ status: 500 }));
    outbox.reply('android', A, 'tanpa gateway');
    await until(() => clock.waiting().length === 1);
    delete senders.android;
    clock.advance(1_000);
    await until(() => settled.length === 3);
    expect(settled[2]).toMatchObject({ sent: false, error: 'Gateway balasan belum diatur' });
    expect(outbox.health('android').lastError).toBe('Gateway balasan belum diatur');
  });

  it('shows an unexpected failure without its message, which may say anything', async () => {
    make();
    senders.android = { send: () => Promise.reject(new TypeError('boom token-rahasia')) };
    outbox.reply('android', A, 'x');
    await until(() => settled.length === 1);
    expect(outbox.health('android').lastError).toBe('Balasan gagal dikirim (kesalahan di server)');
    expect(logged.join('\n')).not.toContain('token-rahasia');
  });

  describe('close()', () => {
    it('waits for a send under way, drops what waits and stops the pauses', async () => {
      const gate = deferred();
      const order: string[] = [];
      phone.answer(async () => {
        await gate.promise;
        order.push('answered');
        return { status: 202 };
      });
      graph.answer(() => ({ status: 503 }));
      make({ closeTimeoutMs: 7_000 });
      outbox.reply('android', A, 'sedang dikirim');
      outbox.reply('android', B, 'menunggu');
      outbox.reply('whatsapp', B, 'akan dicoba lagi', { phoneNumberId: '1' });
      await phone.received(1);
      await until(() => clock.waiting().length === 1);
      const closing = outbox.close().then(() => order.push('closed'));
      expect(clock.waiting()).toEqual([7_000]); // WhatsApp's pause is gone; what is left is close's bound
      gate.resolve();
      await closing;
      expect(order).toEqual(['answered', 'closed']);
      expect(settled.map((s) => s.sent)).toEqual([true]);
      expect(outbox.pending()).toBe(0);
      expect(clock.waiting()).toEqual([]);
      expect(graph.requests).toHaveLength(1);
      expect(logged).toEqual(['kentongan: 2 balasan belum terkirim dan hilang karena server berhenti']);
      expect(outbox.reply('android', A, 'x')).toEqual({ ok: false, reason: 'closed' });
    });

    it('waits no longer than its bound for a send that hangs', async () => {
      phone.answer(() => 'hang');
      make({ closeTimeoutMs: 2_000 });
      outbox.reply('android', A, 'x');
      await phone.received(1);
      let done = false;
      const closing = outbox.close().then(() => (done = true));
      expect(clock.waiting()).toEqual([2_000]);
      clock.advance(1_999);
      await Promise.resolve();
      expect(done).toBe(false);
      clock.advance(1);
      await closing;
      expect(done).toBe(true);
    });
  });
});
