/**
 * Generate `src-shared/domain/growth/tables/*.ts` from the WHO LMS `.txt` files.
 *
 *   npx tsx src-main/dev/build-who-tables.ts /work/shared/data/who-growth
 *
 * The folder holds the files of `data-raw/growthstandards/` of the WHO `anthro` (2006 standards)
 * and `anthroplus` (2007 reference) R packages. Every number is kept exactly: the generated
 * literal is JavaScript's shortest form of the very double the source text parses to (so
 * `0.08390` is written `0.0839`, the same number). Only the tables the app uses are generated
 * (not the skinfold tables ssanthro/tsanthro).
 * Rows must be contiguous (1 day, 1 month or 0.1 cm apart) and the L/H columns must say what the
 * z-score code assumes (length below 731 days, height from 731; wfl all L, wfh all H); anything
 * else stops the build.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

interface Spec {
  file: string;
  constName: string;
  axis: 'age_days' | 'age_months' | 'length_cm' | 'height_cm';
  keyScale: 1 | 10;
  title: string;
  /** Expected value of the 6th (L/H) column for a row with this key, when the file has one. */
  lorh?: (key: number) => 'L' | 'H';
}

const SPECS: Spec[] = [
  {
    file: 'weianthro.txt',
    constName: 'WFA_2006',
    axis: 'age_days',
    keyScale: 1,
    title: 'Weight-for-age, WHO Child Growth Standards 2006, by age in days',
  },
  {
    file: 'lenanthro.txt',
    constName: 'LHFA_2006',
    axis: 'age_days',
    keyScale: 1,
    title:
      'Length/height-for-age, WHO Child Growth Standards 2006 (length < 731 d, height ≥ 731 d)',
    lorh: (age) => (age < 731 ? 'L' : 'H'),
  },
  {
    file: 'wflanthro.txt',
    constName: 'WFL_2006',
    axis: 'length_cm',
    keyScale: 10,
    title: 'Weight-for-length, WHO Child Growth Standards 2006, 45–110 cm',
    lorh: () => 'L',
  },
  {
    file: 'wfhanthro.txt',
    constName: 'WFH_2006',
    axis: 'height_cm',
    keyScale: 10,
    title: 'Weight-for-height, WHO Child Growth Standards 2006, 65–120 cm',
    lorh: () => 'H',
  },
  {
    file: 'bmianthro.txt',
    constName: 'BFA_2006',
    axis: 'age_days',
    keyScale: 1,
    title:
      'BMI-for-age, WHO Child Growth Standards 2006 (length-based < 731 d, height-based ≥ 731 d)',
    lorh: (age) => (age < 731 ? 'L' : 'H'),
  },
  {
    file: 'hcanthro.txt',
    constName: 'HCFA_2006',
    axis: 'age_days',
    keyScale: 1,
    title: 'Head circumference-for-age, WHO Child Growth Standards 2006',
  },
  {
    file: 'acanthro.txt',
    constName: 'ACFA_2006',
    axis: 'age_days',
    keyScale: 1,
    title: 'Arm (MUAC) circumference-for-age, WHO Child Growth Standards 2006, from 91 days',
  },
  {
    file: 'wfawho2007.txt',
    constName: 'WFA_2007',
    axis: 'age_months',
    keyScale: 1,
    title: 'Weight-for-age, WHO Growth Reference 2007, 60–121 months',
  },
  {
    file: 'hfawho2007.txt',
    constName: 'HFA_2007',
    axis: 'age_months',
    keyScale: 1,
    title: 'Height-for-age, WHO Growth Reference 2007, 60–229 months',
  },
  {
    file: 'bfawho2007.txt',
    constName: 'BFA_2007',
    axis: 'age_months',
    keyScale: 1,
    title: 'BMI-for-age, WHO Growth Reference 2007, 60–229 months',
  },
];

const NUMBER = /^-?\d+(\.\d+)?$/;

interface Series {
  first: number;
  l: number[];
  m: number[];
  s: number[];
}

function parseNumber(token: string, where: string): number {
  if (!NUMBER.test(token)) throw new Error(`${where}: not a plain decimal number: ${token}`);
  return Number(token);
}

