import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { nanoid } from 'nanoid';
import { parseMessage } from '../domain/intake/keywords.ts';
import type { Intent } from '../domain/intake/keywords.ts';
import { reply, showName } from '../domain/intake/replies.ts';
import { matchDesa } from '../domain/intake/desa.ts';
import { maskPhone } from '../domain/intake/phone.ts';
import { effective, settingsView, changeSettings } from '../domain/intake/settings.ts';
import type { Settings } from '../domain/intake/settings.ts';
import { phoneListenerId } from '../intake/identity.ts';
import { askQuestion, questionByNumber } from '../domain/question.ts';
import { applyVote } from '../domain/vote.ts';
import { answerPoll, pollsOf } from '../domain/poll.ts';
import { joinListener } from '../domain/episode.ts';
import { aspirationByNumber, supportAspiration, textedAspiration } from '../domain/aspiration.ts';
import { ok } from '../domain/result.ts';
import { desaName } from '../domain/district.ts';
import { GATEWAYS } from '../contract/intake.ts';
import type { Gateway, GatewayHealth, IntakeHealth, IntakePublic, IntakeSettingsInput, IntakeSettingsView } from '../contract/intake.ts';
import { KEYWORD_GUIDE } from '../contract/intake.ts';
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import type { Actor, Channel, Episode, Id } from '../contract/types.ts';
import type { EpisodeService } from './episode-service.ts';
import type { AspirationService } from './aspiration-service.ts';
import type { IntakeStore } from '../store/intake.ts';
import type { PendingCaps } from '../domain/question.ts';

/** A text message as a webhook route hands it over, already verified. */
export interface Inbound {
  gateway: Gateway;
  /** The sender as the gateway wrote it ("+6281234565432", "6281234565432"). */
  from: string;
  /** null: not a text (a WhatsApp photo, a sticker): it gets a polite reply. */
  text: string | null;
  /** What makes a delivery unique (device, message id, time); null: cannot tell retries apart. */
  key: string | null;
  /** WhatsApp: the business number that received it, which the reply goes out from. */
  phoneNumberId?: string;
}

export interface Handled {
  /** What the message became, for the gateway's log and the tests. */
  outcome: Intent['kind'] | 'duplicate' | 'throttled' | 'not_live' | 'not_text' | 'refused' | 'not_a_number';
  /** The reply, also when it went to the outbox; null when none is due (duplicate, BERHENTI'd sender). */
  reply: string | null;
  /** The question or usulan made or backed, for tests and the log. */
  ref?: { questionId?: Id; aspirationId?: Id; number?: number };
}

/** Where replies go: the outbox (intake/outbox.ts) for the phone gateway and WhatsApp. */
export interface ReplySink {
  send(gateway: Gateway, to: string, text: string, meta?: { phoneNumberId?: string; id?: string }): void;
  /** The last reply sent and the last failure, per gateway. */
  health(gateway: Gateway): { lastReplyAt: string | null; lastErrorAt: string | null; lastError: string | null };
  pending(): number;
}

export interface IntakeServiceDeps {
  store: IntakeStore;
  episodes: EpisodeService;
  aspirations: AspirationService;
  /** The listener secret: the key of the phone hashes. */
  secret: string;
  replies: ReplySink;
  env?: Record<string, string | undefined>;
  now?: () => number;
  log?: (line: string) => void;
  pendingCaps?: PendingCaps;
  /** Messages per number per minute (default 10): a flood is throttled without slowing others. */
  perNumber?: { points: number; seconds: number };
}

/** How long a WhatsApp conversation stays open for free replies (the Cloud API's rule). */
const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

/** Texted questions whose sender the screener can still answer (memory only). */
const MAX_SENDERS = 20_000;

const CHANNEL: Record<Gateway, Channel> = { android: 'sms', modem: 'sms', whatsapp: 'whatsapp' };

interface Sender {
  gateway: Gateway;
  /** The phone hash: BERHENTI drops its senders without hashing every kept number again. */
  listenerId: Id;
  to: string;
  phoneNumberId?: string;
  at: number;
}

