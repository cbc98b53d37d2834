import { findIdentifiers } from '@familiespor/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOrganisation } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { inScope } from '../../db/scope';

/**
 * "No anonymous contact row can reference a person or family" — proved on the schema itself,
 * not on the code that writes it: the catalogue's foreign keys and columns, and the database
 * refusing identifiers in the note from its owner, who bypasses the application and its policies.
 */
describeEachDatabase('anonymous_contact: anonymous by construction (schema)', (kind) => {
  let env: TestEnv;
  let orgId: string;

  beforeAll(async () => {
    env = await startTestApp(kind);
    orgId = (await buildOrganisation(env.database.db, { kind: 'ngo', municipality_code: null })).id;
  });
  afterAll(() => env?.close());

  /** SQL as the connecting (owner) user, past the application role and its row-level security. */
  const owner = <T>(fn: (q: (text: string, values?: unknown[]) => Promise<{ rows: T[] }>) => Promise<T[]>) =>
    env.database.withOwnerClient((client) =>
      fn((text, values) => client.query(text, values) as unknown as Promise<{ rows: T[] }>),
    );

  it('has foreign keys to the organisation, its slot and an offer — never to a person, family or user', async () => {
    const rows = await owner<{ target: string }>((q) =>
      q(`SELECT confrelid::regclass::text AS target FROM pg_constraint
         WHERE conrelid = 'anonymous_contact'::regclass AND contype = 'f' ORDER BY 1`).then((r) => r.rows),
    );
    expect(rows.map((r) => r.target)).toEqual(['offer', 'open_counselling_slot', 'organisation']);
    // Nothing refers to it either: no table can hang a person on a contact from the other side.
    const inbound = await owner<{ source: string }>((q) =>
      q(`SELECT conrelid::regclass::text AS source FROM pg_constraint
         WHERE confrelid = 'anonymous_contact'::regclass AND contype = 'f'`).then((r) => r.rows),
    );
    expect(inbound).toEqual([]);
  });

  it('has no identifying column and no time of day', async () => {
    const columns = await owner<{ column_name: string; data_type: string }>((q) =>
      q(`SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = 'anonymous_contact' ORDER BY column_name`).then(
        (r) => r.rows,
      ),
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'channel',
      'child_age_band',
      'contact_date',
      'duration_minutes',
      'id',
      'note',
      'offer_id',
      'org_id',
      'outcomes',
      'slot_id',
      'topics',
      'who',
    ]);
    const identifying =
      /cpr|name|person|family|member|parent|referral|staff|user|by$|phone|mail|address|birth/;
    expect(columns.filter((c) => identifying.test(c.column_name))).toEqual([]);
    expect(columns.filter((c) => /time/.test(c.data_type))).toEqual([]);
    expect(columns.find((c) => c.column_name === 'contact_date')?.data_type).toBe('date');
  });

  it('refuses a CPR number, a phone number or an e-mail in the note even from the owner', async () => {
    const insert = (note: string) =>
      env.database.withOwnerClient(async (client) => {
        await client.query('BEGIN');
        try {
          await client.query(
            `INSERT INTO anonymous_contact (org_id, contact_date, channel, who, child_age_band, topics,
               duration_minutes, outcomes, note)
             VALUES ($1, current_date, 'walk_in', 'mother', 'under_1', '{finances}', 20, '{advice}', $2)`,
            [orgId, note],
          );
          return 'inserted';
        } catch (error) {
          return `${(error as { code?: string }).code}:${(error as { constraint?: string }).constraint ?? ''}`;
        } finally {
          await client.query('ROLLBACK');
        }
      });
    for (const note of [
      'cpr 010190-1234',
      'cpr 0101901234',
      'ring 22 33 44 55',
      '+4522334455',
      'a.b@example.dk',
    ])
      expect(await insert(note), note).toBe('23514:anonymous_contact_note_check');
    expect(await insert('Fik råd om budget; kommer igen onsdag kl. 15-18')).toBe('inserted');
  });

  it('refuses an unknown topic or outcome, a topic twice and a duration of 0 from the owner too', async () => {
    const insert = (topics: string, outcomes: string, minutes: number) =>
      env.database.withOwnerClient(async (client) => {
        await client.query('BEGIN');
        try {
          await client.query(
            `INSERT INTO anonymous_contact (org_id, contact_date, channel, who, child_age_band, topics,
               duration_minutes, outcomes) VALUES ($1, current_date, 'phone', 'father', 'no_child', $2, $3, $4)`,
            [orgId, topics, minutes, outcomes],
          );
          return 'inserted';
        } catch (error) {
          return (error as { code?: string }).code;
        } finally {
          await client.query('ROLLBACK');
        }
      });
    expect(await insert('{astrology}', '{advice}', 10)).toBe('23514');
    expect(await insert('{finances,finances}', '{advice}', 10)).toBe('23514');
    expect(await insert('{}', '{advice}', 10)).toBe('23514');
    expect(await insert('{finances}', '{cured}', 10)).toBe('23514');
    expect(await insert('{finances}', '{advice}', 0)).toBe('23514');
    expect(await insert('{finances}', '{advice}', 10)).toBe('inserted');
  });

  it('agrees with the domain rule on what is an identifier', async () => {
    const examples = [
      '010190-1234',
      '0101901234',
      '010190 1234',
      '7403954018',
      '290203-1111',
      '300290-1234',
      '320190-1234',
      '12345678901',
      '22334455',
      '22 33 44 55',
      '22-33-44-55',
      '2233 4455',
      '223 34 455',
      '+45 22 33 44 55',
      '0045 22334455',
      '(+45) 22 33 44 55',
      '12345678',
      '12-03-2026',
      '8.500 kr.',
      'a@b.dk',
      'x_y+z@sub.domain.dk',
      'mødrehjælpen @ hjemmesiden',
    ];
    // Fragments that make near-misses as well as hits: digit groups, separators, prefixes, @.
    const piece = fc.constantFrom(
      '22',
      '34',
      '0101',
      '3102',
      '6103',
      '90',
      '1234',
      '4',
      '5678',
      '9',
      ' ',
      ' ',
      '-',
      '+45 ',
      '0045',
      '(+45) ',
      '@',
      'mor',
      '.dk',
      '.',
      'kl. ',
    );
    const random = fc.sample(
      fc.array(piece, { minLength: 3, maxLength: 10 }).map((p) => p.join('')),
      { numRuns: 500, seed: 20261123 },
    );
    const texts = [...examples, ...random];
    // The random texts must exercise both answers, or the comparison proves little.
    expect(random.filter((t) => findIdentifiers(t).length > 0).length).toBeGreaterThan(20);
    expect(random.filter((t) => findIdentifiers(t).length === 0).length).toBeGreaterThan(20);
    const answers = await inScope(env.database.db, { kind: 'orgs', orgIds: [orgId] }, async (tx) =>
      (
        await sql<{ found: boolean }>`SELECT anonymous_text_has_identifier(t) AS found
          FROM unnest(${sql.val(texts)}::text[]) WITH ORDINALITY AS x (t, n) ORDER BY n`.execute(tx)
      ).rows.map((r) => r.found),
    );
    const disagreements = texts.filter((t, i) => answers[i] !== findIdentifiers(t).length > 0);
    expect(disagreements).toEqual([]);
    expect(answers.slice(0, 6)).toEqual([true, true, true, true, true, false]);
  });

  it('lets the application insert and read, never update or delete', async () => {
    const denied = async (statement: 'update' | 'delete') =>
      inScope(env.database.db, { kind: 'orgs', orgIds: [orgId] }, async (tx) => {
        const q =
          statement === 'update'
            ? sql`UPDATE anonymous_contact SET duration_minutes = 1 WHERE org_id = ${orgId}`
            : sql`DELETE FROM anonymous_contact WHERE org_id = ${orgId}`;
        return q.execute(tx).then(
          () => 'allowed',
          (error: { code?: string }) => error.code,
        );
      }).catch((error: { code?: string }) => error.code);
    expect(await denied('update')).toBe('42501');
    expect(await denied('delete')).toBe('42501');
  });
});
