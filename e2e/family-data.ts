import { closeSync, mkdirSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCpr } from '@familiespor/domain';
import { type ApiClient, baseUrl } from './fixtures';

/**
 * Test people for the family flows. CPR numbers are replacement-style (60 added to the day,
 * DESIGN §5), so they can never be a real person's; the serial's first digit 3 keeps them
 * apart from the demo data's synthetic numbers, and a per-run counter keeps them apart from
 * each other.
 */
let counter = Math.floor(Math.random() * 400);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export type TestPerson = { cpr: string; birthDate: string; givenName: string; familyName: string };

const surnames = [
  'Holmgaard',
  'Vestergaard',
  'Lindholm',
  'Bækgaard',
  'Skovbo',
  'Nørgaard',
  'Aagaard',
  'Kjærsgaard',
];
const suffixes = ['Ravn', 'Bech', 'Krogh', 'Dahl', 'Friis', 'Lund', 'Mogensen', 'Steen'];
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T;

/** A double surname from two short lists: with the random birth date, no two runs collide. */
export const testSurname = () => `${pick(surnames)}-${pick(suffixes)}`;

/** An adult born 1985–1999 (the CPR's seventh digit 3 means the 1900s). */
export function adult(sex: 'female' | 'male', givenName: string, familyName = testSurname()): TestPerson {
  counter += 1;
  const year = 1985 + Math.floor(Math.random() * 15);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  const serial = `3${pad(counter % 100)}${(Math.floor(counter / 100) % 5) * 2 + (sex === 'male' ? 1 : 0)}`;
  return {
    cpr: `${day + 60}${pad(month)}${pad(year % 100)}-${serial}`,
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    givenName,
    familyName,
  };
}

/** Another person with the same name and birth date: what the duplicate check is for. */
export function lookalike(p: TestPerson, sex: 'female' | 'male'): TestPerson {
  counter += 1;
  const [y, m, d] = p.birthDate.split('-');
  const serial = `2${pad(counter % 100)}${(Math.floor(counter / 100) % 5) * 2 + (sex === 'male' ? 1 : 0)}`;
  return { ...p, cpr: `${Number(d) + 60}${m}${y?.slice(2)}-${serial}` };
}

/** A child born on a date (after 2000: seventh digit 4), replacement-style as well. */
/**
 * A number no other browser-test file of this run has drawn. Files run side by side, each with
 * its own module state, and several register a newborn born on the same day: a per-file counter
 * gave two of them the same CPR number. An exclusive create in a directory of this run's server
 * (its port) hands out each number once across processes.
 */
function runWideNumber(): number {
  const dir = join(tmpdir(), `familiespor-e2e-children-${new URL(baseUrl()).port}`);
  mkdirSync(dir, { recursive: true });
  for (let n = 0; ; n++) {
    try {
      closeSync(openSync(join(dir, String(n)), 'wx'));
      return n;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * A child born on `birthDate`, unique within the run. The demo's synthetic children count their
 * numbers up from the first of the day (syntheticCpr's running number 0, 1, …); the tests count
 * down from the last (2,999), so the two never meet.
 */
export function childCpr(birthDate: string, sex: 'female' | 'male'): string {
  const cpr = syntheticCpr(birthDate, 2999 - (runWideNumber() % 1500), sex);
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

/** A date in Copenhagen, days from today (YYYY-MM-DD). */
export function copenhagenDay(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

/** A pregnancy registered through the API by the midwife (postcode 9991: Sundhedsplejen Nord). */
export async function registerPregnancyByApi(
  midwife: ApiClient,
  mother: TestPerson,
  dueDate: string,
): Promise<{ id: string }> {
  return midwife.request('POST', '/api/pregnancies', {
    mother: {
      cpr: mother.cpr,
      givenName: mother.givenName,
      familyName: mother.familyName,
      firstTimeParent: true,
    },
    partner: null,
    dueDate,
    careLevel: 1,
    address: { street: 'Skovvej 12', postcode: '9991', city: 'Demoby', municipalityCode: '999' },
    consent: { shareWithHealthVisiting: true, capturedHow: 'verbal' },
  });
}
