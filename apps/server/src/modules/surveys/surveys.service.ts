import type {
  PendingSurvey,
  SendSurveyBody,
  SentSurvey,
  SubmitSurveyResponseBody,
} from '@familiespor/contracts';
import { checkSurveyAnswers, copenhagenDate, normaliseFreeText } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { sendMail } from '../../mail/mailer';
import { surveyMail } from '../../mail/survey-mail';
import { type Deps, runUseCase } from '../../use-case';
import { formatSurveyCode, hashSurveyToken, newSurveyToken } from './survey-tokens';
import * as repo from './surveys.repo';

export { getSurveyResults } from './survey-results.service';

type Occasion = {
  orgId: string;
  offerId: string | null;
  sessionId: string | null;
  cohortId: string | null;
  caseId: string | null;
  date: string;
  /** What the parent is asked about, in the e-mail: the offer's name. */
  what: string;
  addressees: (tx: Tx) => Promise<repo.Addressee[]>;
};

const leads = (p: StaffPrincipal) => p.roles.includes('programme_lead');

function refuse(entityType: string, entityId: string, orgId: string, reason: string): never {
  throw new ForbiddenError({ attempted: 'write', entityType, entityId, dataOrgId: orgId, reason });
}

/**
 * Who sends and to whom. The offer's or case's own organisation sends: the cohort's facilitator
 * (health visitor) or the programme lead for a course, the family counsellor or the programme lead
 * for a case. Parents are read as the system — the provider may be an NGO and the family another
 * organisation's — and only for their e-mail and language.
 */
async function occasionOf(
  tx: Tx,
  ctx: RequestContext,
  p: StaffPrincipal,
  body: Exclude<SendSurveyBody, { occasion: 'open_counselling' }>,
): Promise<Occasion> {
  const today = copenhagenDate(ctx.now);
  if (body.occasion === 'session') {
    const s = await asSystem(tx, () => repo.findSessionOccasion(tx, body.sessionId));
    if (!s) throw new NotFoundError('The session');
    const facilitators = [s.facilitator_user_id, s.cohort_facilitator_id];
    if (s.org_id !== p.orgId || !(facilitators.includes(p.userId) || leads(p)))
      refuse('course_session', s.id, s.org_id, 'only the session’s facilitator or the programme lead');
    if (s.status === 'cancelled' || copenhagenDate(s.starts_at) > today)
      throw new ConflictError('The session has not been held', [
        { path: 'sessionId', code: 'not_held', message: 'A survey follows a session that has been held' },
      ]);
    return {
      orgId: s.org_id,
      offerId: s.offer_id,
      sessionId: s.id,
      cohortId: null,
      caseId: null,
      date: copenhagenDate(s.starts_at),
      what: `"${s.offer_name}" (${s.title})`,
      addressees: (t) => asSystem(t, () => repo.parentsAtSession(t, s.id)),
    };
  }
  if (body.occasion === 'course_end') {
    const c = await asSystem(tx, () => repo.findCohortOccasion(tx, body.cohortId));
    if (!c) throw new NotFoundError('The cohort');
    if (c.org_id !== p.orgId || !(c.facilitator_user_id === p.userId || leads(p)))
      refuse('cohort', c.id, c.org_id, 'only the cohort’s facilitator or the programme lead');
    const last = c.last_session_at ? copenhagenDate(new Date(c.last_session_at)) : null;
    if (!last || last > today)
      throw new ConflictError('The course has not ended', [
        { path: 'cohortId', code: 'not_ended', message: 'A survey at the end follows the last session' },
      ]);
    return {
      orgId: c.org_id,
      offerId: c.offer_id,
      sessionId: null,
      cohortId: c.id,
      caseId: null,
      date: last,
      what: `"${c.offer_name}"`,
      addressees: (t) => asSystem(t, () => repo.parentsInCohort(t, c.id)),
    };
  }
  const k = await asSystem(tx, () => repo.findCaseOccasion(tx, body.caseId));
  if (!k) throw new NotFoundError('The counselling case');
  if (k.org_id !== p.orgId || !(k.counsellor_id === p.userId || leads(p)))
    refuse('counselling_case', k.id, k.org_id, 'only the case’s counsellor or the programme lead');
  if (k.status !== 'closed' || !k.closed_on)
    throw new ConflictError('The case is still open', [
      { path: 'caseId', code: 'not_closed', message: 'A survey follows the close of the case' },
    ]);
  return {
    orgId: k.org_id,
    offerId: null,
    sessionId: null,
    cohortId: null,
    caseId: k.id,
    date: k.closed_on,
    what: 'familierådgivningen',
    addressees: (t) => asSystem(t, () => repo.parentsOfFamily(t, k.family_id)),
  };
}

