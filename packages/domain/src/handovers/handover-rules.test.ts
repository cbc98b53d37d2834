import { describe, expect, it } from 'vitest';
import { checkHandover, handoverStartLimits, hasHandoverContent } from './handover-rules';

const content = {
  needs: 'Sover dårligt; trives med faste rutiner',
  agreements: '',
  contacts: [],
  freeText: '',
};
const today = '2026-11-23';
const ok = { transition: 'daycare' as const, startDate: '2027-02-01', content, receivingService: 'daycare' };

describe('a handover before it is sent', () => {
  it('passes with content, a start date within the limits and a daycare unit', () => {
    expect(checkHandover(ok, today)).toEqual([]);
  });

  it('accepts a start a few days ago (written late) but not one long past', () => {
    expect(checkHandover({ ...ok, startDate: '2026-11-09' }, today)).toEqual([]);
    const late = checkHandover({ ...ok, startDate: '2026-11-08' }, today);
    expect(late.map((e) => [e.path, e.code])).toEqual([['startDate', 'too_far_in_past']]);
    expect(handoverStartLimits.daysInPast).toBe(14);
  });

  it('refuses a start more than a year ahead', () => {
    expect(checkHandover({ ...ok, startDate: '2027-11-25' }, today).map((e) => e.code)).toEqual([
      'too_far_ahead',
    ]);
  });

  it('needs something to hand over: needs, agreements or a note, not contacts alone', () => {
    const empty = { needs: ' ', agreements: '', contacts: [{ name: 'Mette' }], freeText: '\n' };
    expect(hasHandoverContent(empty)).toBe(false);
    expect(checkHandover({ ...ok, content: empty }, today).map((e) => e.path)).toEqual(['content']);
    expect(hasHandoverContent({ ...empty, agreements: 'Opstart med mor de første tre dage' })).toBe(true);
  });

  it('goes to a unit that receives the transition', () => {
    expect(checkHandover({ ...ok, receivingService: 'health_visiting' }, today).map((e) => e.code)).toEqual([
      'wrong_service',
    ]);
    const specialised = { ...ok, transition: 'specialised' as const };
    expect(checkHandover({ ...specialised, receivingService: 'social_services' }, today)).toEqual([]);
    expect(checkHandover({ ...specialised, receivingService: 'family_counselling' }, today)).toEqual([]);
    expect(checkHandover({ ...specialised, receivingService: 'daycare' }, today)).toHaveLength(1);
  });
});
