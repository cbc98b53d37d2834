import { daysBetween } from '../time/calendar';
import type { FamilyDims } from './indicator-facts';

/** A family's usual breakdowns, as contribution dimensions. */
export const familyDims = (f: FamilyDims) => ({
  district: f.district,
  language: f.language,
  ...(f.careLevel ? { care_level: String(f.careLevel) } : {}),
});
export const familyDimensions = ['district', 'language', 'care_level'] as const;
export const one = (yes: boolean) => (yes ? 1 : 0);
/** `to` is on or after `from` and at most `days` days later. */
export const within = (from: string, to: string | null, days: number) =>
  to !== null && to >= from && daysBetween(from, to) <= days;
