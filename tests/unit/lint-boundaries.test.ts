import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(relativeFile: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relativeFile) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('import boundaries (eslint)', () => {
  it('keep Electron, Node and the DOM out of src-shared', async () => {
    expect(await ruleIds('src-shared/domain/x.ts', "import 'electron';\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds('src-shared/domain/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds('src-shared/domain/x.ts', "import path from 'path';\nexport const a = path;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds('src-shared/domain/x.ts', 'export const w = window.innerWidth;\n'),
    ).toContain('no-restricted-globals');
    expect(await ruleIds('src-shared/domain/x.ts', 'export const ok = 1;\n')).toEqual([]);
  });

  it('keep Electron out of services and the data layer, but allow it in the shell', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await ruleIds('src-main/services/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src-main/db/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src-main/app/x.ts', code)).toEqual([]);
  });
});
