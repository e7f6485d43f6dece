// The running journal (issue 6 item 7): written, then signed by its author; a signed entry never changes and is
// amended only by a correction entry linked to it. What was learned orally records when and from whom.
import { findJournalEntry, insertJournalEntry, updateJournalEntry, type Tx } from '@utvag/db';
import type { JournalAmendInput, JournalEditInput, JournalSignInput, JournalWriteInput } from '@utvag/domain';
import { AppError, conflict, notFound } from '../errors.ts';
import { withCase, type StaffContext } from './access.ts';

export const entrySigned = () => new AppError('CONFLICT', 'cases.error.entrySigned');
const notAuthor = () => new AppError('FORBIDDEN', 'cases.error.notAuthor');

const oral = (o: JournalWriteInput['oralSource']) => ({ oralSourceAt: o?.at ?? null, oralSourceFrom: o?.from ?? null });
const caseOfEntry = (ctx: StaffContext, id: string) => async (tx: Tx) =>
  (await findJournalEntry(tx, { id, municipalityId: ctx.user.municipalityId }))?.caseId;

export async function writeJournalEntry(ctx: StaffContext, input: JournalWriteInput) {
  return withCase(
    ctx,
    'journal.write',
    input.caseId,
    async (tx, c) => {
      const now = new Date();
      return insertJournalEntry(tx, {
        municipalityId: c.case.municipalityId,
        caseId: c.case.id,
        body: input.body,
        authorUserId: ctx.user.id,
        ...oral(input.oralSource),
        ...(input.sign ? { signedAt: now, signedByUserId: ctx.user.id } : {}),
      });
    },
    { write: true },
  );
}

/** Edits and signatures: only of an unsigned entry, only by its author, only from the version they read. */
function changeOwnUnsignedEntry(
  ctx: StaffContext,
  action: 'journal.write' | 'journal.sign',
  input: { entryId: string; expectedVersion: number },
  set: Parameters<typeof updateJournalEntry>[1]['set'],
) {
  return withCase(
    ctx,
    action,
    caseOfEntry(ctx, input.entryId),
    async (tx, c) => {
      const entry = (await findJournalEntry(tx, { id: input.entryId, municipalityId: c.case.municipalityId }))!;
      if (entry.signedAt) throw entrySigned();
      if (entry.version !== input.expectedVersion) throw conflict();
      if (entry.authorUserId !== ctx.user.id) throw notAuthor();
      const updated = await updateJournalEntry(tx, {
        id: entry.id,
        municipalityId: c.case.municipalityId,
        expectedVersion: input.expectedVersion,
        set,
      });
      if (!updated) throw conflict();
      return updated;
    },
    { write: true },
  );
}

export function editJournalEntry(ctx: StaffContext, input: JournalEditInput) {
  return changeOwnUnsignedEntry(ctx, 'journal.write', input, { body: input.body, ...oral(input.oralSource) });
}

/** The author signs what they wrote; a signed entry is never changed again (a trigger holds that too). */
export function signJournalEntry(ctx: StaffContext, input: JournalSignInput) {
  return changeOwnUnsignedEntry(ctx, 'journal.sign', input, { signedAt: new Date(), signedByUserId: ctx.user.id });
}

/** A correction of a signed entry: a new entry linked to it; the original stays as it was. */
export async function amendJournalEntry(ctx: StaffContext, input: JournalAmendInput) {
  return withCase(
    ctx,
    'journal.write',
    caseOfEntry(ctx, input.entryId),
    async (tx, c) => {
      const original = await findJournalEntry(tx, { id: input.entryId, municipalityId: c.case.municipalityId });
      if (!original) throw notFound();
      // An unsigned entry is simply edited; only a signed one needs (and gets) a correction.
      if (!original.signedAt) throw new AppError('CONFLICT', 'cases.error.entryNotSigned');
      return insertJournalEntry(tx, {
        municipalityId: c.case.municipalityId,
        caseId: c.case.id,
        body: input.body,
        authorUserId: ctx.user.id,
        correctsEntryId: original.id,
        ...oral(input.oralSource),
        ...(input.sign ? { signedAt: new Date(), signedByUserId: ctx.user.id } : {}),
      });
    },
    { write: true },
  );
}
