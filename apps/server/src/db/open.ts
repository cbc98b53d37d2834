import type { Config } from '../config';
import { installJobQueue } from '../jobs/job-queue';
import { assertAppRoleUsable, type ConnectOptions, connect, type Database } from './connect';
import { migrate } from './migrate';

/** Connects and brings the schema up to date: what every process does first. */
export async function openDatabase(
  database: Config['database'],
  options: Pick<ConnectOptions, 'onQuery'> & { startFrom?: Blob } = {},
): Promise<Database & { applied: string[] }> {
  const { startFrom, ...connectOptions } = options;
  const db = await connect(
    database.kind === 'pglite'
      ? { kind: 'pglite', dataDir: database.dataDir, startFrom, ...connectOptions }
      : {
          kind: 'postgres',
          url: database.url,
          poolSize: database.poolSize,
          ownerUrl: database.ownerUrl,
          ...connectOptions,
        },
  );
  try {
    const { applied } = await db.withOwnerClient(async (client) => {
      const result = await migrate(client);
      // pg-boss's schema and queues belong to the owner too; the app role only uses them.
      await installJobQueue(client);
      return result;
    });
    if (database.kind === 'postgres') await assertAppRoleUsable(database.url);
    return Object.assign(db, { applied });
  } catch (error) {
    await db.close();
    throw error;
  }
}
