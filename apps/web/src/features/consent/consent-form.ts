import type { AccessLogEntry, Consent, GrantConsentBody } from '@familiespor/contracts';
import { type ConsentableCategory, consentableCategories, copenhagenDate } from '@familiespor/domain';

export type ConsentDraft = {
  toOrgId: string;
  fromOrgId: string;
  categories: ConsentableCategory[];
  purpose: string;
  validTo: string;
  grantedByPersonId: string;
  capturedHow: '' | 'paper' | 'verbal';
};

export const emptyDraft = (): ConsentDraft => ({
  toOrgId: '',
  fromOrgId: '',
  categories: [],
  purpose: '',
  validTo: '',
  grantedByPersonId: '',
  capturedHow: '',
});

export type DraftField =
  | 'toOrgId'
  | 'fromOrgId'
  | 'categories'
  | 'purpose'
  | 'validTo'
  | 'grantedByPersonId'
  | 'capturedHow';
/** The order the fields stand in the form, for the error summary. */
export const draftFields: readonly DraftField[] = [
  'grantedByPersonId',
  'toOrgId',
  'categories',
  'fromOrgId',
  'purpose',
  'validTo',
  'capturedHow',
];

/**
 * What is missing before the form is sent; the server checks the rest (and again all of this).
 * `staff` adds who gave the consent and how.
 */
export function draftProblems(
  d: ConsentDraft,
  staff: boolean,
  today: string,
): Partial<Record<DraftField, string>> {
  const p: Partial<Record<DraftField, string>> = {};
  if (staff && !d.grantedByPersonId) p.grantedByPersonId = 'required';
  if (!d.toOrgId) p.toOrgId = 'required';
  if (d.categories.length === 0) p.categories = 'required';
  if (!d.fromOrgId) p.fromOrgId = 'required';
  else if (d.fromOrgId === d.toOrgId) p.fromOrgId = 'same_organisation';
  if (d.purpose.trim().length < 3) p.purpose = 'required';
  if (!d.validTo) p.validTo = 'required';
  else if (d.validTo < today) p.validTo = 'in_past';
  if (staff && !d.capturedHow) p.capturedHow = 'required';
  return p;
}

export function draftBody(d: ConsentDraft, familyId: string, staff: boolean): GrantConsentBody {
  // Categories in the matrix's order, whatever order they were ticked in.
  const categories = consentableCategories.filter((c) => d.categories.includes(c));
  return {
    familyId,
    categories,
    fromOrgId: d.fromOrgId,
    toOrgId: d.toOrgId,
    purpose: d.purpose.trim(),
    validTo: d.validTo,
    ...(staff ? { grantedByPersonId: d.grantedByPersonId, capturedHow: d.capturedHow || 'paper' } : {}),
  };
}

/** Active and pending first, then the ended ones; newest first within each. */
export function sortConsents(consents: readonly Consent[]): Consent[] {
  const rank = (c: Consent) => (c.status === 'active' || c.status === 'pending' ? 0 : 1);
  return [...consents].sort((a, b) => rank(a) - rank(b) || b.capturedAt.localeCompare(a.capturedAt));
}

/** The access log grouped by Danish calendar day, newest day first, keeping the order within. */
export function groupByDay(entries: readonly AccessLogEntry[]): { day: string; entries: AccessLogEntry[] }[] {
  const groups: { day: string; entries: AccessLogEntry[] }[] = [];
  for (const e of entries) {
    const day = copenhagenDate(new Date(e.occurredAt));
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(e);
    else groups.push({ day, entries: [e] });
  }
  return groups;
}

/**
 * When a row of the access log happened: one time for a single event, or the span and the
 * number of times for repeated reads the server grouped into one row.
 */
export function whenOf(
  e: Pick<AccessLogEntry, 'occurredAt' | 'firstOccurredAt' | 'count'>,
): { kind: 'once'; at: string } | { kind: 'repeated'; from: string; to: string; count: number } {
  return e.count > 1
    ? { kind: 'repeated', from: e.firstOccurredAt, to: e.occurredAt, count: e.count }
    : { kind: 'once', at: e.occurredAt };
}

/** Record kinds the log has plain words for; anything else is named by its category. */
export const knownEntityTypes = [
  'family',
  'family_timeline',
  'screening',
  'child_visit',
  'visit_plan',
  'pregnancy',
  'birth',
  'consent',
  'enrollment',
  'coordinator',
  'person',
  'referral',
  'handover',
  'task',
] as const;
export type KnownEntityType = (typeof knownEntityTypes)[number];
export const entityWord = (type: string): KnownEntityType | null =>
  (knownEntityTypes as readonly string[]).includes(type) ? (type as KnownEntityType) : null;
