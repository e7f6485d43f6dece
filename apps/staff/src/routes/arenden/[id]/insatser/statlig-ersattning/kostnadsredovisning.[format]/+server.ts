// The cost statement as a file: PDF or XLSX through @utvag/export. The API authorizes and audits the export
// (`costStatement.export`, a step-up action: the file is person-level data), so a download is on record. Without a
// fresh step-up the user is sent back to the page, where the download form asks for the code.
import { error, redirect } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { contentTypes, documentToPdf, fileStem, tablesToXlsx } from '@utvag/export';
import { loadOrError, setFlash } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { costStatementDocument } from '$lib/server/cost-statement-export';

export const GET = async ({ cookies, locals, params, url }) => {
  const format = params.format;
  if (format !== 'pdf' && format !== 'xlsx') error(404, 'Not found');
  const caller = callerFor(locals);
  const input = { caseId: params.id, from: url.searchParams.get('fran') ?? '', to: url.searchParams.get('till') ?? '' };
  const statement = await loadOrError(locals.locale, async () => {
    try {
      return await caller.stateFunding.exportCostStatement(input as never);
    } catch (e) {
      if (!(e instanceof TRPCError) || e.code !== 'PRECONDITION_FAILED') throw e;
      setFlash(cookies, { tone: 'info', textKey: 'authProviders.export.stepUpFirst' });
      redirect(303, `/arenden/${params.id}/insatser/statlig-ersattning?${url.searchParams}#export-title`);
    }
  });
  const doc = costStatementDocument(statement, statement.municipalityName, locals.locale);
  const body = format === 'pdf' ? await documentToPdf(doc) : await tablesToXlsx(doc.tables, { title: doc.title });
  const name = `${fileStem(doc.title)}-${statement.reference}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': contentTypes[format],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
};