/**
 * Text messages into the show: one door for the three gateways. Each message is checked
 * for a retry, throttled per number, parsed (domain/intake/keywords.ts) and applied to the
 * live episode through the same services and rules as the listener page, then answered.
 * A number is kept only as its keyed hash on disk; the screener's reply needs the number,
 * so it is held in memory only, for the question it came with (lost on restart, by design).
 */
export class IntakeService {
  readonly #limiter: RateLimiterMemory;
  /** Numbers told "too many" in the current window, so a flood costs one reply, not a hundred. */
  readonly #throttleTold = new Map<Id, number>();
  /** Deliveries being handled now: a retry racing its original waits for nothing and creates nothing. */
  readonly #inFlight = new Set<string>();
  /** Question id → who sent it (memory only). */
  readonly #senders = new Map<Id, Sender>();
  /** Listener id → the id of the goodbye reply to its BERHENTI, the one reply it may still get. */
  readonly #farewell = new Map<Id, string>();
  /** The last modem answer that carried a reply (the script sends it; the outbox never sees it). */
  #modemReplyAt: string | null = null;
  /** Listener id → the last WhatsApp message (the 24-hour window). */
  readonly #lastWhatsApp = new Map<Id, number>();

  constructor(private deps: IntakeServiceDeps) {
    const per = deps.perNumber ?? { points: 10, seconds: 60 };
    this.#limiter = new RateLimiterMemory({ keyPrefix: 'sms', points: per.points, duration: per.seconds });
  }

