// The planner fills in what the musrenbang needs on an usulan (volume, satuan, perkiraan
// biaya, OPD tujuan), and the admin keeps the list of OPD it may go to. Checked whole
// before anything changes; see plan.ts for how each value is read.
import { findAspiration } from './aspiration.ts';
import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { checkOpdList, checkPlan, EMPTY_PLAN } from '../contract/plan.ts';
import type { PlanInput } from '../contract/plan.ts';
import { ok } from './result.ts';
import type { Ctx, Result } from './result.ts';
import type { Actor, Aspiration, AspirationPlan, Id } from '../contract/types.ts';

export function planOf(a: Aspiration): AspirationPlan {
  return a.plan ?? EMPTY_PLAN;
}

/** Sets the plan fields of one usulan; omitted fields stay, empty ones are cleared. */
export function setAspirationPlan(list: Aspiration[], actor: Actor, id: Id, input: PlanInput, opd: readonly string[], ctx: Ctx): Result<Aspiration> {
  if (!can(actor, 'aspiration.review')) return fail('not_allowed');
  const a = findAspiration(list, id);
  if (!a) return fail('aspiration_not_found');
  // A merged duplicate lives on in its target; the plan belongs there.
  if (a.status === 'digabung') return fail('aspiration_closed');
  const current = planOf(a);
  const plan = checkPlan(current, input, opd);
  if (!plan.ok) return plan;
  const p = plan.value;
  if (p.volume === current.volume && p.satuan === current.satuan && p.perkiraanBiaya === current.perkiraanBiaya && p.opdTujuan === current.opdTujuan) {
    return ok(a);
  }
  a.plan = p;
  a.updatedAt = ctx.now;
  return ok(a, [{ kind: 'aspiration', aspiration: a }]);
}

/** OPD names that usulan are addressed to: the admin's list must keep them. */
export function opdInUse(list: readonly Aspiration[]): Set<string> {
  const out = new Set<string>();
  for (const a of list) if (a.plan?.opdTujuan) out.add(a.plan.opdTujuan);
  return out;
}

/** The admin replaces the OPD list (district.manage); names in use stay. */
export function updateOpdList(current: string[], actor: Actor, input: readonly string[], inUse: ReadonlySet<string>): Result<string[]> {
  if (!can(actor, 'district.manage')) return fail('not_allowed');
  const checked = checkOpdList(input, inUse);
  if (!checked.ok) return checked;
  current.splice(0, current.length, ...checked.value);
  return ok(current);
}
