import type { SurveyOfferResult, SurveyResults, SurveyResultsQuery } from '@familiespor/contracts';
import { summariseSurvey } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './surveys.repo';

type ResponseRow = Awaited<ReturnType<typeof repo.responsesOf>>[number];

function occasionTitle(r: ResponseRow): string | null {
  if (r.occasion === 'session') return r.session_title;
  if (r.occasion === 'course_end') return r.cohort_name;
  return null;
}

function groupBy<K, T>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const list = m.get(key(r));
    if (list) list.push(r);
    else m.set(key(r), [r]);
  }
  return m;
}

/**
 * Satisfaction per offer and per occasion, as aggregates only: groups of fewer than five show "<5"
 * and nothing else (summariseSurvey). The organisation that runs the offer, and the municipalities
 * in partnership with it, read them; free text only the offer's own organisation, and not its
 * analysts (aggregates only), shuffled out of any order that could tie it to an occasion.
 */
export async function getSurveyResults(
  deps: Deps,
  ctx: RequestContext,
  q: SurveyResultsQuery,
): Promise<SurveyResults> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'survey_response' });
    if (q.from && q.to && q.to < q.from)
      throw new InputError('The period is invalid', [
        { path: 'to', code: 'end_before_start', message: 'The period ends before it starts' },
      ]);
    let orgIds = [p.orgId];
    if (q.offerId) {
      const offerId = q.offerId;
      const offer = await asSystem(tx, () => repo.findOwnOffer(tx, offerId));
      if (!offer) throw new NotFoundError('The offer');
      if (offer.org_id !== p.orgId) {
        const partners = await asSystem(tx, () => repo.partnerOrgIds(tx, p.orgId));
        const partnerLead = p.roles.some((r) => r === 'programme_lead' || r === 'analyst');
        if (!partners.includes(offer.org_id) || !partnerLead)
          throw new ForbiddenError({
            attempted: 'read',
            entityType: 'survey_response',
            entityId: offer.id,
            dataOrgId: offer.org_id,
            reason: 'survey results are read by the offer’s organisation and its partner municipalities',
          });
      }
      orgIds = [offer.org_id];
    }
    const rows = await asSystem(tx, () =>
      repo.responsesOf(tx, { orgIds, offerId: q.offerId, from: q.from, to: q.to }),
    );
    const mayReadText = orgIds[0] === p.orgId && p.roles.some((r) => r !== 'analyst');
    const offers: SurveyOfferResult[] = [];
    for (const list of groupBy(rows, (r) => r.offer_id ?? `org:${r.org_id}`).values()) {
      const first = list[0] as ResponseRow;
      const occasions = [...groupBy(list, (r) => r.survey_id).values()].map((g) => {
        const r = g[0] as ResponseRow;
        return {
          surveyId: r.survey_id,
          occasion: r.occasion,
          occasionDate: r.occasion_date,
          title: occasionTitle(r),
          ...summariseSurvey(g),
        };
      });
      offers.push({
        offer: first.offer_id ? { id: first.offer_id, name: first.offer_name ?? '' } : null,
        organisation: { id: first.org_id, name: first.org_name },
        ...summariseSurvey(list),
        occasions,
        freeText: mayReadText
          ? list.flatMap((r) => (r.free_text ? [r.free_text] : [])).sort((a, b) => a.localeCompare(b, 'da'))
          : null,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'survey_response',
      dataOrgId: orgIds[0] ?? null,
      purpose: 'survey_results',
      detail: { offerId: q.offerId ?? null, offers: offers.length, freeText: mayReadText },
    });
    return { generatedAt: ctx.now.toISOString(), offers };
  });
}
