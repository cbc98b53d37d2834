/**
 * Open anonymous counselling (DESIGN §1, Barnets lov § 29): the words a drop-in contact is logged
 * with. Each list is closed — the database checks the same lists (migration 0015) — so the
 * statistics the NGO shares with its partner municipality count like with like.
 */

/** How the parent reached the counsellor: at the address, by phone, in the chat. */
export const contactChannels = ['walk_in', 'phone', 'chat'] as const;
export type ContactChannel = (typeof contactChannels)[number];

/** Who came: never a name, only the place in the family. */
export const contactWho = ['pregnant', 'mother', 'father', 'other'] as const;
export type ContactWho = (typeof contactWho)[number];

/** The (youngest) child's age, in bands too wide to point out a family. */
export const childAgeBands = [
  'expecting',
  'under_1',
  'age_1_to_3',
  'age_3_to_6',
  'older',
  'no_child',
  'not_stated',
] as const;
export type ChildAgeBand = (typeof childAgeBands)[number];

/** What the conversation was about; one contact often touches several. */
export const counsellingTopics = [
  'divorce',
  'finances',
  'child_wellbeing',
  'relationship',
  'co_parenting',
  'abortion_considerations',
  'housing',
  'other',
] as const;
export type CounsellingTopic = (typeof counsellingTopics)[number];

/** What came of it; "pointed to an offer" names the offer, never the person. */
export const contactOutcomes = ['advice', 'pointed_to_offer', 'follow_up_booked'] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

/** A drop-in conversation is minutes, not a day: longer is a typing mistake. */
export const contactDurationLimits = { min: 1, max: 480 } as const;

/** The note is a reminder for the statistics, not a case record: short on purpose. */
export const contactNoteMaxLength = 500;
