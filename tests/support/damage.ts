import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Overwrite `length` bytes with a fixed garbage pattern in the middle of the `person` table's
 * leaf pages (found with `dbstat`), so the damage hits person rows however many other tables the
 * schema has.
 */
export function damageMiddle(file: string, length = 16 * 1024): void {
  const db = new Database(file, { readonly: true });
  let pages: number[];
  let pageSize: number;
  try {
    pageSize = db.pragma('page_size', { simple: true }) as number;
    pages = (
      db
        .prepare(
          "SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'leaf' ORDER BY pageno",
        )
        .all() as { pageno: number }[]
    ).map((r) => r.pageno);
  } finally {
    db.close();
  }
  const middle = pages[Math.floor(pages.length / 2)] ?? 1;
  const offset = (middle - 1) * pageSize;
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(Math.min(length, size - offset), 0xa5), 0, undefined, offset);
  } finally {
    fs.closeSync(fd);
  }
}
