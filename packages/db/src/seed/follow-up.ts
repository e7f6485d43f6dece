// Regions for the follow-up's regional view (issue 8): a region, the municipalities that share with it, and the
// accounts that work for it. Used by the demo seed and by tests.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../client.ts';
import { followUpSetting, region, regionalAccount, regionDataSharing } from '../schema/index.ts';

export async function createRegion(
  db: Executor,
  values: { name?: string; sharingMunicipalityIds: string[]; regionalUserIds: string[]; suppressionThreshold?: number },
) {
  const [row] = await db
    .insert(region)
    .values({ name: values.name ?? `Region ${randomUUID().slice(0, 8)}`, suppressionThreshold: values.suppressionThreshold ?? 5 })
    .returning();
  for (const municipalityId of values.sharingMunicipalityIds) await db.insert(regionDataSharing).values({ regionId: row!.id, municipalityId });
  for (const userId of values.regionalUserIds) await db.insert(regionalAccount).values({ userId, regionId: row!.id });
  return row!;
}

/** A municipality's own small-number threshold for follow-up (default 5 without a row). */
export async function setSuppressionThreshold(db: Executor, municipalityId: string, suppressionThreshold: number) {
  await db
    .insert(followUpSetting)
    .values({ municipalityId, suppressionThreshold })
    .onConflictDoUpdate({ target: followUpSetting.municipalityId, set: { suppressionThreshold } });
}
