import type { cohortPlan, confirmCohortPlanBody, confirmedCohorts } from '@familiespor/contracts';
import {
  addDays,
  addMonths,
  catchUpSessionDates,
  copenhagenDate,
  copenhagenLocalToInstant,
  type PlannerCouple,
  planCohorts as plan,
  planStats,
  sessionDate,
  type TemplateSession,
} from '@familiespor/domain';
import type { z } from 'zod';
import { requireOwnOrgRole } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { type FieldError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './cohorts.repo';
import * as offers from './offers.repo';
import { toSession } from './sessions.service';

type Plan = z.infer<typeof cohortPlan>;

/**
 * The programme lead's preview: the enrolled couples with a due date in the period, grouped into
 * cohorts by the planner (DESIGN §5). Nothing is saved until the plan is confirmed.
 */
export async function planCohorts(
  deps: Deps,
  ctx: RequestContext,
  body: { offerId: string; dueFrom: string; dueTo: string },
): Promise<Plan> {
  return runUseCase(deps, ctx, async (tx) => {
    const offer = await offers.findOffer(tx, body.offerId);
    if (!offer) throw new NotFoundError('The offer');
    requireOwnOrgRole(ctx, offer.org_id, ['programme_lead'], {
      attempted: 'read',
      entityType: 'cohort_plan',
    });
    const sites = await offers.listSites(tx, [offer.id]);
    const enrollments = await repo.plannableEnrollments(tx, offer.id, body.dueFrom, body.dueTo);
    const byId = new Map(enrollments.map((e) => [e.id, e]));
    const couples: PlannerCouple[] = enrollments
      .filter((e) => e.due_date)
      .map((e) => ({
        familyId: e.id,
        dueDate: e.due_date as string,
        siteId: null,
        language: e.language ?? 'da',
      }));
    const result = plan(
      couples,
      sites.map((s) => ({ id: s.id, maxCohorts: s.max_cohorts, languages: s.languages })),
    );
    const family = (id: string) => {
      const e = byId.get(id);
      return {
        enrollmentId: id,
        familyId: e?.family_id as string,
        names: e?.names ?? '',
        dueDate: e?.due_date ?? '',
        language: e?.language ?? 'da',
      };
    };
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'enrollment',
      purpose: 'cohort_planning',
      detail: { offerId: offer.id, familyIds: enrollments.map((e) => e.family_id) },
    });
    return {
      offerId: offer.id,
      cohorts: result.cohorts.map((c) => ({
        siteId: c.siteId,
        siteName: sites.find((s) => s.id === c.siteId)?.name ?? '',
        language: c.language,
        dueFrom: c.dueFrom,
        dueTo: c.dueTo,
        spreadDays: c.spreadDays,
        families: c.familyIds.map(family),
      })),
      unassigned: [
        ...result.unassigned.map((u) => ({ ...family(u.familyId), reason: u.reason })),
        ...enrollments
          .filter((e) => !e.due_date)
          .map((e) => ({ ...family(e.id), reason: 'no_due_date' as const })),
      ],
      stats: planStats(result),
    };
  });
}

/** The date nearest on or after `date` that falls on `weekday` (1 Monday … 7 Sunday). */
function onWeekday(date: string, weekday: number): string {
  const current = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return addDays(date, (weekday - current + 7) % 7);
}

function median(dates: string[]): string {
  const sorted = [...dates].sort();
  return sorted[Math.floor((sorted.length - 1) / 2)] as string;
}

/**
 * Confirms the (adjusted) plan: the cohorts are created, their families assigned, and the
 * sessions laid out from the municipality's template with room, the cohort's fixed health
 * visitor and guest presenters. Everything or nothing.
 */
