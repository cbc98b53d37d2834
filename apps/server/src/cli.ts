import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { copenhagenDate, type StaffRole, staffRoles } from '@familiespor/domain';
import { sql } from 'kysely';
import { systemContext } from './access/request-context';
import { verifyAuditTrail } from './audit/audit-verify';
import { writeAudit } from './audit/write-audit';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { openDatabase } from './db/open';
import { inScope } from './db/scope';
import { runNightlyTaskRules } from './jobs/task-rules.job';
import { hashPassword } from './modules/auth/passwords';
import { importBirthNotifications } from './modules/families/birth.service';
import {
  insertOrganisation,
  municipalityCodeTaken,
  organisationNameTaken,
} from './modules/organisations/organisations.repo';
import { progressBar } from './progress';
import { findDemoSetting, findStaffPrincipal } from './seed/cli.repo';
import { seedDemo } from './seed/demo-seed';
import { generateFamilies } from './seed/synthetic-families';

const usage = `Familiespor command line

  npm run cli -- migrate                 apply pending database migrations
  npm run cli -- seed --demo             add the demo organisations and accounts (refused in production)
  npm run cli -- create-organisation --kind KIND --name NAME [--code 101]
                                         add an organisation (municipality, region, ngo, housing_social)
  npm run cli -- create-user --org NAME --email E --name N --role ROLE [--role ROLE] [--unit NAME]
                 [--password-stdin]      add a staff user; without --password-stdin a password is generated
  npm run cli -- import births FILE [--as EMAIL]
                                         import birth notifications (CSV or JSON; docs/birth-notifications.md);
                                         without --as the import acts as the system's integration
  npm run cli -- generate --families N [--seed S]
                                         add N synthetic families to the demo municipality (benchmarks)
  npm run cli -- audit verify [--org ID]  check the audit trail's hash chains (all, or one organisation's)
  npm run cli -- tasks run-rules [--org ID]
                                         run the task rules now over every family (or one municipality's),
                                         as the nightly job does; re-running creates nothing twice

The embedded database (DATA_DIR) can be opened by one process at a time: stop the server first.`;

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const config = loadConfig();
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return command ? 0 : 1;
  }
  if (command === 'seed' && config.production) {
    console.error('Refused: demo data is never created with NODE_ENV=production');
    return 2;
  }
  const database = await openDatabase(config.database);
  const deps = { db: database.db, clock: systemClock, config };
  try {
    switch (command) {
      case 'migrate':
        console.log(
          database.applied.length ? `Applied: ${database.applied.join(', ')}` : 'Database is up to date',
        );
        return 0;
      case 'seed': {
        const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: 'boolean' } } });
        if (!values.demo) {
          console.error('Only the demo seed exists: npm run cli -- seed --demo');
          return 2;
        }
        const applied = await seedDemo(deps);
        console.log(
          applied.length ? `Demo data added: ${applied.join(', ')}` : 'Demo data was already there',
        );
        return 0;
      }
      case 'create-user':
        return await createUser(deps, argv.slice(1));
      case 'create-organisation':
        return await createOrganisationCommand(deps, argv.slice(1));
      case 'import':
        if (sub !== 'births') break;
        return await importBirthsCommand(deps, argv.slice(2));
      case 'generate':
        return await generateCommand(deps, argv.slice(1));
      case 'tasks':
        if (sub !== 'run-rules') break;
        return await runRulesCommand(deps, argv.slice(2));
      case 'audit': {
        if (sub !== 'verify') break;
        const { values } = parseArgs({
          args: argv.slice(2),
          options: { org: { type: 'string', multiple: true } },
        });
        const result = await verifyAuditTrail(database.db, values.org ? { chainKeys: values.org } : {});
        if (result.ok) {
          console.log(`OK: ${result.events} audit events in ${result.chains} chains, every hash matches`);
          return 0;
        }
        console.log(`TAMPERED: ${result.findings.length} finding(s) in ${result.events} events`);
        for (const f of result.findings) {
          console.log(`  chain ${f.chainKey} seq ${f.seq} event ${f.eventId ?? '-'}: ${f.problem}`);
        }
        return 1;
      }
    }
    console.error(`Unknown command: ${argv.join(' ')}\n\n${usage}`);
    return 2;
  } finally {
    await database.close();
  }
}

