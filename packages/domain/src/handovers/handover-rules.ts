import { addDays } from '../time/calendar';

/**
 * Handovers at transitions (DESIGN §1, cross-sector row): health visiting hands a child over to
 * daycare on the start date, or to the specialised children's area.
 */
export const handoverTransitions = ['daycare', 'specialised'] as const;
export type HandoverTransition = (typeof handoverTransitions)[number];

/** The kind of unit that receives each transition (the unit's `service`). */
export const receivingServices: Record<HandoverTransition, readonly string[]> = {
  daycare: ['daycare'],
  // Børn og Familie (social services) or the municipality's family counselling.
  specialised: ['social_services', 'family_counselling'],
};

/**
 * A handover written a little after the child started is still useful; one for a start long
 * past is a mistake in the date. More than a year ahead is no transition anyone plans yet.
 */
export const handoverStartLimits = { daysInPast: 14, daysAhead: 366 } as const;

export type HandoverContent = {
  needs: string;
  agreements: string;
  contacts: readonly { name: string }[];
  freeText: string;
};

export type HandoverFieldError = { path: string; code: string; message: string };

/** Something to hand over: what the child and family need, what was agreed, or a note. */
export function hasHandoverContent(c: HandoverContent): boolean {
  return [c.needs, c.agreements, c.freeText].some((t) => t.trim().length > 0);
}

/** The checks a handover must pass before it is sent, as field errors (empty when it may go). */
export function checkHandover(
  h: {
    transition: HandoverTransition;
    startDate: string;
    content: HandoverContent;
    receivingService: string | null;
  },
  today: string,
): HandoverFieldError[] {
  const errors: HandoverFieldError[] = [];
  if (h.startDate < addDays(today, -handoverStartLimits.daysInPast))
    errors.push({
      path: 'startDate',
      code: 'too_far_in_past',
      message: `The start date is more than ${handoverStartLimits.daysInPast} days ago`,
    });
  else if (h.startDate > addDays(today, handoverStartLimits.daysAhead))
    errors.push({
      path: 'startDate',
      code: 'too_far_ahead',
      message: 'The start date is more than a year ahead',
    });
  if (!hasHandoverContent(h.content))
    errors.push({
      path: 'content',
      code: 'empty',
      message: 'Write what the child and the family need, the agreements made, or a note',
    });
  if (h.receivingService !== null && !receivingServices[h.transition].includes(h.receivingService))
    errors.push({
      path: 'receivingUnitId',
      code: 'wrong_service',
      message: `The unit does not receive ${h.transition === 'daycare' ? 'children starting daycare' : 'the specialised area’s handovers'}`,
    });
  return errors;
}
