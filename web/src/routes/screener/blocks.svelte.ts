// The blocked senders as the screener sees them (GET /api/moderation/blocked): never a
// listener's id, only the block's own id, when, and the words that caused it.
import { api } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';

export interface BlockView {
  id: string;
  at: string;
  episodeId: string;
  sample: string;
}

export class Blocks {
  list = $state<BlockView[]>([]);
  error = $state('');
  notice = $state('');

  async refresh(): Promise<void> {
    const r = await api<{ blocked: BlockView[] }>('/api/moderation/blocked');
    if (r.ok) this.list = r.data.blocked;
  }

  /** Blocks the asker of a question; the server knows who by the question. */
  async block(episodeId: string, questionId: string, done: string): Promise<string | null> {
    const r = await api<{ block: BlockView }>(`/api/episodes/${encodeURIComponent(episodeId)}/questions/${encodeURIComponent(questionId)}/block`, { method: 'POST' });
    if (!r.ok) return errorText(r.error);
    this.notice = done;
    await this.refresh();
    return null;
  }

  async unblock(id: string, done: string): Promise<void> {
    this.error = '';
    const r = await api<{ block: BlockView }>(`/api/moderation/blocked/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!r.ok) {
      this.error = errorText(r.error);
      return;
    }
    this.notice = done;
    await this.refresh();
  }
}