function surveyUrl(origin: string, token: string) {
  return `${origin}/portal/spoergeskema/${token}`;
}

/**
 * Sends a survey after an occasion: one link per parent taking part, in the portal and by e-mail
 * where the parent gave an address. Sending again only asks the parents not yet asked. After open
 * counselling: one anonymous code, tied to nobody, for the counsellor to hand over.
 */
export async function sendSurvey(
  deps: Deps,
  ctx: RequestContext,
  body: SendSurveyBody,
  origin: string,
): Promise<SentSurvey> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'write', entityType: 'survey' });
    if (body.occasion === 'open_counselling') return sendAnonymous(tx, ctx, p, body.offerId ?? null, origin);
    const o = await occasionOf(tx, ctx, p, body);
    const key = {
      occasion: body.occasion,
      sessionId: o.sessionId ?? '',
      cohortId: o.cohortId ?? '',
      caseId: o.caseId ?? '',
    };
    const surveyId =
      (await repo.findSurveyFor(tx, key))?.id ??
      (
        await repo.insertSurvey(tx, {
          org_id: o.orgId,
          occasion: body.occasion,
          offer_id: o.offerId,
          session_id: o.sessionId,
          cohort_id: o.cohortId,
          case_id: o.caseId,
          occasion_date: o.date,
          created_by: p.userId,
          created_at: ctx.now,
        })
      ).id;
    const asked = await repo.askedPersons(tx, surveyId);
    const addressees = await o.addressees(tx);
    let created = 0;
    let emailed = 0;
    for (const a of addressees) {
      if (asked.has(a.person_id)) continue;
      asked.add(a.person_id);
      const token = newSurveyToken();
      const link = await repo.insertLink(tx, {
        survey_id: surveyId,
        org_id: o.orgId,
        token_hash: hashSurveyToken(token),
        person_id: a.person_id,
        family_id: a.family_id,
        created_at: ctx.now,
      });
      created++;
      if (a.email) {
        // A failed send must not roll back the links already mailed to other parents (their
        // e-mails cannot be taken back): this link stays unmailed and is answered in the portal.
        const outcome = await sendMail(
          deps.config,
          surveyMail(a.email, a.preferred_language, o.what, surveyUrl(origin, token)),
        ).catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          process.stderr.write(
            `${JSON.stringify({ level: 40, msg: 'survey e-mail not sent', surveyId, reason })}\n`,
          );
          return 'failed' as const;
        });
        if (outcome !== 'not_configured' && outcome !== 'failed') {
          await repo.markEmailed(tx, link.id);
          emailed++;
        }
      }
    }
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'survey',
      entityId: surveyId,
      dataOrgId: o.orgId,
      basis: 'own_org',
      detail: { occasion: body.occasion, linksCreated: created, emailed },
    });
    return {
      surveyId,
      occasion: body.occasion,
      linksCreated: created,
      alreadyAsked: addressees.length - created,
      emailed,
      anonymous: null,
    };
  });
}

async function sendAnonymous(
  tx: Tx,
  ctx: RequestContext,
  p: StaffPrincipal,
  offerId: string | null,
  origin: string,
): Promise<SentSurvey> {
  if (!p.roles.some((r) => r === 'ngo_counsellor' || r === 'family_counsellor' || r === 'programme_lead'))
    refuse('survey', offerId ?? p.orgId, p.orgId, 'only a counsellor hands out an anonymous survey');
  if (offerId) {
    const offer = await repo.findOwnOffer(tx, offerId);
    if (!offer || offer.org_id !== p.orgId || offer.kind !== 'open_counselling')
      throw new InputError('The survey has invalid fields', [
        { path: 'offerId', code: 'unknown_offer', message: 'Not an open counselling offer of yours' },
      ]);
  }
  // One survey per handed-out code: a shared survey row per day would say how many came that day.
  const { id: surveyId } = await repo.insertSurvey(tx, {
    org_id: p.orgId,
    occasion: 'open_counselling',
    offer_id: offerId,
    session_id: null,
    cohort_id: null,
    case_id: null,
    occasion_date: copenhagenDate(ctx.now),
    created_by: p.userId,
    created_at: ctx.now,
  });
  const token = newSurveyToken();
  await repo.insertLink(tx, {
    survey_id: surveyId,
    org_id: p.orgId,
    token_hash: hashSurveyToken(token),
    person_id: null,
    family_id: null,
    created_at: ctx.now,
  });
  await writeAudit(tx, ctx, {
    action: 'create',
    entityType: 'survey',
    entityId: surveyId,
    basis: 'own_org',
    detail: { occasion: 'open_counselling', anonymous: true },
  });
  return {
    surveyId,
    occasion: 'open_counselling',
    linksCreated: 1,
    alreadyAsked: 0,
    emailed: 0,
    anonymous: { code: formatSurveyCode(token), url: surveyUrl(origin, token) },
  };
}

