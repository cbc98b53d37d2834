import {
  addDays,
  type ChildAgeBand,
  type ContactOutcome,
  type ContactWho,
  type CounsellingTopic,
  copenhagenDate,
  isoWeekdayOf,
} from '@familiespor/domain';
import { danishDaysOff } from '@familiespor/domain/working-days';
import type { Insertable } from 'kysely';
import type { AnonymousContactTable } from '../db/schema';
import type { Tx } from '../db/scope';
import { mulberry32 } from './seeded-random';

/**
 * Mødrehjælpen Demo's open anonymous counselling (step 7): the Wednesday drop-in in Demoby and
 * an evening phone and chat line, with Louise Berg on duty, and a year of anonymous
 * conversations — a handful each Wednesday and Monday, some topics rare enough that the
 * statistics hide them (DESIGN §5). Deterministic from the seed and relative to today.
 */

type Weighted<T> = readonly (readonly [T, number])[];

function pick<T>(rand: () => number, items: Weighted<T>): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const topicWeights: Weighted<CounsellingTopic> = [
  ['finances', 30],
  ['divorce', 18],
  ['child_wellbeing', 22],
  ['relationship', 16],
  ['co_parenting', 12],
  ['housing', 8],
  ['abortion_considerations', 2],
  ['other', 5],
];
const whoWeights: Weighted<ContactWho> = [
  ['mother', 55],
  ['pregnant', 15],
  ['father', 25],
  ['other', 5],
];
const ageWeights: Weighted<ChildAgeBand> = [
  ['under_1', 30],
  ['age_1_to_3', 25],
  ['age_3_to_6', 15],
  ['older', 10],
  ['no_child', 5],
  ['not_stated', 5],
];
/** A few of the conversations get a short note — never a name or a number (the database checks). */
const notes: Partial<Record<CounsellingTopic, string>> = {
  finances: 'Fik råd om budget og hjælp til at søge boligstøtte.',
  co_parenting: 'Talte om samarbejdet med den anden forælder efter bruddet.',
  child_wellbeing: 'Bekymret for barnets søvn; opfordret til at tale med sundhedsplejersken.',
  abortion_considerations: 'Usikker på, om hun vil fortsætte graviditeten; fik information om mulighederne.',
  divorce: 'Vil gerne komme igen næste onsdag og tale videre om skilsmissen.',
};

export async function seedOpenCounselling(tx: Tx, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const org = await tx
    .selectFrom('organisation')
    .select('id')
    .where('name', '=', 'Mødrehjælpen Demo')
    .executeTakeFirstOrThrow();
  const kommune = await tx
    .selectFrom('organisation')
    .select('id')
    .where('name', '=', 'Demo Kommune')
    .executeTakeFirstOrThrow();
  const louise = await tx
    .selectFrom('staff_user')
    .select('id')
    .where('email', '=', 'raadgiver@moedrehjaelpen.demo.dk')
    .executeTakeFirstOrThrow();
  const offer = await tx
    .selectFrom('offer')
    .select('id')
    .where('org_id', '=', org.id)
    .where('kind', '=', 'open_counselling')
    .executeTakeFirst();
  // Offers a parent is pointed to: the municipality's open ones a parent can sign up for alone.
  const bridges = await tx
    .selectFrom('offer')
    .select('id')
    .where('org_id', '=', kommune.id)
    .where('referral_only', '=', false)
    .where('name', 'in', ['Fædregruppe', 'Mødregruppe', 'Temaaften: søvn og gråd'])
    .orderBy('name')
    .execute();

  const started = addDays(today, -400);
  const slot = (row: {
    weekday: number;
    start: string;
    end: string;
    walkIn: boolean;
    chatUrl: string | null;
    note: string;
    languages: string[];
  }) =>
    tx
      .insertInto('open_counselling_slot')
      .values({
        org_id: org.id,
        offer_id: offer?.id ?? null,
        weekday: row.weekday,
        start_time: row.start,
        end_time: row.end,
        walk_in: row.walkIn,
        place_name: row.walkIn ? 'Mødrehjælpens rådgivning, Familiehuset' : '',
        street: row.walkIn ? 'Kirkegade 3' : null,
        postcode: row.walkIn ? '9991' : null,
        city: row.walkIn ? 'Demoby' : null,
        phone: '+45 33 45 43 00',
        chat_url: row.chatUrl,
        languages: row.languages,
        municipality_ids: [kommune.id],
        public_note: row.note,
        valid_from: started,
        created_by: louise.id,
        created_at: new Date(`${started}T09:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const dropIn = await slot({
    weekday: 3,
    start: '15:00',
    end: '18:00',
    walkIn: true,
    chatUrl: null,
    languages: ['da', 'en', 'ar'],
    note: 'Kom forbi uden aftale. Du behøver ikke sige dit navn, og vi skriver ikke noget ned om dig.',
  });
  const line = await slot({
    weekday: 1,
    start: '18:00',
    end: '20:00',
    walkIn: false,
    chatUrl: 'https://chat.moedrehjaelpen.demo.dk',
    languages: ['da', 'en'],
    note: 'Ring eller skriv anonymt om aftenen.',
  });
  await tx
    .insertInto('open_counselling_slot_counsellor')
    .values([dropIn.id, line.id].map((slot_id) => ({ slot_id, staff_user_id: louise.id, org_id: org.id })))
    .execute();

  const rand = mulberry32(20261108);
  const rows: Insertable<AnonymousContactTable>[] = [];
  for (let date = addDays(today, -365); date <= today; date = addDays(date, 1)) {
    const weekday = isoWeekdayOf(date);
    if (weekday !== 1 && weekday !== 3) continue;
    if (danishDaysOff(Number(date.slice(0, 4))).has(date)) continue; // closed on public holidays
    const dropInDay = weekday === 3;
    const count = dropInDay ? 2 + Math.floor(rand() * 6) : Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      const topics = new Set<CounsellingTopic>([pick(rand, topicWeights)]);
      if (rand() < 0.45) topics.add(pick(rand, topicWeights));
      const who = pick(rand, whoWeights);
      const pointed = bridges.length > 0 && rand() < 0.18;
      const outcomes: ContactOutcome[] = ['advice'];
      if (pointed) outcomes.push('pointed_to_offer');
      if (rand() < 0.12) outcomes.push('follow_up_booked');
      rows.push({
        org_id: org.id,
        slot_id: dropInDay ? dropIn.id : line.id,
        offer_id: pointed ? (bridges[Math.floor(rand() * bridges.length)] as { id: string }).id : null,
        contact_date: date,
        channel: dropInDay ? 'walk_in' : rand() < 0.6 ? 'phone' : 'chat',
        who,
        child_age_band: who === 'pregnant' ? 'expecting' : pick(rand, ageWeights),
        topics: [...topics],
        duration_minutes: 10 + Math.floor(rand() * 50),
        outcomes,
        note: rand() < 0.2 ? (notes[[...topics][0] as CounsellingTopic] ?? null) : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('anonymous_contact')
      .values(rows.slice(i, i + 200))
      .execute();
}
