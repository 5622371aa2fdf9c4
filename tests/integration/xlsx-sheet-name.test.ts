/**
 * Found by the bridge fuzzer: the "Belum K1" work list could never be exported, because its
 * label ("Belum K1 / K1 murni") is not a valid Excel sheet name and ExcelJS threw.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sheetName } from '../../src-main/services/xlsx';
import { openTestCore, type TestCore } from '../support/core';
import { setupFacility } from '../support/setup';

describe('sheet names', () => {
  it('keeps what Excel accepts and replaces what it refuses', () => {
    expect(sheetName('Belum K1 / K1 murni')).toBe('Belum K1 - K1 murni');
    expect(sheetName('a*b?c:d\\e/f[g]h')).toBe('a-b-c-d-e-f-g-h');
    expect(sheetName("'Kohort'")).toBe('Kohort');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('   ')).toBe('Sheet1');
    expect(sheetName('Sasaran 2026')).toBe('Sasaran 2026');
  });

  describe('every maternal work list exports', () => {
    let t: TestCore;
    beforeEach(async () => {
      t = await openTestCore();
      await setupFacility(t);
    });
    afterEach(() => t.close());

    it('belumK1 gives a workbook whose sheet Excel can open', async () => {
      const result = await t.call('maternal.workListExport', { list: 'belumK1' });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const file = (result as { value: { base64: string } }).value;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
      expect(workbook.worksheets[0]!.name).toBe('Belum K1 - K1 murni');
    });
  });
});