  #now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  get settings(): Settings {
    return effective(this.deps.store.data.settings, this.deps.env ?? {}).settings;
  }

  settingsView(): IntakeSettingsView {
    const { settings, fromEnvironment } = effective(this.deps.store.data.settings, this.deps.env ?? {});
    return settingsView(settings, fromEnvironment);
  }

  async changeSettings(input: IntakeSettingsInput): Promise<{ ok: true; value: IntakeSettingsView } | { ok: false; error: DomainError }> {
    const { fromEnvironment } = effective(this.deps.store.data.settings, this.deps.env ?? {});
    if (input.episodeId && !this.deps.episodes.find(input.episodeId)) return fail('episode_not_found');
    const next = changeSettings(this.deps.store.data.settings, input, fromEnvironment);
    if (!next.ok) return next;
    const before = this.deps.store.data.settings;
    this.deps.store.data.settings = next.value as Record<string, string | null>;
    try {
      await this.deps.store.commit();
    } catch {
      this.deps.store.data.settings = before;
      return fail('not_saved');
    }
    return { ok: true, value: this.settingsView() };
  }

  health(): IntakeHealth {
    const s = this.settings;
    const configured: Record<Gateway, boolean> = { android: Boolean(s.smsSecret), modem: Boolean(s.modemSecret), whatsapp: Boolean(s.whatsappAppSecret && s.whatsappVerifyToken) };
    const replies: Record<Gateway, boolean> = { android: Boolean(s.smsGatewayUrl), modem: true, whatsapp: Boolean(s.whatsappToken) };
    const gateways: GatewayHealth[] = GATEWAYS.map((g) => {
      const kept = this.deps.store.data.health[g];
      const out = this.deps.replies.health(g);
      // The later of an inbound problem (a bad signature) and a failed reply.
      const inboundLater = (kept?.lastErrorAt ?? '') > (out.lastErrorAt ?? '');
      return {
        gateway: g, configured: configured[g], replies: replies[g],
        lastMessageAt: kept?.lastMessageAt ?? null, lastReplyAt: g === 'modem' ? this.#modemReplyAt : out.lastReplyAt,
        lastErrorAt: inboundLater ? kept!.lastErrorAt : out.lastErrorAt,
        lastError: inboundLater ? kept!.lastError : out.lastError,
      };
    });
    return { gateways, outbox: this.deps.replies.pending() };
  }

  publicInfo(): IntakePublic {
    const s = this.settings;
    const open = Boolean(s.smsSecret || s.modemSecret || (s.whatsappAppSecret && s.whatsappVerifyToken));
    return { smsNumber: s.smsNumber ?? null, whatsappNumber: s.whatsappNumber ?? null, open, keywords: KEYWORD_GUIDE };
  }

  /** A refused webhook (bad signature, stale time) is worth a line in the screener's health panel. */
  noteRefusal(gateway: Gateway, why: string): void {
    const h = (this.deps.store.data.health[gateway] ??= { lastMessageAt: null, lastErrorAt: null, lastError: null });
    h.lastErrorAt = new Date(this.#now()).toISOString();
    h.lastError = why;
    // Not awaited: a refusal changes nothing that must survive; the next write carries it.
  }

  /** Has this delivery been taken already (a gateway's retry)? */
  seen(key: string): boolean {
    return Object.hasOwn(this.deps.store.data.seen, key) || this.#inFlight.has(key);
  }

  async receive(m: Inbound): Promise<Handled> {
    if (m.key !== null && this.seen(m.key)) return { outcome: 'duplicate', reply: null };
    if (m.key !== null) this.#inFlight.add(m.key);
    try {
      const handled = await this.#handle(m);
      await this.#record(m);
      if (m.gateway === 'modem' && handled.reply !== null) this.#modemReplyAt = new Date(this.#now()).toISOString();
      return handled;
    } finally {
      if (m.key !== null) this.#inFlight.delete(m.key);
    }
  }

  /** The delivery's key and the gateway's last message, on disk before the gateway hears 200. */
  async #record(m: Inbound): Promise<void> {
    const at = new Date(this.#now()).toISOString();
    const data = this.deps.store.data;
    if (m.key !== null) data.seen[m.key] = at;
    const h = (data.health[m.gateway] ??= { lastMessageAt: null, lastErrorAt: null, lastError: null });
    h.lastMessageAt = at;
    this.deps.store.prune(this.#now());
    await this.deps.store.commit();
  }

  async #handle(m: Inbound): Promise<Handled> {
    const listenerId = phoneListenerId(this.deps.secret, m.from);
    // "MyTelkomsel", "AXIS", a short code: an operator's broadcast, not a listener.
    if (!listenerId) return { outcome: 'not_a_number', reply: null };
    const stopped = this.deps.store.data.stopped.includes(listenerId);
    const answer = (h: Handled): Handled => {
      if (h.reply !== null && !stopped && m.gateway !== 'modem') this.deps.replies.send(m.gateway, m.from, h.reply, { phoneNumberId: m.phoneNumberId });
      return stopped ? { ...h, reply: null } : h;
    };
    if (m.gateway === 'whatsapp') this.#lastWhatsApp.set(listenerId, this.#now());

    const throttled = await this.#throttle(listenerId);
    if (throttled) return answer({ outcome: 'throttled', reply: throttled === 'tell' ? reply.throttled() : null });
    if (m.text === null) return answer({ outcome: 'not_text', reply: reply.notText() });

    const intent = parseMessage(m.text);
    if (intent.kind === 'stop') return this.#stop(listenerId, m);
    if (intent.kind === 'start') {
      this.deps.store.data.stopped = this.deps.store.data.stopped.filter((id) => id !== listenerId);
      this.#farewell.delete(listenerId);
      await this.deps.store.commit();
      const h = { outcome: 'start' as const, reply: reply.started() };
      if (m.gateway !== 'modem') this.deps.replies.send(m.gateway, m.from, h.reply, { phoneNumberId: m.phoneNumberId });
      return h;
    }
    const e = this.liveEpisode();
    if (!e) return answer({ outcome: 'not_live', reply: reply.notLive(this.#nextShow(), 'Asia/Jakarta') });
    const actor: Actor = { kind: 'listener', listenerId };
    const h = await this.#apply(e, actor, intent, m);
    if (h.ref?.questionId && h.outcome === 'question') {
      this.#senders.set(h.ref.questionId, { gateway: m.gateway, listenerId: actor.listenerId, to: m.from, phoneNumberId: m.phoneNumberId, at: this.#now() });
      // A long day of shows: the oldest senders go first (a Map keeps insertion order).
      if (this.#senders.size > MAX_SENDERS) this.#senders.delete(this.#senders.keys().next().value!);
    }
    return answer(h);
  }

  async #apply(e: Episode, actor: Actor & { kind: 'listener' }, intent: Exclude<Intent, { kind: 'stop' | 'start' }>, m: Inbound): Promise<Handled> {
    const channel = CHANNEL[m.gateway];
    const refused = (error: DomainError): Handled => ({ outcome: 'refused', reply: reply.refused(e, error) });
    switch (intent.kind) {
      case 'empty':
        return { outcome: 'empty', reply: reply.empty(e) };
      case 'incomplete':
        return { outcome: 'incomplete', reply: reply.hint(e, intent.hint) };
      case 'question': {
        const out = await this.deps.episodes.run(e.id, (ep, c) => {
          // A texter is a listener of the show: counted once, like a page that joined.
          const joined = joinListener(ep, actor.listenerId);
          const asked = askQuestion(ep, actor, { text: intent.text }, c, this.deps.pendingCaps, { channel, senderMask: maskPhone(m.from) });
          if (!asked.ok) return asked;
          return ok(asked.value, [...(joined.ok ? joined.changes : []), ...asked.changes]);
        }, (q) => ({ id: q.id, number: q.number, status: q.status }));
        if (!out.ok) return refused(out.error);
        return { outcome: 'question', reply: reply.question(e, out.value.number, out.value.status === 'pending'), ref: { questionId: out.value.id, number: out.value.number } };
      }
      case 'poll': {
        const poll = pollsOf(e).find((p) => p.status === 'open');
        if (!poll) return { outcome: 'refused', reply: reply.noPoll(e) };
        if (intent.option > poll.options.length) return { outcome: 'refused', reply: reply.noOption(e, poll.options.length) };
        const out = await this.deps.episodes.run(e.id, (ep, c) => answerPoll(ep, actor, poll.id, intent.option - 1, c));
        if (!out.ok) return refused(out.error);
        return { outcome: 'poll', reply: reply.poll(e, intent.option, poll.options[intent.option - 1]!) };
      }
      case 'usulan': {
        const match = matchDesa(this.deps.aspirations.district, intent.desa);
        if (match.kind === 'ambiguous') return { outcome: 'refused', reply: reply.ambiguousDesa(e, match.name, match.kecamatan) };
        if (match.kind === 'none') return { outcome: 'refused', reply: reply.unknownDesa(e, match.name) };
        const out = await this.deps.aspirations.runInEpisode(e.id, (d, ep, c) => textedAspiration(d.list, d.district, ep, actor, { desa: match.desa.code, text: intent.text }, channel, c));
        if (!out.ok) return refused(out.error);
        const name = desaName(this.deps.aspirations.district, out.value.desa);
        return { outcome: 'usulan', reply: reply.usulan(e, out.value.number, name), ref: { aspirationId: out.value.id, number: out.value.number } };
      }
      case 'support':
        return intent.target === 'question' ? this.#vote(e, actor, intent.number, refused) : this.#support(e, actor, intent.number, refused);
    }
  }

  async #vote(e: Episode, actor: Actor & { kind: 'listener' }, n: number, refused: (error: DomainError) => Handled): Promise<Handled> {
    const q = questionByNumber(e, n);
    if (!q || (q.status !== 'approved' && q.status !== 'on_air')) return { outcome: 'refused', reply: reply.noSuchQuestion(e, n) };
    const out = await this.deps.episodes.run(e.id, (ep, c) => applyVote(ep, { op: '+', questionId: q.id, listenerId: actor.listenerId }, c));
    if (!out.ok) return refused(out.error);
    return { outcome: 'support', reply: reply.supportedQuestion(e, n, out.value), ref: { questionId: q.id, number: n } };
  }

  async #support(e: Episode, actor: Actor & { kind: 'listener' }, n: number, refused: (error: DomainError) => Handled): Promise<Handled> {
    const a = aspirationByNumber(this.deps.aspirations.list, e.id, n);
    if (!a) return { outcome: 'refused', reply: reply.noSuchUsulan(e, n) };
    const out = await this.deps.aspirations.run((d, c) => supportAspiration(d.list, actor, a.id, c));
    if (!out.ok) return refused(out.error);
    return { outcome: 'support', reply: reply.supportedUsulan(e, n, out.value), ref: { aspirationId: a.id, number: n } };
  }

  /** BERHENTI: no replies any more, and the number is dropped from memory and the outbox. */
  async #stop(listenerId: Id, m: Inbound): Promise<Handled> {
    const wasStopped = this.deps.store.data.stopped.includes(listenerId);
    if (!wasStopped) this.deps.store.data.stopped.push(listenerId);
    await this.deps.store.commit();
    for (const [id, s] of this.#senders) if (s.listenerId === listenerId) this.#senders.delete(id);
    this.#lastWhatsApp.delete(listenerId);
    // One goodbye, so the listener knows it worked; nothing after it.
    if (wasStopped) return { outcome: 'stop', reply: null };
    const text = reply.stopped();
    if (m.gateway !== 'modem') {
      const id = nanoid();
      this.#farewell.set(listenerId, id);
      if (this.#farewell.size > 10_000) this.#farewell.delete(this.#farewell.keys().next().value!);
      this.deps.replies.send(m.gateway, m.from, text, { phoneNumberId: m.phoneNumberId, id });
    }
    return { outcome: 'stop', reply: text };
  }

  /** 'tell' for the first refusal in a window, 'quiet' after it, null when the message may pass. */
  async #throttle(listenerId: Id): Promise<'tell' | 'quiet' | null> {
    try {
      await this.#limiter.consume(listenerId);
      return null;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const until = this.#throttleTold.get(listenerId) ?? 0;
      if (until > this.#now()) return 'quiet';
      this.#throttleTold.set(listenerId, this.#now() + res.msBeforeNext);
      if (this.#throttleTold.size > 10_000) this.#throttleTold.clear();
      return 'tell';
    }
  }

  /** The episode texts go to: the one the admin marked, else the only live one, else the latest started. */
  liveEpisode(): Episode | null {
    const live = this.deps.episodes.list().filter((e) => e.status === 'live');
    if (live.length === 0) return null;
    const marked = this.settings.episodeId;
    const chosen = marked ? live.find((e) => e.id === marked) : undefined;
    if (chosen) return chosen;
    return live.sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))[0]!;
  }

  #nextShow(): Episode | null {
    const now = new Date(this.#now()).toISOString();
    const next = this.deps.episodes.list().filter((e) => e.status === 'draft' && e.startsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return next[0] ?? null;
  }

  /** The screener answers a texted question's sender, through the gateway it came by. */
  replyTo(episodeId: Id, questionId: Id, text: string): { ok: true; value: { queued: true } } | { ok: false; error: DomainError } {
    const e = this.deps.episodes.find(episodeId);
    if (!e) return fail('episode_not_found');
    const q = e.questions.find((x) => x.id === questionId);
    if (!q) return fail('question_not_found');
    // After BERHENTI the number is gone from memory: say why, not "unknown".
    if (q.askedBy && this.deps.store.data.stopped.includes(q.askedBy)) return fail('sender_stopped');
    const s = this.#senders.get(questionId);
    if (!s) return fail('sender_unknown');
    if (this.deps.store.data.stopped.includes(s.listenerId)) return fail('sender_stopped');
    if (s.gateway === 'modem') return fail('reply_unavailable');
    const settings = this.settings;
    if (s.gateway === 'android' && !settings.smsGatewayUrl) return fail('reply_unavailable');
    if (s.gateway === 'whatsapp') {
      if (!settings.whatsappToken) return fail('reply_unavailable');
      const last = this.#lastWhatsApp.get(s.listenerId);
      if (last === undefined || this.#now() - last > WHATSAPP_WINDOW_MS) return fail('whatsapp_window_closed');
    }
    this.deps.replies.send(s.gateway, s.to, `${showName(e)}: ${text}`, { phoneNumberId: s.phoneNumberId });
    return { ok: true, value: { queued: true } };
  }

  /**
   * False for a number that sent BERHENTI (the outbox asks when queueing and before each
   * try), except for the one goodbye that confirms it.
   */
  mayReply(to: string, replyId: string): boolean {
    const id = phoneListenerId(this.deps.secret, to);
    if (id === null) return false;
    return !this.deps.store.data.stopped.includes(id) || this.#farewell.get(id) === replyId;
  }

  /** Whether the screener can reply to this question's sender now (the console shows a reply button). */
  canReply(questionId: Id): boolean {
    return this.#senders.has(questionId);
  }
}