function toPending(l: repo.LinkRow): PendingSurvey {
  return {
    linkId: l.person_id ? l.id : null,
    occasion: l.occasion,
    offerName: l.offer_name,
    organisationName: l.org_name,
    occasionDate: l.occasion_date,
    title: l.session_title,
    answered: l.answered,
  };
}

/** What the link is about, before answering: no login, nothing about the parent. */
export async function getSurveyByToken(
  deps: Deps,
  ctx: RequestContext,
  token: string,
): Promise<PendingSurvey> {
  return runUseCase(deps, ctx, async (tx) => {
    const link = await asSystem(tx, () => repo.findLinkByHash(tx, hashSurveyToken(token)));
    if (!link) throw new NotFoundError('The survey');
    return { ...toPending(link), linkId: null };
  });
}

/** "Spørgeskemaer" in the portal: the logged-in parent's own links, answered or not. */
export async function listMySurveys(deps: Deps, ctx: RequestContext): Promise<PendingSurvey[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    if (p?.kind !== 'parent')
      throw new ForbiddenError({ attempted: 'read', entityType: 'survey_link', reason: 'parents only' });
    const links = await asSystem(tx, () => repo.linksOfPerson(tx, p.personId));
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'survey_link',
      personId: p.personId,
      basis: 'self',
      detail: { links: links.length },
    });
    return links.map(toPending);
  });
}

/**
 * One answer per link. The link is marked used and the response written with no reference back:
 * the response row holds the survey, the offer, the scores and the day, never the link or the person.
 */
export async function submitSurveyResponse(
  deps: Deps,
  ctx: RequestContext,
  body: SubmitSurveyResponseBody,
): Promise<{ answered: true }> {
  return runUseCase(deps, ctx, async (tx) => {
    const freeText = normaliseFreeText(body.freeText);
    const errors = checkSurveyAnswers({ scores: body.scores, freeText });
    if (errors.length > 0) throw new InputError('The answer has invalid fields', errors);

    let link: repo.LinkRow | undefined;
    if (body.token !== undefined) {
      const token = body.token;
      link = await asSystem(tx, () => repo.findLinkByHash(tx, hashSurveyToken(token)));
    } else {
      const linkId = body.linkId as string;
      const p = ctx.principal;
      link = await asSystem(tx, () => repo.findLinkById(tx, linkId));
      if (link && (p?.kind !== 'parent' || link.person_id !== p.personId))
        throw new ForbiddenError({
          attempted: 'write',
          entityType: 'survey_link',
          entityId: linkId,
          dataOrgId: link.org_id,
          reason: 'only the parent the survey was sent to answers it',
        });
    }
    if (!link) throw new NotFoundError('The survey');
    const found = link;
    if (found.answered || !(await asSystem(tx, () => repo.markAnswered(tx, found.id))))
      throw new ConflictError('The survey has been answered already');
    await asSystem(tx, () =>
      repo.insertResponse(tx, {
        survey_id: found.survey_id,
        org_id: found.org_id,
        offer_id: found.offer_id,
        answered_on: copenhagenDate(ctx.now),
        can_act: body.scores.can_act,
        heard: body.scores.heard,
        satisfied: body.scores.satisfied,
        free_text: freeText,
      }),
    );
    // The trail says the organisation's survey was answered, never which: with the survey's id,
    // a day with one answer would tie the response row (survey, day) to the parent who acted.
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'survey_response',
      orgId: found.org_id,
      dataOrgId: found.org_id,
    });
    return { answered: true as const };
  });
}