function readTable(dir: string, spec: Spec): { bySex: Map<number, Series>; sha256: string } {
  const raw = fs.readFileSync(path.join(dir, spec.file));
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const lines = raw
    .toString('utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = lines[0]!.split('\t');
  if (header[0] !== 'sex' || header[2] !== 'l' || header[3] !== 'm' || header[4] !== 's') {
    throw new Error(`${spec.file}: unexpected header ${lines[0]}`);
  }
  const bySex = new Map<number, Series>();
  lines.slice(1).forEach((line, index) => {
    const where = `${spec.file}:${index + 2}`;
    const cells = line.split('\t');
    if (cells.length !== header.length) throw new Error(`${where}: ${cells.length} columns`);
    const sex = Number(cells[0]);
    if (sex !== 1 && sex !== 2) throw new Error(`${where}: sex ${cells[0]}`);
    const x = parseNumber(cells[1]!, where);
    const key = Math.round(x * spec.keyScale);
    if (Math.abs(key / spec.keyScale - x) > 1e-9) throw new Error(`${where}: x ${x} off the grid`);
    if (spec.lorh && cells[5]!.toUpperCase() !== spec.lorh(key)) {
      throw new Error(`${where}: ${header[5]} is ${cells[5]}, expected ${spec.lorh(key)}`);
    }
    let series = bySex.get(sex);
    if (!series) {
      series = { first: key, l: [], m: [], s: [] };
      bySex.set(sex, series);
    }
    if (key !== series.first + series.l.length) throw new Error(`${where}: rows not contiguous`);
    series.l.push(parseNumber(cells[2]!, where));
    series.m.push(parseNumber(cells[3]!, where));
    series.s.push(parseNumber(cells[4]!, where));
  });
  const male = bySex.get(1);
  const female = bySex.get(2);
  if (!male || !female) throw new Error(`${spec.file}: needs both sexes`);
  if (male.first !== female.first || male.l.length !== female.l.length) {
    throw new Error(`${spec.file}: sexes cover different ranges`);
  }
  return { bySex, sha256 };
}

function seriesLiteral(series: Series): string {
  const list = (values: number[]) => `[${values.map((v) => String(v)).join(', ')}]`;
  return `{ first: ${series.first}, l: ${list(series.l)}, m: ${list(series.m)}, s: ${list(series.s)} }`;
}

async function main(): Promise<void> {
  const sourceDir = process.argv[2];
  if (!sourceDir) {
    console.error('Pakai: npx tsx src-main/dev/build-who-tables.ts FOLDER_DATA_WHO');
    process.exit(2);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '../..');
  const outDir = path.join(root, 'src-shared/domain/growth/tables');
  fs.mkdirSync(outDir, { recursive: true });
  const prettierOptions = (await prettier.resolveConfig(path.join(outDir, 'x.ts'))) ?? {};

  const write = async (name: string, source: string) => {
    const file = path.join(outDir, name);
    const formatted = await prettier.format(source, { ...prettierOptions, filepath: file });
    fs.writeFileSync(file, formatted);
    console.log(`ditulis ${path.relative(root, file)}`);
  };

  const index: string[] = [];
  for (const spec of SPECS) {
    const { bySex, sha256 } = readTable(sourceDir, spec);
    const id = spec.file.replace(/\.txt$/, '');
    const source = [
      `// GENERATED FILE — do not edit. Made by src-main/dev/build-who-tables.ts from`,
      `// ${spec.file} (sha256 ${sha256}),`,
      `// the WHO LMS table in data-raw/growthstandards/ of the WHO anthro / anthroplus R packages.`,
      `// ${spec.title}.`,
      `// Numbers are exactly those of the source file (same doubles, shortest literal form).`,
      `import type { LmsTable } from '../lms';`,
      ``,
      `export const ${spec.constName}: LmsTable = {`,
      `  id: '${id}',`,
      `  axis: '${spec.axis}',`,
      `  keyScale: ${spec.keyScale},`,
      `  male: ${seriesLiteral(bySex.get(1)!)},`,
      `  female: ${seriesLiteral(bySex.get(2)!)},`,
      `};`,
      ``,
    ].join('\n');
    await write(`${id}.ts`, source);
    index.push(`export { ${spec.constName} } from './${id}';`);
  }
  await write(
    'index.ts',
    [
      '// GENERATED FILE — do not edit. Made by src-main/dev/build-who-tables.ts.',
      ...index,
      '',
    ].join('\n'),
  );
}

await main();
