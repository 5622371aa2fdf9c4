import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * What electron-builder packs (`files` in electron-builder.yml) must exist after
 * `electron-vite build`, and the bundled main process may only import what the installer
 * carries: Node built-ins, electron, and package.json "dependencies". Reuses an existing out/
 * (from `npm run build`); builds it when missing.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

const REQUIRED = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Whether electron-builder's `files` patterns take a project-relative path (last match wins). */
function packed(relative: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(relative, negated ? pattern.slice(1) : pattern, { dot: true })) {
      included = !negated;
    }
  }
  return included;
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

beforeAll(() => {
  if (REQUIRED.every((f) => fs.existsSync(path.join(root, f)))) return;
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
}, 300_000);

describe('the build output that the installer packs', () => {
  it('has the main process, the preload and the page, all matched by `files`', () => {
    for (const file of REQUIRED) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
      expect(packed(file), file).toBe(true);
    }
    expect(pkg.main).toBe('out/main/index.js');
    // The preload path main.ts loads, and the page's own assets, are there too.
    expect(fs.readFileSync(path.join(root, 'out/main/index.js'), 'utf8')).toContain(
      'preload/index.cjs',
    );
    const html = fs.readFileSync(path.join(root, 'out/renderer/index.html'), 'utf8');
    for (const [, asset] of html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)) {
      expect(fs.existsSync(path.join(root, 'out/renderer', asset!)), asset).toBe(true);
    }
    // Sources, tests and source maps stay out.
    for (const file of ['src-main/core.ts', 'tests/vitest.config.ts', 'out/main/index.js.map']) {
      expect(packed(file), file).toBe(false);
    }
    expect(packed('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });

  it('imports only built-ins, electron and production dependencies from the main bundle', () => {
    const specifiers = new Set<string>();
    for (const file of walk(path.join(root, 'out/main')).filter((f) => f.endsWith('.js'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [, name] of text.matchAll(
        /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']((?:@[a-z0-9._-]+\/)?[a-z][a-z0-9._:/-]*)["']/g,
      )) {
        specifiers.add(name!);
      }
    }
    const packageOf = (s: string) =>
      (s.startsWith('@') ? s.split('/').slice(0, 2) : s.split('/', 1)).join('/');
    const outside = [...specifiers].filter(
      (s) =>
        !s.startsWith('node:') &&
        !builtinModules.includes(s) &&
        s !== 'electron' &&
        !(packageOf(s) in pkg.dependencies),
    );
    expect(outside).toEqual([]);
    expect([...specifiers]).toEqual(expect.arrayContaining(['better-sqlite3', 'electron']));
  });

  it('loads the workbook, QR and area-list packages at their first use, not at start', () => {
    // Together about 0.5 s and 45 MB of the main process's start on the bench VM.
    const lazy = ['exceljs', 'qrcode', 'idn-area-data'];
    const found = new Map(lazy.map((name) => [name, { static: 0, dynamic: 0 }]));
    for (const file of walk(path.join(root, 'out/main')).filter((f) => f.endsWith('.js'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [name, counts] of found) {
        const quoted = `["']${name}["']`;
        counts.static += [
          ...text.matchAll(new RegExp(`(?:\\bfrom\\s*|\\brequire\\s*\\(\\s*)${quoted}`, 'g')),
        ].length;
        counts.dynamic += [
          ...text.matchAll(new RegExp(`\\bimport\\s*\\(\\s*${quoted}`, 'g')),
        ].length;
      }
    }
    for (const [name, counts] of found) {
      expect(counts.static, `${name}: static imports`).toBe(0);
      expect(counts.dynamic, `${name}: import()`).toBeGreaterThan(0);
    }
  });
});