export async function confirmCohortPlan(
  deps: Deps,
  ctx: RequestContext,
  body: z.infer<typeof confirmCohortPlanBody>,
): Promise<z.infer<typeof confirmedCohorts>> {
  return runUseCase(deps, ctx, async (tx) => {
    const offer = await offers.findOffer(tx, body.offerId);
    if (!offer) throw new NotFoundError('The offer');
    const p = requireOwnOrgRole(ctx, offer.org_id, ['programme_lead'], {
      attempted: 'create',
      entityType: 'cohort',
    });
    const template = (await offers.findTemplate(tx, offer.id))?.sessions as TemplateSession[] | undefined;
    const sites = await offers.listSites(tx, [offer.id]);
    const errors: FieldError[] = [];
    if (!template || template.length === 0) {
      errors.push({ path: 'offerId', code: 'no_template', message: 'The offer has no course template' });
    }
    const seen = new Set<string>();
    const prepared = [];
    for (const [i, c] of body.cohorts.entries()) {
      const site = sites.find((s) => s.id === c.siteId);
      if (!site)
        errors.push({
          path: `cohorts.${i}.siteId`,
          code: 'invalid_reference',
          message: 'Not a site of this offer',
        });
      const facilitator = await repo.findFacilitator(tx, c.facilitatorUserId);
      if (
        !facilitator?.active ||
        facilitator.org_id !== offer.org_id ||
        !(facilitator.roles ?? []).some((r) => r === 'health_visitor' || r === 'course_facilitator')
      ) {
        errors.push({
          path: `cohorts.${i}.facilitatorUserId`,
          code: 'not_eligible',
          message: 'Choose a health visitor of the offer’s organisation',
        });
      }
      const rows = await repo.findEnrollmentsForCohort(tx, offer.id, c.enrollmentIds);
      c.enrollmentIds.forEach((id, j) => {
        const row = rows.find((r) => r.id === id);
        if (row?.status !== 'enrolled' || row.cohort_id || seen.has(id)) {
          errors.push({
            path: `cohorts.${i}.enrollmentIds.${j}`,
            code: 'not_plannable',
            message: 'Not an enrolled family without a cohort',
          });
        } else if (!row.due_date) {
          errors.push({
            path: `cohorts.${i}.enrollmentIds.${j}`,
            code: 'no_due_date',
            message: 'The family has no due date',
          });
        }
        seen.add(id);
      });
      const dues = rows.map((r) => r.due_date).filter((d): d is string => Boolean(d));
      if (template && dues.length > 0) {
        const anchor = median(dues);
        const earliest = [...dues].sort()[0] as string;
        // A week's notice before the first session, however late the cohort is planned.
        const firstPossible = onWeekday(addDays(copenhagenDate(ctx.now), 7), c.weekday);
        const dates = catchUpSessionDates(
          template.map((t) => onWeekday(sessionDate(t.offset, anchor), c.weekday)),
          firstPossible,
        );
        dates.forEach((d, k) => {
          if (d >= addMonths(earliest, 36)) {
            errors.push({
              path: `cohorts.${i}`,
              code: 'after_third_birthday',
              message: `Session ${k + 1} would lie after a child’s third birthday`,
            });
          }
        });
        const badGuest = c.guestPresenters.findIndex((g) => g.sessionNumber > template.length);
        if (badGuest >= 0)
          errors.push({
            path: `cohorts.${i}.guestPresenters.${badGuest}.sessionNumber`,
            code: 'invalid_reference',
            message: 'No such session',
          });
        prepared.push({ c, site, dues, dates });
      }
    }
    if (errors.length > 0 || !template) throw new InputError('The plan cannot be confirmed as it is', errors);

    const created = [];
    for (const { c, site, dues, dates } of prepared) {
      const sorted = [...dues].sort();
      const { id: cohortId } = await repo.insertCohort(tx, {
        offer_id: offer.id,
        org_id: offer.org_id,
        site_id: c.siteId,
        name: c.name,
        language: c.language,
        facilitator_user_id: c.facilitatorUserId,
        due_from: sorted[0] as string,
        due_to: sorted.at(-1) as string,
        created_at: ctx.now,
      });
      await repo.assignCohort(tx, cohortId, c.enrollmentIds);
      const place = [c.room, site?.name, site?.address].filter(Boolean).join(', ');
      await repo.insertSessions(
        tx,
        template.map((t, k) => {
          const day = dates[k] as string;
          // The spring's skipped hour has no wall-clock time: start an hour later that day.
          const startsAt =
            copenhagenLocalToInstant(`${day} ${c.startTime}`) ?? new Date(`${day}T${c.startTime}:00Z`);
          return {
            offer_id: offer.id,
            org_id: offer.org_id,
            cohort_id: cohortId,
            number: k + 1,
            template_key: t.key,
            title: t.title,
            theme: t.theme,
            starts_at: startsAt,
            ends_at: new Date(startsAt.getTime() + c.durationMinutes * 60_000),
            place,
            facilitator_user_id: c.facilitatorUserId,
            guest_presenters: JSON.stringify(
              c.guestPresenters
                .filter((g) => g.sessionNumber === k + 1)
                .map(({ name, organisation, topic }) => ({ name, organisation, topic })),
            ),
          };
        }),
      );
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'cohort',
        entityId: cohortId,
        detail: {
          offerId: offer.id,
          families: c.enrollmentIds.length,
          sessions: template.length,
          by: p.userId,
        },
      });
      const sessions = await repo.listSessions(tx, { cohortId });
      created.push({ id: cohortId, name: c.name, sessions: sessions.map((s) => toSession(s)) });
    }
    return { cohorts: created };
  });
}
