// The planner's desk: usulan of every episode, filtered on the server (the same query
// the exports use), selected, merged, reviewed and annotated. The server decides; after
// every change the list is asked for again, so what is shown is what is stored.
import { api } from '../../lib/api.ts';
import type { ApiResult } from '../../lib/api.ts';
import { loadDistrict } from '../../lib/district.ts';
import type { AspirationNote, AspirationStatus, District, Id } from '$contract/types.ts';
import type { DeskCounts, DeskView } from '$contract/planner.ts';
import type { EpisodeSummary } from '$contract/views.ts';
import type { PlanInput } from '$contract/plan.ts';
import { NO_FILTERS, toQuery } from './filters.ts';
import type { DeskFilters } from './filters.ts';

type Problem = { code: string; message: string };

export class PlannerDesk {
  filters = $state<DeskFilters>({ ...NO_FILTERS });
  items = $state.raw<DeskView[]>([]);
  counts = $state.raw<DeskCounts | null>(null);
  district = $state.raw<District | null>(null);
  episodes = $state.raw<EpisodeSummary[]>([]);
  /** The admin's OPD list and the units offered, for the plan fields. */
  opd = $state.raw<string[]>([]);
  satuan = $state.raw<string[]>([]);
  loaded = $state(false);
  error = $state.raw<Problem | null>(null);
  selected = $state.raw(new Set<Id>());
  /** Texts of usulan seen on the desk, so "merged into" can name a target that is filtered out. */
  texts = $state.raw(new Map<Id, string>());

  readonly chosen = $derived(this.items.filter((a) => this.selected.has(a.id)));
  #request = 0;

  constructor(initial: DeskFilters) {
    this.filters = { ...initial };
  }

  async open(): Promise<void> {
    const [district, episodes, opd] = await Promise.all([
      loadDistrict(), api<{ episodes: EpisodeSummary[] }>('/api/episodes'), api<{ opd: string[]; satuan: string[] }>('/api/opd'), this.load(),
    ]);
    if (district.ok) this.district = district.data.district;
    if (episodes.ok) this.episodes = episodes.data.episodes;
    if (opd.ok) [this.opd, this.satuan] = [opd.data.opd, opd.data.satuan];
  }

  /** Asks for the list again; an answer to an older request (the planner kept typing) is dropped. */
  async load(): Promise<void> {
    const mine = ++this.#request;
    const r = await api<{ aspirations: DeskView[]; counts: DeskCounts }>(`/api/aspirations?${toQuery(this.filters)}`);
    if (mine !== this.#request) return;
    this.loaded = true;
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.error = null;
    this.items = r.data.aspirations;
    this.counts = r.data.counts;
    // A selection only holds what is still on screen.
    const shown = new Set(this.items.map((a) => a.id));
    this.selected = new Set([...this.selected].filter((id) => shown.has(id)));
    await this.#learnTexts();
  }

  async #learnTexts(): Promise<void> {
    const texts = new Map(this.texts);
    for (const a of this.items) texts.set(a.id, a.text);
    const missing = [...new Set(this.items.map((a) => a.mergedInto).filter((id): id is Id => id !== null && !texts.has(id)))];
    const found = await Promise.all(missing.map((id) => api<{ aspiration: DeskView }>(`/api/aspirations/${encodeURIComponent(id)}`)));
    for (const r of found) if (r.ok) texts.set(r.data.aspiration.id, r.data.aspiration.text);
    this.texts = texts;
  }

  toggle(id: Id, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  selectAll(on: boolean): void {
    this.selected = on ? new Set(this.items.map((a) => a.id)) : new Set();
  }

  /**
   * Sets the status of exactly these usulan (the ones the confirmation named, or one row),
   * never "whatever is ticked now". After it is done those are unticked, so the next
   * action starts from nothing: a selection left over from one action once rode along
   * into the next (a rejection reason reached listeners of usulan ticked earlier). What was
   * ticked while the request was on its way is kept: that is for the next action.
   */
  async setStatus(ids: readonly Id[], status: AspirationStatus, reason: string | null): Promise<ApiResult<{ aspirations: DeskView[] }>> {
    const r = await api<{ aspirations: DeskView[] }>('/api/aspirations/status', {
      method: 'POST', body: { ids: [...ids], status, reason },
    });
    if (r.ok) {
      this.#untick(ids);
      await this.load();
    }
    return r;
  }

  #untick(ids: readonly Id[]): void {
    const done = new Set(ids);
    this.selected = new Set([...this.selected].filter((id) => !done.has(id)));
  }

  async merge(targetId: Id): Promise<ApiResult<{ aspiration: DeskView }>> {
    const sourceIds = [...this.selected].filter((id) => id !== targetId);
    const r = await api<{ aspiration: DeskView }>('/api/aspirations/merge', { method: 'POST', body: { sourceIds, targetId } });
    if (r.ok) {
      this.#untick([...sourceIds, targetId]);
      await this.load();
    }
    return r;
  }

  async addNote(id: Id, text: string): Promise<ApiResult<{ note: AspirationNote; aspiration: DeskView }>> {
    const r = await api<{ note: AspirationNote; aspiration: DeskView }>(`/api/aspirations/${encodeURIComponent(id)}/notes`, { method: 'POST', body: { text } });
    if (r.ok) this.items = this.items.map((a) => (a.id === id ? r.data.aspiration : a));
    return r;
  }

  /** Volume, satuan, perkiraan biaya, OPD tujuan of one usulan; the server reads the numbers as typed. */
  async setPlan(id: Id, input: PlanInput): Promise<ApiResult<{ aspiration: DeskView }>> {
    const r = await api<{ aspiration: DeskView }>(`/api/aspirations/${encodeURIComponent(id)}/plan`, { method: 'PUT', body: input });
    if (r.ok) this.items = this.items.map((a) => (a.id === id ? r.data.aspiration : a));
    return r;
  }

  /** "Hapus kontak": removes the submitter's name and phone; the usulan stays. */
  async removeContact(id: Id): Promise<ApiResult<{ aspiration: DeskView }>> {
    const r = await api<{ aspiration: DeskView }>(`/api/aspirations/${encodeURIComponent(id)}/contact`, { method: 'DELETE' });
    if (r.ok) this.items = this.items.map((a) => (a.id === id ? r.data.aspiration : a));
    return r;
  }
}
