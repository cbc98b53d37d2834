import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { addDays, copenhagenDate, syntheticCpr } from '@familiespor/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/open';
import { inScope } from './db/scope';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, '../../../node_modules/.bin/tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'familiespor-cli-'));

async function cli(args: string[], env: Record<string, string> = {}, input?: string) {
  const child = run(tsx, [join(here, 'cli.ts'), ...args], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
      ...env,
    },
    timeout: 60_000,
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout } = await child;
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
  }
}

// Each case starts real processes that open the embedded database: give them time on a busy machine.
describe('the command line (npm run cli -- …)', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses the demo seed under NODE_ENV=production', async () => {
    const r = await cli(['seed', '--demo'], { NODE_ENV: 'production' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Refused/);
  });

  it('seeds the demo, creates a user, and audit verify prints OK', async () => {
    expect((await cli(['seed', '--demo'])).stdout).toMatch(/Demo data added/);
    const created = await cli(
      [
        'create-user',
        '--org',
        'Demo Kommune',
        '--email',
        'ny.leder@demo.dk',
        '--name',
        'Ny Leder',
        '--role',
        'programme_lead',
        '--unit',
        'Sundhedsplejen',
        '--password-stdin',
      ],
      {},
      'en meget lang adgangskode\n',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created ny.leder@demo.dk \(programme_lead\) in Demo Kommune/);
    const verify = await cli(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^OK: \d+ audit events in \d+ chains/);
  });

  it('imports birth notifications with a progress bar; a second import changes nothing', async () => {
    await cli(['seed', '--demo']); // idempotent: the test needs the demo mother whatever ran before
    const file = join(dataDir, 'births.csv');
    // The demo mother (7403954018) is expecting (the CLI runs on real time): a birth yesterday.
    const yesterday = addDays(copenhagenDate(new Date()), -1);
    const childCpr = syntheticCpr(yesterday, 3, 'female');
    writeFileSync(
      file,
      `mother_cpr;child_cpr;birth_time;discharge_time;birthplace\n7403954018;${childCpr};${yesterday} 03:15;;Fødeafdelingen\n0000;1;x;;\n`,
    );
    const first = await cli(['import', 'births', file]);
    expect(first.stdout).toMatch(/2 notifications: 1 created, 0 unchanged, 1 failed/);
    expect(first.stdout).toMatch(/line 3 \(mother_cpr\): invalid CPR number/);
    expect(first.code).toBe(1);
    const second = await cli(['import', 'births', file]);
    expect(second.stdout).toMatch(/2 notifications: 0 created, 1 unchanged, 1 failed/);
  });

  it('tasks run-rules runs the nightly task rules now; a second run creates nothing', async () => {
    await cli(['seed', '--demo']); // idempotent: the demo families give the rules something to do
    const first = await cli(['tasks', 'run-rules']);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toMatch(/^Task rules: [1-9]\d* families, \d+ tasks due, \d+ new/);
    const second = await cli(['tasks', 'run-rules']);
    expect(second.stdout).toMatch(/ 0 new, /);
  });

  it('creates an organisation for a new installation, and audits it as the system', async () => {
    const r = await cli([
      'create-organisation',
      '--kind',
      'municipality',
      '--name',
      'Ny Kommune',
      '--code',
      '777',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Created municipality Ny Kommune/);
    expect(
      (
        await cli([
          'create-organisation',
          '--kind',
          'municipality',
          '--name',
          'Anden Kommune',
          '--code',
          '777',
        ])
      ).code,
    ).toBe(2);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const kinds = await inScope(database.db, { kind: 'system' }, (tx) =>
        tx
          .selectFrom('audit_event')
          .select('actor_kind')
          .where('entity_type', 'in', ['organisation', 'staff_user'])
          .execute(),
      );
      expect(kinds.length).toBeGreaterThanOrEqual(2);
      expect(new Set(kinds.map((k) => k.actor_kind))).toEqual(new Set(['system']));
      // While this process holds the embedded database, another process is refused.
      const second = await cli(['audit', 'verify']);
      expect(second.code).not.toBe(0);
      expect(second.stdout).toMatch(/in use by process \d+/);
    } finally {
      await database.close();
    }
  });

  it('audit verify names a row a superuser tampered with, and exits 1', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    let victim: number;
    try {
      const row = await inScope(database.db, { kind: 'system' }, (tx) =>
        tx
          .selectFrom('audit_event')
          .select(['id', 'chain_key', 'chain_seq'])
          .orderBy('id')
          .executeTakeFirstOrThrow(),
      );
      victim = row.id;
      await database.withOwnerClient(async (c) => {
        await c.query("SET session_replication_role = 'replica'");
        await c.query('UPDATE audit_event SET detail = \'{"roles":["midwife"]}\' WHERE id = $1', [row.id]);
        await c.query("SET session_replication_role = 'origin'");
      });
    } finally {
      await database.close();
    }
    const verify = await cli(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/TAMPERED/);
    expect(verify.stdout).toMatch(new RegExp(`event ${victim}: hash_mismatch`));
  });
});
