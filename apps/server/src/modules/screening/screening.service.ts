import type { RecordScreeningBody, RecordScreeningResult, Screening } from '@familiespor/contracts';
import {
  type AccessQualifier,
  adbbCutoff,
  addDays,
  checkAdbbAnswers,
  checkEpdsAnswers,
  copenhagenDate,
  scoreAdbb,
  scoreEpds,
} from '@familiespor/domain';
import { authorize, type Basis, type Decision, decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { RespondentRole } from '../../db/schema';
import { asSystem, type Tx } from '../../db/scope';
import { type FieldError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import { loadEpdsCutoffs } from '../visits/visit-plan';
import { startFollowUps } from './screening-follow-up';
import './screening-timeline.sources';
import * as repo from './screening.repo';

/** A previous positive EPDS this recent makes a positive repeat a referral (DESIGN §5). */
const repeatWithinDays = 42;
const respondentRoles: readonly string[] = ['mother', 'father', 'co_parent'] satisfies RespondentRole[];

type ScreeningRow = NonNullable<Awaited<ReturnType<typeof repo.findScreening>>>;

function toScreening(r: ScreeningRow): Screening {
  return {
    id: r.id,
    familyId: r.family_id,
    instrument: r.instrument,
    respondent:
      r.respondent_person_id && r.respondent_role
        ? { personId: r.respondent_person_id, role: r.respondent_role }
        : null,
    childPersonId: r.child_person_id,
    answers: r.answers.map(Number),
    total: r.total,
    cutoff: r.cutoff,
    band: r.band,
    flags: r.flags as Screening['flags'],
    observedOn: r.observed_on,
    inPregnancy: r.in_pregnancy,
    enteredBy: r.entered_by_kind,
    credit: r.credit,
  };
}

type Checked = {
  respondentRole: RespondentRole | null;
  inPregnancy: boolean;
};

/**
 * Who the screening is about and when: the respondent must be a parent of the family and the
 * child one of its children. Asked with row-level security lifted because the answer is the
 * access policy's own question — a screening in the pregnancy is what a midwife may record.
 */
async function checkSubjects(tx: Tx, body: RecordScreeningBody, today: string): Promise<Checked> {
  return asSystem(tx, async () => {
    const errors: FieldError[] = [];
    let respondentRole: RespondentRole | null = null;
    if (body.instrument === 'epds') {
      if (!body.respondentPersonId) {
        errors.push({ path: 'respondentPersonId', code: 'required', message: 'Who answered is required' });
      } else {
        const m = await repo.findMember(tx, body.familyId, body.respondentPersonId);
        if (!m || !respondentRoles.includes(m.role))
          errors.push({
            path: 'respondentPersonId',
            code: 'not_a_parent_of_family',
            message: 'Not a parent in the family',
          });
        else respondentRole = m.role as RespondentRole;
      }
    }
    let childBirth: string | null = null;
    if (body.childPersonId) {
      const c = await repo.findMember(tx, body.familyId, body.childPersonId);
      if (c?.role !== 'child')
        errors.push({
          path: 'childPersonId',
          code: 'not_a_child_of_family',
          message: 'Not a child of the family',
        });
      else childBirth = c.birth_date;
    } else if (body.instrument === 'adbb') {
      errors.push({ path: 'childPersonId', code: 'required', message: 'The infant observed is required' });
    }
    if (body.observedOn > today)
      errors.push({ path: 'observedOn', code: 'in_future', message: 'The date is in the future' });
    if (childBirth && body.observedOn < childBirth)
      errors.push({
        path: 'observedOn',
        code: 'before_birth',
        message: 'The date is before the child was born',
      });
    if (body.visitId && !(await repo.findVisitOfFamily(tx, body.familyId, body.visitId)))
      errors.push({ path: 'visitId', code: 'invalid_reference', message: 'Not a visit of this family' });
    const answerProblems =
      body.instrument === 'epds' ? checkEpdsAnswers(body.answers) : checkAdbbAnswers(body.answers);
    for (const p of answerProblems) {
      errors.push({
        path: p.item === null ? 'answers' : `answers.${p.item - 1}`,
        code: p.code,
        message:
          p.code === 'item_count'
            ? `${body.instrument.toUpperCase()} has ${body.instrument === 'epds' ? 10 : 8} items`
            : 'The answer is outside the item’s options',
      });
    }
    if (errors.length > 0) throw new InputError('The screening has invalid fields', errors);
    // Before the birth: no child named and a pregnancy still active.
    const pregnancy = body.childPersonId ? undefined : await repo.findActivePregnancy(tx, body.familyId);
    return { respondentRole, inPregnancy: pregnancy !== undefined };
  });
}

/**
 * A screening recorded by a professional, or an EPDS a parent fills in themself in the portal.
 * Every answer is stored; the result (total, band, flags) and the follow-up tasks it raises
 * are written in the same transaction.
 */
export async function recordScreening(
  deps: Deps,
  ctx: RequestContext,
  body: RecordScreeningBody,
): Promise<RecordScreeningResult> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const facts = await familyFacts(tx, body.familyId);
    const today = copenhagenDate(ctx.now);
    const attempt = { attempted: 'create' as const, entityType: 'screening', familyId: body.familyId };
    if (p?.kind === 'parent') {
      if (body.instrument !== 'epds')
        throw new ForbiddenError({ ...attempt, reason: 'parents fill in EPDS only' });
      if (body.respondentPersonId !== p.personId)
        throw new ForbiddenError({ ...attempt, reason: 'a parent answers for themself' });
    }
    const checked = await checkSubjects(tx, body, today);
    // The recorder's organisation controls the record; a parent's answers go to the family's health visiting.
    const orgId = p?.kind === 'staff' ? p.orgId : facts.org_id;
    const qualifiers: AccessQualifier[] = checked.inPregnancy ? ['pregnancy'] : [];
    const d = await authorize(tx, ctx, 'write', {
      orgId,
      category: 'screening',
      familyId: body.familyId,
      qualifiers,
      entityType: 'screening',
    });
    const instrument = await repo.findInstrument(tx, body.instrument);
    if (!instrument) throw new NotFoundError('The instrument');
    if (instrument.trained_only) {
      const trained = p?.kind === 'staff' && (await repo.hasTraining(tx, p.userId, body.instrument, today));
      if (!trained)
        throw new ForbiddenError({
          ...attempt,
          dataOrgId: orgId,
          reason: `not trained in ${body.instrument}`,
        });
    }

    let scored: { total: number; cutoff: number; band: Screening['band']; flags: string[] };
    let followUpInput: Parameters<typeof startFollowUps>[3];
    if (body.instrument === 'epds') {
      const cutoffs = await loadEpdsCutoffs(tx, facts.org_id);
      const epds = scoreEpds(body.answers, checked.respondentRole ?? 'mother', cutoffs);
      const previous = await repo.findPreviousEpds(
        tx,
        body.respondentPersonId as string,
        addDays(body.observedOn, -repeatWithinDays),
        body.observedOn,
      );
      scored = { total: epds.total, cutoff: epds.cutoff, band: epds.band, flags: epds.flags };
      followUpInput = { epds, previousPositive: previous?.band === 'at_or_above_cutoff' };
    } else {
      const adbb = scoreAdbb(body.answers);
      scored = { total: adbb.total, cutoff: adbbCutoff, band: adbb.band, flags: adbb.flags };
      followUpInput = { adbb };
    }

    const { id } = await repo.insertScreening(tx, {
      org_id: orgId,
      family_id: body.familyId,
      child_person_id: body.childPersonId ?? null,
      respondent_person_id: body.instrument === 'epds' ? (body.respondentPersonId ?? null) : null,
      respondent_role: checked.respondentRole,
      instrument: body.instrument,
      answers: body.answers,
      total: scored.total,
      cutoff: scored.cutoff,
      band: scored.band,
      flags: scored.flags,
      observed_on: body.observedOn,
      in_pregnancy: checked.inPregnancy,
      visit_id: body.visitId ?? null,
      entered_by_kind: p?.kind === 'parent' ? 'parent' : 'staff',
      recorded_by: p?.kind === 'staff' ? p.userId : null,
      entered_by_person_id: p?.kind === 'parent' ? p.personId : null,
      created_at: ctx.now,
    });
    const tasks = await startFollowUps(
      tx,
      ctx,
      {
        id,
        instrument: body.instrument,
        familyId: body.familyId,
        familyOrgId: facts.org_id,
        districtUnitId: facts.district_unit_id,
        respondentId: body.instrument === 'epds' ? (body.respondentPersonId ?? null) : null,
        childId: body.childPersonId ?? null,
        observedOn: body.observedOn,
      },
      followUpInput,
    );
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'screening',
      entityId: id,
      familyId: body.familyId,
      personId: body.respondentPersonId ?? body.childPersonId ?? null,
      dataOrgId: orgId,
      basis: d.basis,
      consentId: d.consentId ?? null,
      detail: { instrument: body.instrument, tasks: tasks.map((t) => t.id) },
    });
    const row = await repo.findScreening(tx, id);
    if (!row) throw new NotFoundError('The screening');
    return { ...toScreening(row), followUpTasks: tasks };
  });
}

