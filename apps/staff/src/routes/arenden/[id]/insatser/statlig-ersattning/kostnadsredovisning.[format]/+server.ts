// The cost statement as a file: PDF or XLSX through @utvag/export. The API authorizes and audits the read
// (`costStatement.export`), so a download is on record like any other access to the case.
import { error } from '@sveltejs/kit';
import { contentTypes, documentToPdf, fileStem, tablesToXlsx } from '@utvag/export';
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { costStatementDocument } from '$lib/server/cost-statement-export';

export const GET = async ({ locals, params, url }) => {
  const format = params.format;
  if (format !== 'pdf' && format !== 'xlsx') error(404, 'Not found');
  const caller = callerFor(locals);
  const statement = await loadOrError(locals.locale, () =>
    caller.stateFunding.costStatement({ caseId: params.id, from: url.searchParams.get('fran') ?? '', to: url.searchParams.get('till') ?? '' } as never),
  );
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
