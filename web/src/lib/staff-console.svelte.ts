// What the host, screener and notulis consoles share: the live episode, who is signed
// in, and one place where every action's outcome is put into words. The server decides
// what a role may do; the console only reports its answer.
import { onMount } from 'svelte';
import { api } from './api.ts';
import { connection } from './connection.svelte.ts';
import { errorText } from './errors.ts';
import { LiveEpisode } from './live-episode.svelte.ts';
import { session } from './staff-session.svelte.ts';
import { roleCan, type Permission } from './permissions.ts';
import type { Ack, AckData, ClientEventName, Payload } from '$contract/events.ts';
import type { EpisodeView } from '$contract/views.ts';

export interface Flash {
  kind: 'error' | 'ok';
  text: string;
  /** Distinguishes two identical messages, so a repeat is announced again. */
  at: number;
}

export class StaffConsole {
  readonly live: LiveEpisode;
  flash = $state.raw<Flash | null>(null);
  /** True while the first join is in flight. */
  loading = $state(true);

  constructor(episodeId: string) {
    this.live = new LiveEpisode({ episodeId, as: 'staff' });
  }

  get episode(): EpisodeView | null {
    return this.live.state?.episode ?? null;
  }

  async open(): Promise<void> {
    await Promise.all([session.load(), this.live.start()]);
    this.loading = false;
  }

  close(): void {
    this.live.stop();
  }

  /** Whether the signed-in role may use `permission` here (reactive: it follows the session). */
  may(permission: Permission): boolean {
    return roleCan(session.me?.role, permission);
  }

  say(text: string): void {
    this.flash = { kind: 'ok', text, at: Date.now() };
  }

  fail(error: { code: string; message: string }): void {
    this.flash = { kind: 'error', text: errorText(error), at: Date.now() };
  }

  /** Sends a realtime action and returns the server's answer as it is, for a form that shows a refusal beside its fields. */
  send<E extends ClientEventName>(event: E, payload: Payload<E>): Promise<Ack<AckData[E]>> {
    return connection().send(event, payload);
  }

  /** Sends a realtime action; returns its data, or null after putting the refusal into words. */
  async act<E extends ClientEventName>(event: E, payload: Payload<E>, okText?: string): Promise<AckData[E] | null> {
    const r = await this.send(event, payload);
    if (!r.ok) {
      this.fail(r.error);
      return null;
    }
    if (okText) this.say(okText);
    return r.data;
  }

  /** Starting and ending go over HTTP (ending also writes the archive). */
  async post(path: string, okText: string): Promise<boolean> {
    const r = await api<{ episode: EpisodeView }>(path, { method: 'POST' });
    if (!r.ok) {
      this.fail(r.error);
      return false;
    }
    this.say(okText);
    return true;
  }
}

/**
 * The console of a page's episode (`params.id`), opened when the page mounts and closed when
 * it goes: the head every live console page (host, screener, notulis) shares. Call it while
 * the component initialises; the router remounts the page for another episode.
 */
export function consoleFor(params: Record<string, string>): StaffConsole {
  const c = new StaffConsole(params.id ?? '');
  onMount(() => {
    void c.open();
    return () => c.close();
  });
  return c;
}