async function createUser(deps: Parameters<typeof seedDemo>[0], args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      role: { type: 'string', multiple: true },
      unit: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean' },
    },
  });
  const roles = values.role ?? [];
  const bad = roles.filter((r) => !staffRoles.includes(r as StaffRole));
  if (!values.org || !values.email || !values.name || roles.length === 0 || bad.length > 0) {
    console.error(bad.length ? `Unknown role(s): ${bad.join(', ')}. Roles: ${staffRoles.join(', ')}` : usage);
    return 2;
  }
  const generated = !values['password-stdin'];
  const password = generated ? randomBytes(12).toString('base64url') : readFileSync(0, 'utf8').trim();
  if (password.length < 12) {
    console.error('The password must have at least 12 characters');
    return 2;
  }
  const passwordHash = await hashPassword(password);
  const ctx = systemContext(deps.clock.now(), 'cli');
  const email = values.email.trim().toLowerCase();
  const result = await inScope(deps.db, { kind: 'system' }, async (tx) => {
    const org = await tx
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where((eb) =>
        /^[0-9a-f-]{36}$/i.test(values.org as string)
          ? eb('id', '=', values.org as string)
          : eb(sql`lower(name)`, '=', (values.org as string).toLowerCase()),
      )
      .executeTakeFirst();
    if (!org) return { error: `No organisation named ${values.org}` };
    const taken = await tx
      .selectFrom('staff_user')
      .select('id')
      .where(sql`lower(email)`, '=', email)
      .executeTakeFirst();
    if (taken) return { error: `A user with e-mail ${email} exists` };
    const unitIds: string[] = [];
    for (const unitName of values.unit ?? []) {
      const u = await tx
        .selectFrom('unit')
        .select('id')
        .where('org_id', '=', org.id)
        .where(sql`lower(name)`, '=', unitName.toLowerCase())
        .executeTakeFirst();
      if (!u) return { error: `No unit named ${unitName} in ${org.name}` };
      unitIds.push(u.id);
    }
    const { id } = await tx
      .insertInto('staff_user')
      .values({ org_id: org.id, email, name: values.name as string, title: values.title ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('staff_credential')
      .values({ staff_user_id: id, org_id: org.id, password_hash: passwordHash })
      .execute();
    await tx
      .insertInto('staff_user_role')
      .values(roles.map((role) => ({ staff_user_id: id, org_id: org.id, role })))
      .execute();
    if (unitIds.length > 0) {
      await tx
        .insertInto('staff_user_unit')
        .values(unitIds.map((unit_id) => ({ staff_user_id: id, org_id: org.id, unit_id })))
        .execute();
    }
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'staff_user',
      entityId: id,
      orgId: org.id,
      detail: { roles, unitIds, via: 'cli' },
    });
    return { id, org: org.name };
  });
  if ('error' in result) {
    console.error(result.error);
    return 2;
  }
  console.log(`Created ${email} (${roles.join(', ')}) in ${result.org}: ${result.id}`);
  if (generated) console.log(`Password (shown once): ${password}`);
  return 0;
}