/** One screening with every answer: a sensitive category of its own (DESIGN §4). */
export async function getScreening(deps: Deps, ctx: RequestContext, screeningId: string): Promise<Screening> {
  return runUseCase(deps, ctx, async (tx) => {
    const owner = await asSystem(tx, () => repo.findScreeningOwner(tx, screeningId));
    if (!owner) throw new NotFoundError('The screening');
    const d = await authorize(tx, ctx, 'read', {
      orgId: owner.org_id,
      category: 'screening',
      familyId: owner.family_id,
      qualifiers: owner.in_pregnancy ? ['pregnancy'] : [],
      entityType: 'screening',
      entityId: screeningId,
    });
    const row = await repo.findScreening(tx, screeningId);
    if (!row) throw new NotFoundError('The screening');
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'screening',
      entityId: screeningId,
      familyId: owner.family_id,
      dataOrgId: owner.org_id,
      basis: d.basis,
      consentId: d.consentId ?? null,
    });
    return toScreening(row);
  });
}

/**
 * The family's screenings, newest first. Reading them is reading the family's health-visiting
 * screening record (403, audited, for anyone who may not); another organisation's screenings
 * (a midwife's EPDS in the pregnancy) are included only where decide() allows each of them.
 */
export async function listFamilyScreenings(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
): Promise<Screening[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const facts = await familyFacts(tx, familyId);
    const own = await authorize(tx, ctx, 'read', {
      orgId: facts.org_id,
      category: 'screening',
      familyId,
      entityType: 'screening',
    });
    const owners = await asSystem(tx, () => repo.screeningOwnersOfFamily(tx, familyId));
    const used = new Map<string, { orgId: string; basis: Basis; consentId: string | null }>();
    used.set(`${facts.org_id}:${own.basis}`, {
      orgId: facts.org_id,
      basis: own.basis,
      consentId: own.consentId ?? null,
    });
    const decisions = new Map<string, Decision>();
    const visible: string[] = [];
    for (const o of owners) {
      const key = `${o.org_id}:${o.in_pregnancy}`;
      let d = decisions.get(key);
      if (!d) {
        d =
          o.org_id === facts.org_id && !o.in_pregnancy
            ? own
            : await decide(tx, ctx, 'read', {
                orgId: o.org_id,
                category: 'screening',
                familyId,
                qualifiers: o.in_pregnancy ? ['pregnancy'] : [],
              });
        decisions.set(key, d);
      }
      if (!d.allowed) continue;
      used.set(`${o.org_id}:${d.basis}`, { orgId: o.org_id, basis: d.basis, consentId: d.consentId ?? null });
      visible.push(o.id);
    }
    const rows = await repo.findScreenings(tx, visible);
    for (const u of used.values()) {
      await writeAudit(tx, ctx, {
        action: 'read',
        entityType: 'screening',
        familyId,
        dataOrgId: u.orgId,
        basis: u.basis,
        consentId: u.consentId,
        detail: { screenings: rows.filter((r) => r.org_id === u.orgId).length },
      });
    }
    return rows.map(toScreening);
  });
}
