import { fail } from '../contract/errors.ts';
import { deleteEpisode } from '../domain/episode.ts';
import {
  EMPTY_SUMMARY, addSummaries, aspirationsOfDeletedEpisode, eraseListenerAspirations, eraseListenerQuestions, expireContacts, removeContact,
} from '../domain/erasure.ts';
import type { ErasureSummary } from '../contract/views.ts';
import type { Actor, Aspiration, Episode, Id } from '../contract/types.ts';
import type { AuditService } from './audit-service.ts';
import type { AspirationService } from './aspiration-service.ts';
import type { EpisodeService, Outcome } from './episode-service.ts';
import type { TranscriptArchive } from './transcripts.ts';

export interface ErasureServiceDeps {
  episodes: EpisodeService;
  aspirations: AspirationService;
  transcripts: TranscriptArchive;
  audit: AuditService;
  /** CONTACT_RETENTION_DAYS. */
  retentionDays: number;
  log: (line: string) => void;
}

/**
 * Erasure across the stores: a listener's own data in every episode and on the planner's
 * desk, contacts past the retention period, an episode's usulan and notula when it is
 * deleted. Each part goes through the services (rule → commit → publish), then the
 * archived notula of every ended episode it touched is written again, so the published
 * record no longer shows what was erased.
 */
export class ErasureService {
  constructor(private deps: ErasureServiceDeps) {}

  /** "Hapus data saya". With `dryRun` only counts what would go (the listener confirms that). */
  async eraseListener(listenerId: Id, dryRun: boolean): Promise<Outcome<ErasureSummary>> {
    const { episodes, aspirations } = this.deps;
    let summary = { ...EMPTY_SUMMARY };
    const touched = new Set<Id>();
    for (const e of episodes.list()) {
      if (!e.questions.some((q) => q.askedBy === listenerId)) continue;
      const out = dryRun
        ? eraseListenerQuestions(e, listenerId, aspirations.list, false)
        : await episodes.run(e.id, (ep) => eraseListenerQuestions(ep, listenerId, aspirations.list, true));
      if (!out.ok) return out;
      summary = addSummaries(summary, out.value);
      touched.add(e.id);
    }
    const mine = aspirations.list.filter((a) => a.submittedBy === listenerId);
    for (const a of mine) touched.add(a.episodeId);
    if (mine.length) {
      const out = dryRun
        ? eraseListenerAspirations(aspirations.list as Aspiration[], listenerId, false, aspirations.ctx())
        : await aspirations.run((d, ctx) => eraseListenerAspirations(d.list, listenerId, true, ctx));
      if (!out.ok) return out;
      summary = addSummaries(summary, out.value);
    }
    if (dryRun) return { ok: true, value: summary };
    await this.#rewriteTranscripts(touched);
    // Which listener is never written down: the log would keep the link the erasure removed.
    await this.#audit({ by: { kind: 'listener' }, action: 'listener.erase', detail: { ...summary } });
    return { ok: true, value: summary };
  }

  /** "Hapus kontak" on the planner's desk. (Staff actions are audited by the route.) */
  async removeContact(actor: Actor, id: Id): Promise<Outcome<Aspiration>> {
    return this.deps.aspirations.run((d, ctx) => removeContact(d.list, actor, id, ctx));
  }

  /** The retention period: contacts older than CONTACT_RETENTION_DAYS are removed. At start and periodically. */
  async sweepContacts(): Promise<Outcome<number>> {
    const days = this.deps.retentionDays;
    const out = await this.deps.aspirations.run((d, ctx) => expireContacts(d.list, ctx.now, days));
    if (out.ok && out.value > 0) await this.#audit({ by: { kind: 'system' }, action: 'retention.removeContacts', detail: { contactsRemoved: out.value, days } });
    return out;
  }

  /**
   * Deletes a draft or ended episode with what hangs on it: its usulan (those forwarded to
   * the musrenbang, or holding merged ones, stay without contact) and its archived notula.
   */
  async deleteEpisode(actor: Actor, id: Id): Promise<Outcome<{ aspirationsRemoved: number; aspirationsKept: number; transcript: string | null }>> {
    const { episodes, aspirations, transcripts } = this.deps;
    const e = episodes.find(id);
    if (!e) return fail('episode_not_found');
    const allowed = deleteEpisode(e, actor);
    if (!allowed.ok) return allowed;
    const usulan = await aspirations.run((d, ctx) => aspirationsOfDeletedEpisode(d.list, e.id, ctx));
    if (!usulan.ok) return usulan;
    // The file's name is looked up before the episode (and what names it) is gone.
    const transcript = await transcripts.nameOf(e).catch(() => null);
    await episodes.remove(e.id);
    if (transcript) {
      await transcripts.remove(transcript).catch((err) => {
        this.deps.log(`kentongan: could not remove transcript ${transcript}: ${(err as Error).message}`);
      });
    }
    return { ok: true, value: { aspirationsRemoved: usulan.value.removed, aspirationsKept: usulan.value.kept, transcript } };
  }

  /** The admin removes an archived notula; the episode itself (if still there) stays. */
  async removeTranscript(name: string): Promise<Outcome<string>> {
    const removed = await this.deps.transcripts.remove(name);
    return removed ? { ok: true, value: name } : fail('episode_not_found', '(notula tidak ada di arsip)');
  }

  async #rewriteTranscripts(ids: ReadonlySet<Id>): Promise<void> {
    const { episodes, aspirations, transcripts } = this.deps;
    for (const id of ids) {
      const e: Episode | undefined = episodes.find(id);
      if (!e || e.status !== 'ended') continue;
      try {
        await transcripts.rewriteIfArchived(e, aspirations.notulaFor(e));
      } catch (err) {
        this.deps.log(`kentongan: could not rewrite transcript of ${id} after an erasure: ${(err as Error).message}`);
      }
    }
  }

  async #audit(entry: Parameters<AuditService['record']>[0]): Promise<void> {
    await this.deps.audit.record(entry);
  }
}
