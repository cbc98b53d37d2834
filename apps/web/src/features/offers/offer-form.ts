import {
  checkTemplate,
  type FivTheme,
  fivMinimumSessions,
  fivTemplate,
  fivThemes,
} from '@familiespor/domain';
import { z } from 'zod';
import type {
  CreateOfferInput,
  Offer,
  OfferKind,
  OfferLevel,
  TemplateSession,
  UpdateOfferInput,
} from '../../api/api.types';

export const offerKinds = [
  'course',
  'group',
  'home_visits',
  'counselling',
  'open_counselling',
  'event',
] as const;
export const offerLevels = ['universal', 'extended', 'targeted', 'specialised'] as const;
/** Languages offered as boxes to tick; an offer's own other languages are added to the list. */
export const commonLanguages = ['da', 'en', 'ar', 'so', 'tr', 'ur', 'fa', 'pl', 'uk', 'ti'] as const;

export type SessionRow = {
  key: string;
  title: string;
  theme: FivTheme;
  from: 'due_date' | 'birth';
  /** Before the due date: days, written as a positive number. */
  daysBeforeDue: string;
  months: string;
  days: string;
};
export type SiteRow = { name: string; address: string; maxCohorts: string; languages: string[] };

export type OfferFormValues = {
  name: string;
  description: string;
  kind: OfferKind;
  level: OfferLevel;
  capacity: string;
  languages: string[];
  legalBasis: string;
  schedule: string;
  referralOnly: boolean;
  fiv: boolean;
  active: boolean;
  firstTimeParentsOnly: boolean;
  limitWeeks: boolean;
  weeksFrom: string;
  weeksTo: string;
  limitMonths: boolean;
  monthsFrom: string;
  monthsTo: string;
  sites: SiteRow[];
  template: SessionRow[];
};

/** A whole number within bounds, written in a text box ("" when empty). */
const whole = (text: string, min: number, max: number): boolean =>
  /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;

const issue = (ctx: z.RefinementCtx, path: (string | number)[], code: string) =>
  ctx.addIssue({ code: 'custom', path, message: code });

/**
 * The form's rules, the same as the API's (createOfferBody, checkTemplate), so most mistakes are
 * shown before anything is sent. Custom issues carry their code as the message.
 */
export const offerFormSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000),
    kind: z.enum(offerKinds),
    level: z.enum(offerLevels),
    capacity: z.string(),
    languages: z.array(z.string()).min(1),
    legalBasis: z.string().trim().min(3).max(500),
    schedule: z.string().trim().max(500),
    referralOnly: z.boolean(),
    fiv: z.boolean(),
    active: z.boolean(),
    firstTimeParentsOnly: z.boolean(),
    limitWeeks: z.boolean(),
    weeksFrom: z.string(),
    weeksTo: z.string(),
    limitMonths: z.boolean(),
    monthsFrom: z.string(),
    monthsTo: z.string(),
    sites: z.array(
      z.object({
        name: z.string().trim().min(1).max(200),
        address: z.string().trim().min(1).max(300),
        maxCohorts: z.string(),
        languages: z.array(z.string()).min(1),
      }),
    ),
    template: z.array(
      z.object({
        key: z.string(),
        title: z.string().trim().min(1).max(200),
        theme: z.enum(fivThemes),
        from: z.enum(['due_date', 'birth']),
        daysBeforeDue: z.string(),
        months: z.string(),
        days: z.string(),
      }),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.capacity.trim() !== '' && !whole(v.capacity, 1, 10_000)) issue(ctx, ['capacity'], 'invalid');
    if (v.fiv && v.kind !== 'course') issue(ctx, ['kind'], 'fiv_is_a_course');
    if (v.limitWeeks) {
      if (!whole(v.weeksFrom, 0, 42)) issue(ctx, ['weeksFrom'], 'invalid');
      else if (!whole(v.weeksTo, 0, 42)) issue(ctx, ['weeksTo'], 'invalid');
      else if (Number(v.weeksFrom) > Number(v.weeksTo)) issue(ctx, ['weeksTo'], 'before_from');
    }
    if (v.limitMonths) {
      if (!whole(v.monthsFrom, 0, 36)) issue(ctx, ['monthsFrom'], 'invalid');
      else if (!whole(v.monthsTo, 0, 36)) issue(ctx, ['monthsTo'], 'invalid');
      else if (Number(v.monthsFrom) > Number(v.monthsTo)) issue(ctx, ['monthsTo'], 'before_from');
    }
    v.sites.forEach((s, i) => {
      if (!whole(s.maxCohorts, 0, 200)) issue(ctx, ['sites', i, 'maxCohorts'], 'invalid');
    });
    if (v.kind !== 'course') return;
    let offsetsOk = true;
    v.template.forEach((s, i) => {
      const ok =
        s.from === 'due_date'
          ? whole(s.daysBeforeDue, 0, 280)
          : whole(s.months, 0, 48) && whole(s.days, 0, 60);
      if (!ok) {
        offsetsOk = false;
        issue(ctx, ['template', i, s.from === 'due_date' ? 'daysBeforeDue' : 'months'], 'invalid');
      }
    });
    if (v.fiv && v.template.length < fivMinimumSessions) issue(ctx, ['template'], 'too_few_sessions');
    if (!offsetsOk) return;
    for (const p of checkTemplate(v.template.map(toTemplateSession), false)) {
      if (p.index !== null) issue(ctx, ['template', p.index, offsetField(v.template[p.index])], p.code);
    }
  });

const offsetField = (row: SessionRow | undefined) => (row?.from === 'birth' ? 'months' : 'daysBeforeDue');

