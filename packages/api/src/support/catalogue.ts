// The municipality's intervention catalogue and provider register. The defaults of DOMAIN.md §6 are added the
// first time anyone reads the catalogue, named in Swedish (the catalogue is the municipality's own list and
// may be renamed or extended; names are data, not interface text).
import { ensureDefaultCatalogue, findInterventionType, insertInterventionType, insertProvider, listInterventionTypes, listProviders, type Tx } from '@utvag/db';
import { defaultInterventionCatalogue, type InterventionTypeInput, type ProviderInput } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import { audited } from '../audit.ts';
import { AppError } from '../errors.ts';
import type { StaffContext } from '../cases/access.ts';
import { unknownCatalogueEntry } from './errors.ts';

const sv = getTranslator('sv');

export async function catalogueOf(tx: Tx, municipalityId: string) {
  let types = await listInterventionTypes(tx, { municipalityId });
  if (!types.some((t) => t.code !== null)) {
    await ensureDefaultCatalogue(tx, {
      municipalityId,
      defaults: defaultInterventionCatalogue.map((d) => ({ ...d, name: sv(`support.interventionType.${d.code}`) })),
    });
    types = await listInterventionTypes(tx, { municipalityId });
  }
  const providers = await listProviders(tx, { municipalityId });
  return { types, providers };
}

export async function getCatalogue(ctx: StaffContext) {
  return audited(ctx, 'interventionCatalogue.read', async (tx) => {
    const { types, providers } = await catalogueOf(tx, ctx.user.municipalityId);
    return {
      result: {
        types: types.map((t) => ({
          id: t.id,
          code: t.code,
          name: t.name,
          costKind: t.costKind,
          defaultPriceOre: t.defaultPriceOre,
          vatHandling: t.vatHandling,
          vatRateBasisPoints: t.vatRateBasisPoints,
          placement: t.placement,
          active: t.active,
        })),
        providers: providers.map((p) => ({
          id: p.id,
          name: p.name,
          withinFrameworkAgreement: p.withinFrameworkAgreement,
          interventionTypeId: p.interventionTypeId,
          active: p.active,
        })),
      },
      record: { recordType: 'interventionCatalogue' },
    };
  });
}

const duplicate = (field: string) => new AppError('CONFLICT', 'error.duplicate', { [field]: { key: 'error.duplicate' } });

export async function addInterventionType(ctx: StaffContext, input: InterventionTypeInput) {
  return audited(ctx, 'interventionCatalogue.manage', async (tx) => {
    const id = await insertInterventionType(tx, {
      municipalityId: ctx.user.municipalityId,
      code: input.code ?? null,
      name: input.name,
      costKind: input.costKind,
      defaultPriceOre: input.price,
      vatHandling: input.vatHandling,
      vatRateBasisPoints: input.vatHandling === 'none' ? 0 : input.vatRateBasisPoints,
      placement: input.placement,
    });
    if (!id) throw duplicate(input.code ? 'code' : 'name');
    return { result: { id }, record: { recordType: 'interventionType', recordId: id } };
  });
}

export async function addProvider(ctx: StaffContext, input: ProviderInput) {
  return audited(ctx, 'interventionCatalogue.manage', async (tx) => {
    if (input.interventionTypeId && !(await findInterventionType(tx, { municipalityId: ctx.user.municipalityId, id: input.interventionTypeId }))) {
      throw unknownCatalogueEntry('interventionTypeId');
    }
    const id = await insertProvider(tx, {
      municipalityId: ctx.user.municipalityId,
      name: input.name,
      withinFrameworkAgreement: input.withinFrameworkAgreement,
      interventionTypeId: input.interventionTypeId ?? null,
    });
    if (!id) throw duplicate('name');
    return { result: { id }, record: { recordType: 'provider', recordId: id } };
  });
}
