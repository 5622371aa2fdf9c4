import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileSlug, listToXlsx } from '../../src-main/services/xlsx';

describe('list export to XLSX', () => {
  it('writes heading lines, a frozen bold header and the rows', async () => {
    const file = await listToXlsx(
      {
        name: 'Bumil risti',
        heading: ['Puskesmas Karangpawitan', 'Ibu hamil risiko tinggi', 'Dibuat 22-11-2026 09.15'],
        columns: [
          { header: 'Nama', width: 30, value: (r: { name: string; lila: number }) => r.name },
          { header: 'LILA (cm)', width: 10, value: (r) => r.lila, numFmt: '0.0' },
        ],
        rows: [
          { name: 'Siti Aminah', lila: 22.9 },
          { name: 'Euis', lila: 23.5 },
        ],
      },
      `bumil-risti_${fileSlug('Karang Pawitan!')}.xlsx`,
    );
    expect(file.fileName).toBe('bumil-risti_karang-pawitan.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
    const ws = workbook.getWorksheet('Bumil risti')!;
    expect(ws.getCell('A1').value).toBe('Puskesmas Karangpawitan');
    expect(ws.getCell('A5').value).toBe('Nama');
    expect(ws.getCell('A5').font.bold).toBe(true);
    expect(ws.getCell('A6').value).toBe('Siti Aminah');
    expect(ws.getCell('B6').value).toBe(22.9);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.getColumn(1).width).toBe(30);
  });
});
