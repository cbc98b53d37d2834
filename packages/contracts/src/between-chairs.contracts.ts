import { openNeedKinds } from '@familiespor/domain';
import { z } from 'zod';
import { uuid } from './common.contracts';
import { date } from './families.contracts';

/** "Mellem to stole" (step 6): the programme lead's families with an open need and nobody holding them. */

export const openNeedKind = z.enum(openNeedKinds);

export const betweenChairsFamily = z
  .object({
    family: z.object({
      id: uuid,
      district: z.object({ id: uuid, name: z.string() }).nullable(),
      parents: z.array(
        z.object({ personId: uuid, role: z.string(), name: z.string(), cprMasked: z.string().nullable() }),
      ),
      children: z.array(z.object({ personId: uuid, name: z.string(), birthDate: z.string().nullable() })),
    }),
    needs: z.array(z.object({ kind: openNeedKind, since: date })),
    /** The earliest of the needs: how long the family has been between chairs. */
    since: date,
    /** False only for needs that count even with a coordinator (a referral unacknowledged past its deadline). */
    coordinatorMissing: z.boolean(),
    task: z
      .object({
        id: uuid,
        state: z.enum(['ready', 'completed', 'cancelled', 'failed']),
        due: date,
        assignee: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'BetweenChairsFamily' });
export type BetweenChairsFamily = z.infer<typeof betweenChairsFamily>;

export const betweenChairsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const betweenChairsPage = z
  .object({
    total: z.number().int(),
    /** Tasks this computation created (the rest existed already). */
    tasksCreated: z.number().int(),
    items: z.array(betweenChairsFamily),
  })
  .meta({ id: 'BetweenChairsPage' });
export type BetweenChairsPage = z.infer<typeof betweenChairsPage>;
