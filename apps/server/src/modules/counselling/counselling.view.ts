import type {
  CounsellingCase,
  CounsellingCaseSummary,
  CounsellingContact,
  CounsellingParty,
} from '@familiespor/contracts';
import { type CounsellingParticipant, copenhagenDate, goalProgress } from '@familiespor/domain';
import type { CounsellingFamilyCopyJson } from '../../db/schema';
import type { Tx } from '../../db/scope';
import * as repo from './counselling.repo';

/** "Amira & Mikkel Hansen": the parents as the case wrote them down, mother first. */
export function familyNameOf(copy: CounsellingFamilyCopyJson): string {
  const parents = copy.parents;
  if (parents.length === 0) return copy.children.map((c) => `${c.givenName} ${c.familyName}`).join(' & ');
  const surnames = new Set(parents.map((p) => p.familyName));
  if (surnames.size === 1)
    return `${parents.map((p) => p.givenName).join(' & ')} ${parents[0]?.familyName ?? ''}`;
  return parents.map((p) => `${p.givenName} ${p.familyName}`).join(' & ');
}

export function toSummary(r: repo.CaseSummaryRow): CounsellingCaseSummary {
  return {
    id: r.id,
    familyId: r.family_id,
    familyName: familyNameOf(r.family_copy),
    organisation: { id: r.org_id, name: r.org_name },
    unit: { id: r.unit_id, name: r.unit_name },
    counsellor: { id: r.counsellor_id, name: r.counsellor_name },
    status: r.status,
    openedFrom: r.opened_from,
    referralId: r.referral_id,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    outcome: r.outcome,
    lastContactOn: (r.last_contact_on as string | null) ?? null,
    goals: Number(r.goal_count ?? 0),
  };
}

type PartyRow = Awaited<ReturnType<typeof repo.partiesOf>>[number];

function toParty(p: PartyRow, parentName: (personId: string) => string): CounsellingParty {
  const consent: CounsellingParty['consent'] = p.consent_id
    ? { kind: 'register', consentId: p.consent_id, inForce: p.consent_in_force }
    : {
        kind: 'recorded',
        grantedBy: { id: p.consent_person_id as string, name: parentName(p.consent_person_id as string) },
        capturedHow: p.consent_how as 'paper' | 'verbal',
        givenOn: p.consent_on as string,
      };
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    contact: p.contact,
    unit: p.party_unit_id ? { id: p.party_unit_id, name: p.unit_name ?? '' } : null,
    organisation: p.party_org_id ? { id: p.party_org_id, name: p.org_name ?? '' } : null,
    consent,
    addedOn: copenhagenDate(p.added_at),
  };
}

/** The whole case, read after the decision (row-level security is the second line). */
export async function readCase(tx: Tx, id: string, now: Date, canWrite: boolean): Promise<CounsellingCase> {
  const r = await repo.findCase(tx, id);
  if (!r) throw new Error(`counselling case ${id} vanished inside its own transaction`);
  const [goals, scores, contacts, parties] = await Promise.all([
    repo.goalsOf(tx, id),
    repo.scoresOf(tx, id),
    repo.contactsOf(tx, id),
    repo.partiesOf(tx, id, now),
  ]);
  const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;
  return {
    ...toSummary(r),
    reason: r.reason,
    parents: r.family_copy.parents.map((p) => ({ personId: p.personId, role: p.role, name: name(p) })),
    children: r.family_copy.children.map((c) => ({
      personId: c.personId,
      name: name(c),
      birthDate: c.birthDate,
    })),
    request: r.request_how
      ? { byPersonId: r.requested_by_person_id, capturedHow: r.request_how, consentId: r.consent_id }
      : null,
    closingNote: r.closing_note,
    closedBy: r.closed_by ? { id: r.closed_by, name: r.closed_by_name ?? '' } : null,
    goals: goals.map((g) => {
      const own = scores.filter((s) => s.goal_id === g.id);
      return {
        id: g.id,
        title: g.title,
        createdOn: g.created_on,
        scores: own.map((s) => ({
          id: s.id,
          score: s.score,
          scoredOn: s.scored_on,
          note: s.note,
          by: { id: s.scored_by, name: s.name },
        })),
        progress: goalProgress(
          own.map((s) => ({ score: s.score, scoredOn: s.scored_on, scoredAt: s.scored_at.toISOString() })),
        ),
      };
    }),
    contacts: contacts.map(
      (k): CounsellingContact => ({
        id: k.id,
        contactOn: k.contact_on,
        form: k.form,
        durationMinutes: k.duration_minutes,
        participants: k.participants as CounsellingParticipant[],
        note: k.note,
        by: { id: k.recorded_by, name: k.name },
      }),
    ),
    // The parent who agreed, by the case's own copy of the family (the family's records are not read).
    parties: parties.map((p) =>
      toParty(p, (id) => {
        const parent = r.family_copy.parents.find((x) => x.personId === id);
        return parent ? name(parent) : '';
      }),
    ),
    canWrite,
  };
}
