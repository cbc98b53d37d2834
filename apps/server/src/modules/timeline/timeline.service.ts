import type { TimelineEntry } from '@familiespor/contracts';
import { type Category, copenhagenDate } from '@familiespor/domain';
import { authorize, type Decision, decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { familyFacts } from '../families/family-detail';
import type { DateRange } from './timeline.registry';
import { timelineSources } from './timeline.registry';
import { organisationNames } from './timeline.repo';

/**
 * The family's timeline as this caller may see it: each entry passes decide() for its own
 * organisation and category (decisions cached per pair within the request), and one audit
 * event is written per organisation, category and basis the read relied on.
 */
export async function readTimeline(
  tx: Tx,
  ctx: RequestContext,
  familyId: string,
  range: DateRange,
  purpose: string,
): Promise<TimelineEntry[]> {
  const facts = await familyFacts(tx, familyId);
  await authorize(tx, ctx, 'read', {
    orgId: facts.org_id,
    category: 'identity',
    familyId,
    entityType: 'family_timeline',
    entityId: familyId,
  });
  const today = copenhagenDate(ctx.now);
  // Decided by who asks, not by the endpoint: a parent's view never holds staff-only sources.
  const staffView = ctx.principal?.kind === 'staff';
  const drafts = (
    await asSystem(tx, async () => {
      const all = [];
      for (const source of timelineSources()) {
        if (source.audience === 'staff' && !staffView) continue;
        all.push(...(await source.entries(tx, familyId, today)));
      }
      return all;
    })
  ).filter((d) => {
    const date = d.date ?? d.window?.start ?? null;
    const end = d.date ?? d.window?.end ?? null;
    return (!range.from || !end || end >= range.from) && (!range.to || !date || date <= range.to);
  });

  const decisions = new Map<string, Decision>();
  const used = new Map<
    string,
    { orgId: string; category: Category; decision: Extract<Decision, { allowed: true }> }
  >();
  const visible = [];
  for (const d of drafts) {
    const key = `${d.orgId}:${d.category}`;
    let decision = decisions.get(key);
    if (!decision) {
      decision = await decide(tx, ctx, 'read', { orgId: d.orgId, category: d.category, familyId });
      decisions.set(key, decision);
    }
    if (!decision.allowed) continue;
    used.set(`${key}:${decision.basis}`, { orgId: d.orgId, category: d.category, decision });
    visible.push(d);
  }
  for (const u of used.values()) {
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'family_timeline',
      entityId: familyId,
      familyId,
      dataOrgId: u.orgId,
      purpose,
      basis: u.decision.basis,
      consentId: u.decision.consentId ?? null,
      detail: { category: u.category },
    });
  }
  const names = await organisationNames(tx, [...new Set(visible.map((v) => v.orgId))]);
  return visible
    .map(({ orgId, ...entry }) => ({ ...entry, organisation: { id: orgId, name: names.get(orgId) ?? '' } }))
    .sort((a, b) => {
      const da = a.date ?? a.window?.start ?? '';
      const db = b.date ?? b.window?.start ?? '';
      return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : 1;
    });
}
