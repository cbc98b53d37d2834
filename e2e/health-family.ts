import { adult, childCpr, copenhagenDay, type TestPerson, testSurname } from './family-data';
import { type ApiClient, apiAs } from './fixtures';

export type NewbornFamilyOptions = {
  parents: { mother: string; father: string };
  street: string;
  child: { givenName: string; sex: 'female' | 'male' };
  /** Local times on the day of birth, HH:MM. */
  birthTime: string;
  dischargeTime: string;
  birthplace?: string;
};

export type NewbornFamily = {
  id: string;
  surname: string;
  mother: TestPerson;
  father: TestPerson;
  members: { personId: string; role: string }[];
  /** The health visitor's client that registered the birth, for the caller's further steps. */
  hv: ApiClient;
};

/**
 * A family of its own in Sundhedsplejen Nord (postcode 9991, the demo health visitor's district),
 * so no other browser test — they run in parallel on the same server — touches it: the midwife
 * registers the pregnancy with both parents, the health visitor the birth 65 days ago. Registering
 * the birth plans the child's visits, so the 2-month visit's window is open now and for about four
 * more weeks.
 */
export async function registerFamilyWithNewborn(options: NewbornFamilyOptions): Promise<NewbornFamily> {
  const surname = testSurname();
  const mother = adult('female', options.parents.mother, surname);
  const father = adult('male', options.parents.father, surname);
  const born = copenhagenDay(-65);
  const midwife = await apiAs('midwife');
  const family = await midwife.request<{ id: string; pregnancies?: { id: string }[] }>(
    'POST',
    '/api/pregnancies',
    {
      mother: {
        cpr: mother.cpr,
        givenName: mother.givenName,
        familyName: mother.familyName,
        firstTimeParent: true,
      },
      partner: {
        role: 'father',
        cpr: father.cpr,
        givenName: father.givenName,
        familyName: father.familyName,
        firstTimeParent: true,
      },
      dueDate: copenhagenDay(0),
      careLevel: 1,
      address: { street: options.street, postcode: '9991', city: 'Demoby', municipalityCode: '999' },
      consent: { shareWithHealthVisiting: true, capturedHow: 'verbal' },
    },
  );
  const hv = await apiAs('health_visitor');
  const { sex, givenName } = options.child;
  const withChild = await hv.request<{ members: { personId: string; role: string }[] }>(
    'POST',
    `/api/families/${family.id}/births`,
    {
      ...(family.pregnancies?.[0] ? { pregnancyId: family.pregnancies[0].id } : {}),
      child: { cpr: childCpr(born, sex), givenName, familyName: surname, sex },
      birthTime: `${born}T${options.birthTime}:00+01:00`,
      dischargeTime: `${born}T${options.dischargeTime}:00+01:00`,
      ...(options.birthplace ? { birthplace: options.birthplace } : {}),
    },
  );
  return { id: family.id, surname, mother, father, members: withChild.members, hv };
}
