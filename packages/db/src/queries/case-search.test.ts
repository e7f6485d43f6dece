// The name folding of case search exists twice: utvag_name_key in SQL (stored per person and indexed) and nameKey in
// @utvag/domain (it folds the term). They must agree, or a search misses the people it should find.
import { nameFoldFrom, nameKey } from '@utvag/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { createMunicipality } from '../seed/factories.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it('folds names in SQL exactly as the domain folds the search term', async () => {
  const samples = [nameFoldFrom, 'Åsa Öberg-Ängström', 'ÉLODIE', 'Zoë', 'Łukasz Ærø', 'Ñuñez', 'Anna-Maria 2nd', '李'];
  for (const name of samples) {
    const [row] = await t.sql<{ key: string }[]>`select utvag_name_key(${name}) as key`;
    expect(row!.key).toBe(nameKey(name));
  }
});

it('is leakproof and not inlined, so the application role can search by the name indexes under RLS', async () => {
  const [row] = await t.sql<{ leakproof: boolean; config: string[] | null }[]>`
    select proleakproof as leakproof, proconfig as config from pg_proc where proname = 'utvag_name_key'`;
  expect(row).toEqual({ leakproof: true, config: ['search_path=pg_catalog'] });
});

it('stores the folded names of every person and keeps them in step with the names', async () => {
  const m = await createMunicipality(t.db);
  const [inserted] = await t.sql<{ id: string; first: string; last: string }[]>`
    insert into person (municipality_id, first_name, last_name) values (${m.id}, 'Åsa', 'Öberg-Ängström')
    returning id, first_name_key as first, last_name_key as last`;
  expect(inserted).toMatchObject({ first: nameKey('Åsa'), last: nameKey('Öberg-Ängström') });
  const [renamed] = await t.sql<{ first: string; last: string }[]>`
    update person set first_name = 'ÉLODIE', last_name = 'Zoë' where id = ${inserted!.id} returning first_name_key as first, last_name_key as last`;
  expect(renamed).toEqual({ first: nameKey('ÉLODIE'), last: nameKey('Zoë') });
});
