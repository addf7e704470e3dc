import { getTableName, type SQL, sql } from 'drizzle-orm';
import { check, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** A PostgreSQL string literal; a CHECK constraint cannot take bind parameters. */
function literal(value: string): SQL {
  return sql.raw(`'${value.replaceAll("'", "''")}'`);
}

function constraintName(column: AnyPgColumn): string {
  return `${getTableName(column.table)}_${column.name}_check`;
}

/**
 * CHECK that a text column holds one of `values` (null passes: NOT NULL is the column's own
 * business). Pass the same constant the code and the Zod schemas use, so the allowed set cannot
 * drift: adding a value to the constant makes drizzle-kit generate the migration that allows it.
 * The constraint is named `<table>_<column>_check`.
 */
export function checkOneOf(column: AnyPgColumn, values: readonly string[]) {
  return check(constraintName(column), sql`${column} IN (${sql.join(values.map(literal), sql`, `)})`);
}

/** CHECK that a number (amount in fen, count, capacity, area, duration) is not negative; null passes. */
export function checkNotNegative(column: AnyPgColumn) {
  return check(constraintName(column), sql`${column} >= 0`);
}
