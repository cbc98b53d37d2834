import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../test/harness';
import { login } from '../../test/http';
import { systemClock } from '../clock';
import { demoParents, demoPassword, demoStaff, seedDemo } from './demo-seed';

// On the shared PostgreSQL test database the demo data may already exist from another run;
// seeding is idempotent, so the logins below hold either way.
describeEachDatabase('demo accounts (DESIGN §7)', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestApp(kind, { config: { demo: true } });
    await seedDemo({ db: env.database.db, clock: systemClock, config: env.config });
  });
  afterAll(() => env?.close());

  it.each(demoStaff.map((s) => [s.email, s]))(
    '%s logs in and /api/me gives organisation and roles',
    async (_e, s) => {
      const session = await login(env.app, s.email, demoPassword);
      const me = (await session.request('GET', '/api/me')).json();
      expect(me).toMatchObject({ kind: 'staff', user: { email: s.email, name: s.name }, roles: s.roles });
      expect(me.organisation.name).toMatch(/Demo/);
    },
  );

  it.each(demoParents.map((p) => [p.email]))(
    'parent %s logs in and sees the one shared family',
    async (email) => {
      const session = await login(env.app, email, demoPassword);
      expect(session.me).toMatchObject({
        kind: 'parent',
        families: [{ organisation: { name: 'Demo Kommune' } }],
      });
    },
  );

  it('both parents belong to the same family', async () => {
    const [mor, far] = await Promise.all(demoParents.map((p) => login(env.app, p.email, demoPassword)));
    const familyOf = (s: typeof mor) => (s?.me.families as { id: string }[] | undefined)?.[0]?.id;
    expect(familyOf(mor)).toBeDefined();
    expect(familyOf(mor)).toBe(familyOf(far));
  });
});
