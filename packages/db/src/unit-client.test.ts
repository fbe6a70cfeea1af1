import { describe, expect, it } from 'vitest';
import { mayCreatePreparedStatement } from './unit-client.ts';

describe('statements after which a unit of work looks for SQL-level prepared statements', () => {
  it.each([
    'prepare p as select 1',
    'PREPARE p (int) AS select $1',
    'execute p',
    'call some_procedure()',
    `do $$ begin execute 'PRE' || 'PARE p as select 1'; end $$`,
    `DO $body$ begin null; end $body$`,
    `do language plpgsql $$ begin null; end $$`,
    `do 'begin null; end'`,
  ])('include %s', (text) => {
    expect(mayCreatePreparedStatement(text)).toBe(true);
  });

  it.each([
    'insert into "dossier_code_sequences" ("day", "last") values ($1, $2) on conflict ("day") do update set "last" = "dossier_code_sequences"."last" + 1 returning "last"',
    'insert into "settings" ("key", "value") values ($1, $2) on conflict do nothing',
    'select "prepared_at", "executed_by" from "x"',
  ])('leave out what the query builder writes: %s', (text) => {
    expect(mayCreatePreparedStatement(text)).toBe(false);
  });
});