/** The first organisation of a new installation: the API needs a platform admin to exist first. */
async function createOrganisationCommand(
  deps: Parameters<typeof seedDemo>[0],
  args: string[],
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { kind: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' } },
  });
  const kinds = ['municipality', 'region', 'ngo', 'housing_social'] as const;
  const kind = kinds.find((k) => k === values.kind);
  if (!kind || !values.name?.trim() || (kind === 'municipality' && !/^\d{3}$/.test(values.code ?? ''))) {
    console.error(`Give --kind (${kinds.join(', ')}), --name, and for a municipality --code (three digits)`);
    return 2;
  }
  const ctx = systemContext(deps.clock.now(), 'cli');
  const name = values.name.trim();
  const result = await inScope(deps.db, { kind: 'system' }, async (tx) => {
    if (await organisationNameTaken(tx, name)) return { error: `An organisation named ${name} exists` };
    if (kind === 'municipality' && (await municipalityCodeTaken(tx, values.code as string))) {
      return { error: `Another municipality has code ${values.code}` };
    }
    const org = await insertOrganisation(tx, {
      kind,
      name,
      municipality_code: kind === 'municipality' ? (values.code as string) : null,
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'organisation',
      entityId: org.id,
      orgId: org.id,
      detail: { kind, via: 'cli' },
    });
    return { id: org.id };
  });
  if ('error' in result) {
    console.error(result.error);
    return 2;
  }
  console.log(`Created ${kind} ${name}: ${result.id}`);
  return 0;
}

async function importBirthsCommand(deps: Parameters<typeof seedDemo>[0], args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('Give the file: npm run cli -- import births FILE [--as EMAIL]');
    return 2;
  }
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
  const content = readFileSync(file, 'utf8');
  let ctx = systemContext(deps.clock.now(), 'cli');
  if (values.as) {
    const principal = await inScope(deps.db, { kind: 'system' }, (tx) =>
      findStaffPrincipal(tx, values.as as string),
    );
    if (!principal) {
      console.error(`No active staff user ${values.as}`);
      return 2;
    }
    ctx = { requestId: `cli-${randomBytes(4).toString('hex')}`, ip: null, now: deps.clock.now(), principal };
  }
  let bar: ReturnType<typeof progressBar> | undefined;
  const result = await importBirthNotifications(
    deps,
    ctx,
    { format, content, filename: basename(file) },
    {
      trustedIntegration: !values.as,
      onUnexpectedError: (line, error) => console.error(`  line ${line}: ${error.message}`),
      onProgress: (done, total) => {
        bar ??= progressBar('Importing births', total);
        bar.update(done);
      },
    },
  );
  console.log(
    `${result.rows} notifications: ${result.created} created, ${result.unchanged} unchanged, ${result.failed} failed`,
  );
  for (const e of result.errors)
    console.log(`  line ${e.line}${e.field ? ` (${e.field})` : ''}: ${e.reason}`);
  return result.failed > 0 ? 1 : 0;
}

async function generateCommand(deps: Parameters<typeof seedDemo>[0], args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { families: { type: 'string' }, seed: { type: 'string' } } });
  const count = Number(values.families);
  if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
    console.error('Give the number of families: npm run cli -- generate --families 100000');
    return 2;
  }
  const setting = await inScope(deps.db, { kind: 'system' }, (tx) => findDemoSetting(tx));
  if (!setting) {
    console.error('The demo municipality is missing: run npm run cli -- seed --demo first');
    return 2;
  }
  const bar = progressBar('Generating families', count);
  const started = Date.now();
  // One transaction per 5,000 families: a stopped run keeps what it finished, and no family is half-written.
  for (let done = 0; done < count; ) {
    const n = Math.min(5000, count - done);
    const offset = done;
    await inScope(deps.db, { kind: 'system' }, (tx) =>
      generateFamilies(tx, setting, {
        count: n,
        seed: Number(values.seed ?? Date.now()) + offset,
        today: copenhagenDate(deps.clock.now()),
        now: deps.clock.now(),
        onProgress: (d) => bar.update(offset + d),
      }),
    );
    done += n;
  }
  console.log(`Generated ${count} families in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

async function runRulesCommand(deps: Parameters<typeof seedDemo>[0], args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { org: { type: 'string' } } });
  if (values.org !== undefined && !/^[0-9a-f-]{36}$/i.test(values.org)) {
    console.error('--org takes the organisation id (a uuid)');
    return 2;
  }
  const started = Date.now();
  const r = await runNightlyTaskRules(deps.db, deps.clock, { orgId: values.org });
  console.log(
    `Task rules: ${r.families} families, ${r.drafts} tasks due, ${r.created} new, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}
