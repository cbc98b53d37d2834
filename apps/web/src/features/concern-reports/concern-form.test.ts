import { describe, expect, it } from 'vitest';
import { concernBody, concernFieldOfPath, emptyConcernForm } from './concern-form';

const filled = {
  ...emptyConcernForm,
  worry: 'Barnet er ofte sultent og beskidt',
  observations: 'Set flere gange i denne måned',
  parentsInformed: 'no' as const,
  urgency: 'normal' as const,
  phone: '+45 20 30 40 50',
};

describe('the concern report form', () => {
  it('needs a child or a pregnancy when the family is known', () => {
    expect(concernBody(filled, 'f1')).toEqual({ errors: { subject: 'required' } });
    const ok = concernBody({ ...filled, subject: 'pregnancy:p1' }, 'f1');
    expect(ok).toMatchObject({
      body: { familyId: 'f1', pregnancyId: 'p1', senderContact: { phone: '+45 20 30 40 50' } },
    });
  });

  it('identifies a child not known in Familiespor by name, address and municipality', () => {
    expect(concernBody(filled, null)).toEqual({
      errors: { name: 'required', address: 'required', municipalityOrgId: 'required' },
    });
    const ok = concernBody(
      {
        ...filled,
        name: 'Liva',
        address: 'Rosenvej 3',
        municipalityOrgId: 'm1',
        unborn: 'unborn',
        dueDate: '2027-01-01',
        birthDate: '2020-01-01',
      },
      null,
    );
    expect(ok).toMatchObject({
      body: { unregistered: { unborn: true, name: 'Liva', dueDate: '2027-01-01', municipalityOrgId: 'm1' } },
    });
    expect('body' in ok && ok.body.unregistered && 'birthDate' in ok.body.unregistered).toBe(false);
  });

  it('asks for a way to reach the sender, and for enough words about the worry', () => {
    const r = concernBody({ ...filled, subject: 'child:c1', phone: '', worry: 'kort' }, 'f1');
    expect(r).toEqual({ errors: { phone: 'contact_required', worry: 'too_small' } });
  });

  it('maps the server’s error paths onto the form', () => {
    expect(concernFieldOfPath('subject')).toBe('subject');
    expect(concernFieldOfPath('childPersonId')).toBe('subject');
    expect(concernFieldOfPath('unregistered.municipalityOrgId')).toBe('municipalityOrgId');
    expect(concernFieldOfPath('senderContact.email')).toBe('email');
    expect(concernFieldOfPath('worry')).toBe('worry');
    expect(concernFieldOfPath('nothing')).toBeNull();
  });
});