export function toTemplateSession(row: SessionRow): TemplateSession {
  return {
    key: row.key,
    title: row.title.trim(),
    theme: row.theme,
    offset:
      row.from === 'due_date'
        ? { from: 'due_date', days: -Number(row.daysBeforeDue) }
        : { from: 'birth', months: Number(row.months), days: Number(row.days) },
  };
}

export function toSessionRow(s: TemplateSession): SessionRow {
  return {
    key: s.key,
    title: s.title,
    theme: s.theme,
    from: s.offset.from,
    daysBeforeDue: s.offset.from === 'due_date' ? String(-s.offset.days) : '0',
    months: s.offset.from === 'birth' ? String(s.offset.months) : '0',
    days: s.offset.from === 'birth' ? String(s.offset.days) : '0',
  };
}

/** A key for a new session, unique in the template (the API wants [a-z0-9_]). */
export function newSessionKey(rows: readonly { key: string }[]): string {
  let n = rows.length + 1;
  while (rows.some((r) => r.key === `session_${n}`)) n++;
  return `session_${n}`;
}

export const standardFivSessions = (): SessionRow[] => fivTemplate.map(toSessionRow);

export function emptyOffer(): OfferFormValues {
  return {
    name: '',
    description: '',
    kind: 'course',
    level: 'universal',
    capacity: '',
    languages: ['da'],
    legalBasis: '',
    schedule: '',
    referralOnly: false,
    fiv: false,
    active: true,
    firstTimeParentsOnly: false,
    limitWeeks: false,
    weeksFrom: '',
    weeksTo: '',
    limitMonths: false,
    monthsFrom: '',
    monthsTo: '',
    sites: [],
    template: [],
  };
}

export function fromOffer(o: Offer): OfferFormValues {
  const e = o.eligibility;
  return {
    name: o.name,
    description: o.description,
    kind: o.kind,
    level: o.level,
    capacity: o.capacity === null ? '' : String(o.capacity),
    languages: [...o.languages],
    legalBasis: o.legalBasis,
    schedule: o.schedule ?? '',
    referralOnly: o.referralOnly,
    fiv: o.fiv,
    active: o.active,
    firstTimeParentsOnly: Boolean(e.firstTimeParentsOnly),
    limitWeeks: Boolean(e.pregnancyWeeks),
    weeksFrom: e.pregnancyWeeks ? String(e.pregnancyWeeks.from) : '',
    weeksTo: e.pregnancyWeeks ? String(e.pregnancyWeeks.to) : '',
    limitMonths: Boolean(e.childAgeMonths),
    monthsFrom: e.childAgeMonths ? String(e.childAgeMonths.from) : '',
    monthsTo: e.childAgeMonths ? String(e.childAgeMonths.to) : '',
    sites: o.sites.map((s) => ({
      name: s.name,
      address: s.address,
      maxCohorts: String(s.maxCohorts),
      languages: [...s.languages],
    })),
    template: (o.template ?? []).map(toSessionRow),
  };
}

/** The eligibility rules the form edits, on top of those it does not (e.g. municipalities). */
function eligibilityOf(v: OfferFormValues, existing: Offer['eligibility'] = {}): Offer['eligibility'] {
  const { firstTimeParentsOnly: _f, pregnancyWeeks: _w, childAgeMonths: _m, ...kept } = existing;
  return {
    ...kept,
    ...(v.firstTimeParentsOnly ? { firstTimeParentsOnly: true } : {}),
    ...(v.limitWeeks ? { pregnancyWeeks: { from: Number(v.weeksFrom), to: Number(v.weeksTo) } } : {}),
    ...(v.limitMonths ? { childAgeMonths: { from: Number(v.monthsFrom), to: Number(v.monthsTo) } } : {}),
  };
}

const capacityOf = (v: OfferFormValues) => (v.capacity.trim() === '' ? null : Number(v.capacity));

export function toCreateBody(v: OfferFormValues): CreateOfferInput {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    kind: v.kind,
    level: v.level,
    eligibility: eligibilityOf(v),
    capacity: capacityOf(v),
    languages: v.languages,
    legalBasis: v.legalBasis.trim(),
    referralOnly: v.referralOnly,
    fiv: v.fiv,
    schedule: v.schedule.trim() === '' ? null : v.schedule.trim(),
    sites: v.sites.map((s) => ({
      name: s.name.trim(),
      address: s.address.trim(),
      maxCohorts: Number(s.maxCohorts),
      languages: s.languages,
    })),
    ...(v.kind === 'course' && v.template.length > 0 ? { template: v.template.map(toTemplateSession) } : {}),
  };
}

/** Only what the API lets change after creation (kind, level, sites and municipalities stay). */
export function toUpdateBody(v: OfferFormValues, existing: Offer): UpdateOfferInput {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    eligibility: eligibilityOf(v, existing.eligibility),
    capacity: capacityOf(v),
    languages: v.languages,
    legalBasis: v.legalBasis.trim(),
    schedule: v.schedule.trim() === '' ? null : v.schedule.trim(),
    active: v.active,
    ...(existing.kind === 'course' && v.template.length > 0
      ? { template: v.template.map(toTemplateSession) }
      : {}),
  };
}

/** The pregnancy week a session lies in, for the hint under "days before the due date". */
export function weekOf(daysBeforeDue: string): string | null {
  if (!/^\d+$/.test(daysBeforeDue.trim())) return null;
  const d = 280 - Number(daysBeforeDue);
  if (d < 0) return null;
  return `${Math.floor(d / 7)}+${d % 7}`;
}
