import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Overwrite `length` bytes with a fixed garbage pattern in the middle of a table's leaf pages
 * (`person` unless told; found with `dbstat`), so the damage hits its rows however many other
 * tables the schema has.
 */
export function damageMiddle(file: string, length = 16 * 1024, table = 'person'): void {
  const db = new Database(file, { readonly: true });
  let pages: number[];
  let pageSize: number;
  try {
    pageSize = db.pragma('page_size', { simple: true }) as number;
    pages = (
      db
        .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
        .all(table) as { pageno: number }[]
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
  laterWrite(file);
}

/**
 * Set a file's modification time a second past its own. The kernel stamps writes with a coarse
 * clock (a few milliseconds): damage made within that of Siklus closing the file could keep its
 * time, which no real later writer does. The start's check looks at the time (start-check.ts).
 */
export function laterWrite(file: string): void {
  const later = new Date(fs.statSync(file).mtimeMs + 1000);
  fs.utimesSync(file, later, later);
}
