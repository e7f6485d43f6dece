// SQL of the follow-up report's money tables (issue 8 item 1): what interventions cost in a period per programme and
// per type, the budget for the period, and the police funding applications. Aggregates only, like follow-up.ts.
//
// The cost of an intervention in the period is computed here in SQL with the same rules as the domain's
// `costInRange` (packages/domain/src/support/cost.ts), so the report stays one query as the data grows:
// - the gross unit price adds VAT on top, rounded half up, when the provider adds it;
// - perDay: the unit for each day the intervention runs within the period;
// - perMonth: for each month slice, ⌊unit × last day / days in month⌋ − ⌊unit × (first day − 1) / days in month⌋,
//   so whole months cost exactly the monthly price however they are cut;
// - oneOff: the whole unit when the start day lies in the period.
// A test compares this SQL with `costInRange` on generated interventions.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import type { Entry } from './follow-up.ts';

export interface CostScope {
  municipalityIds: string[];
  /** Calendar dates, both inclusive. */
  from: string;
  to: string;
}

const inScope = (column: SQL, scope: CostScope) =>
  sql`${column} in (${sql.join(scope.municipalityIds.map((id) => sql`${id}::uuid`), sql`, `)})`;

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

/** One row per intervention running in the period: its case's programme, its type's code, and its cost in öre. */
function interventionCostsSql(scope: CostScope): SQL {
  const from = sql`${scope.from}::date`;
  const to = sql`${scope.to}::date`;
  return sql`
    with running as (
      select i.id, c.programme::text as programme, t.code as type_code, i.cost_kind, i.start_date,
        greatest(i.start_date, ${from}) as first_day,
        least(coalesce(i.actual_end_date, i.planned_end_date, ${to}), ${to}) as last_day,
        i.price_ore + case when i.vat_handling = 'addedOnTop'
          then round(i.price_ore::numeric * i.vat_rate_basis_points / 10000)::bigint else 0 end as unit
      from intervention i
        join "case" c on c.id = i.case_id
        join intervention_type t on t.id = i.intervention_type_id
      where ${inScope(sql`i.municipality_id`, scope)}
        and i.start_date <= ${to}
        and coalesce(i.actual_end_date, i.planned_end_date, ${to}) >= ${from}
    )
    select r.programme, r.type_code,
      case r.cost_kind
        when 'oneOff' then case when r.start_date >= ${from} then r.unit else 0 end
        when 'perDay' then r.unit * (r.last_day - r.first_day + 1)
        else (
          select coalesce(sum(
            (r.unit * extract(day from least(r.last_day, month_end))::int) / extract(day from month_end)::int
            - (r.unit * (extract(day from greatest(r.first_day, month_start))::int - 1)) / extract(day from month_end)::int
          ), 0)
          from generate_series(date_trunc('month', r.first_day), date_trunc('month', r.last_day), interval '1 month') as m(month),
            lateral (select m.month::date as month_start, (m.month + interval '1 month - 1 day')::date as month_end) as bounds
        )
      end::bigint as cost_ore
    from running r`;
}

/** Per intervention: its cost in the period (öre). Exported for the test that holds the SQL to the domain. */
export async function interventionCostsInPeriod(db: Executor, scope: CostScope): Promise<{ programme: string; typeCode: string | null; costOre: number }[]> {
  if (scope.municipalityIds.length === 0) return [];
  const found = await rows<{ programme: string; type_code: string | null; cost_ore: string | number }>(db, interventionCostsSql(scope));
  return found.map((r) => ({ programme: r.programme, typeCode: r.type_code, costOre: Number(r.cost_ore) }));
}

const toKronor = (ore: string | number) => Math.round(Number(ore) / 100);

/** Costs per programme and per type (whole kronor), with how many interventions ran; and the budgets for the period. */
export async function costEntries(db: Executor, scope: CostScope): Promise<{ byProgramme: Entry[]; byType: Entry[] }> {
  if (scope.municipalityIds.length === 0) return { byProgramme: [], byType: [] };
  const found = await rows<{ programme: string | null; type_key: string | null; n: number; cost_ore: string }>(
    db,
    sql`select programme, coalesce(type_code, 'ownTypes') as type_key, count(*)::int as n, sum(cost_ore)::bigint as cost_ore
        from (${interventionCostsSql(scope)}) costs
        group by grouping sets ((programme), (coalesce(type_code, 'ownTypes')))`,
  );
  const byProgramme: Entry[] = [];
  const byType: Entry[] = [];
  for (const r of found) {
    if (r.programme !== null) {
      byProgramme.push({ row: r.programme, column: 'interventions', value: r.n }, { row: r.programme, column: 'costKronor', value: toKronor(r.cost_ore) });
    } else if (r.type_key !== null) {
      byType.push({ row: r.type_key, column: 'interventions', value: r.n }, { row: r.type_key, column: 'costKronor', value: toKronor(r.cost_ore) });
    }
  }
  byProgramme.push(...(await budgetEntries(db, scope)));
  return { byProgramme, byType };
}

/** Each year's budget in proportion to the period's days in that year, summed per programme (whole kronor). */
async function budgetEntries(db: Executor, scope: CostScope): Promise<Entry[]> {
  const from = sql`${scope.from}::date`;
  const to = sql`${scope.to}::date`;
  const found = await rows<{ programme: string; ore: string }>(
    db,
    sql`select b.programme::text as programme,
          sum(b.amount_ore::numeric
            * (least(${to}, make_date(b.year, 12, 31)) - greatest(${from}, make_date(b.year, 1, 1)) + 1)
            / (make_date(b.year, 12, 31) - make_date(b.year, 1, 1) + 1)) as ore
        from budget b
        where ${inScope(sql`b.municipality_id`, scope)}
          and b.year between extract(year from ${from})::int and extract(year from ${to})::int
        group by 1`,
  );
  return found.map((r) => ({ row: r.programme, column: 'budgetKronor', value: toKronor(r.ore) }));
}

/** Police funding: applications sent in the period, decisions made in it, and the amounts granted (whole kronor). */
export async function policeFundingEntries(db: Executor, scope: CostScope): Promise<Entry[]> {
  if (scope.municipalityIds.length === 0) return [];
  const from = sql`${scope.from}::date`;
  const to = sql`${scope.to}::date`;
  const decidedIn = sql`f.decided_on between ${from} and ${to}`;
  const found = await rows<{ programme: string; applied: number; granted: number; denied: number; granted_ore: string }>(
    db,
    sql`select c.programme::text as programme,
          count(*) filter (where f.applied_on between ${from} and ${to})::int as applied,
          count(*) filter (where ${decidedIn} and f.application_status = 'granted')::int as granted,
          count(*) filter (where ${decidedIn} and f.application_status = 'denied')::int as denied,
          coalesce(sum(f.granted_amount_ore) filter (where ${decidedIn} and f.application_status = 'granted'), 0)::bigint as granted_ore
        from state_funding_assessment f join "case" c on c.id = f.case_id
        where ${inScope(sql`f.municipality_id`, scope)} and f.application_status <> 'notApplied'
        group by 1`,
  );
  return found.flatMap((r) => [
    { row: r.programme, column: 'applied', value: r.applied },
    { row: r.programme, column: 'granted', value: r.granted },
    { row: r.programme, column: 'denied', value: r.denied },
    { row: r.programme, column: 'grantedKronor', value: toKronor(r.granted_ore) },
  ]);
}
