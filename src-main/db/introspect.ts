import type BetterSqlite3 from 'better-sqlite3';

export interface ColumnShape {
  type: string;
  notNull: boolean;
  default: string | null;
  primaryKey: number;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  indexes: Record<string, string>;
}

export type SchemaShape = Record<string, TableShape>;

/** The tables, columns and indexes of a database, for the schema snapshot test. */
export function describeSchema(sqlite: BetterSqlite3.Database): SchemaShape {
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       ORDER BY name`,
    )
    .all() as { name: string }[];
  const shape: SchemaShape = {};
  for (const { name } of tables) {
    const columns: Record<string, ColumnShape> = {};
    for (const c of sqlite.prepare(`SELECT * FROM pragma_table_info(?)`).all(name) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[]) {
      columns[c.name] = {
        type: c.type,
        notNull: c.notnull === 1,
        default: c.dflt_value,
        primaryKey: c.pk,
      };
    }
    const indexes: Record<string, string> = {};
    for (const index of sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`,
      )
      .all(name) as { name: string; sql: string }[]) {
      indexes[index.name] = index.sql.replace(/\s+/g, ' ');
    }
    shape[name] = { columns, indexes };
  }
  return shape;
}

export interface SchemaComparison {
  /** Shipped tables, columns or indexes that were removed or changed. */
  broken: string[];
  /** Tables, columns or indexes that exist now but are not in the snapshot yet. */
  unrecorded: string[];
}

/** Compare the schema now with the shipped snapshot. Migrations may only add. */
export function compareSchemas(shipped: SchemaShape, current: SchemaShape): SchemaComparison {
  const broken: string[] = [];
  const unrecorded: string[] = [];
  for (const [table, shape] of Object.entries(shipped)) {
    const now = current[table];
    if (!now) {
      broken.push(`table ${table} was removed`);
      continue;
    }
    for (const [column, def] of Object.entries(shape.columns)) {
      const nowColumn = now.columns[column];
      if (!nowColumn) broken.push(`column ${table}.${column} was removed`);
      else if (JSON.stringify(nowColumn) !== JSON.stringify(def)) {
        broken.push(
          `column ${table}.${column} changed: ${JSON.stringify(def)} → ${JSON.stringify(nowColumn)}`,
        );
      }
    }
    for (const [index, sql] of Object.entries(shape.indexes)) {
      if (now.indexes[index] !== sql) broken.push(`index ${index} was removed or changed`);
    }
  }
  for (const [table, shape] of Object.entries(current)) {
    for (const column of Object.keys(shape.columns)) {
      if (!shipped[table]?.columns[column]) unrecorded.push(`${table}.${column}`);
    }
    for (const index of Object.keys(shape.indexes)) {
      if (!shipped[table]?.indexes[index]) unrecorded.push(`index ${index}`);
    }
  }
  return { broken, unrecorded };
}
