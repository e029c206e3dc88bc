// The gateways' health as the screener's panel shows it (GET /api/intake/health): asked
// when the page opens, every 30 s while it is visible, when it becomes visible again, and
// after a reply (which moves the outbox count). A hidden tab asks nothing.
import { api } from '../../lib/api.ts';
import type { IntakeHealth } from '$contract/intake.ts';

export const HEALTH_EVERY_MS = 30_000;

export class GatewayHealthPoll {
  health = $state.raw<IntakeHealth | null>(null);
  error = $state.raw<{ code: string; message: string } | null>(null);
  /** When the last answer came, by this page's clock. */
  checkedAt = $state<number | null>(null);
  /** Answers can cross on a slow link: only the latest question's answer is shown. */
  #asked = 0;

  async load(): Promise<void> {
    const mine = ++this.#asked;
    const r = await api<IntakeHealth>('/api/intake/health');
    if (mine !== this.#asked) return;
    this.checkedAt = Date.now();
    if (r.ok) {
      this.health = r.data;
      this.error = null;
    } else {
      this.error = r.error;
    }
  }

  /** Starts polling; the returned function stops it. */
  start(): () => void {
    const visible = () => document.visibilityState === 'visible';
    void this.load();
    const timer = setInterval(() => {
      if (visible()) void this.load();
    }, HEALTH_EVERY_MS);
    const onVisibility = () => {
      if (visible()) void this.load();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }
}
