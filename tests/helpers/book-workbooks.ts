// Workbooks for 导入表格 tests: one sheet of the Datong workbook, with cells rewritten.
import ExcelJS from 'exceljs';
import { DATONG_XLSX } from './seed';

/**
 * Writes `target`: the Datong workbook with only the sheet `sheet` (e.g. "预算公开表2"), `cells` set on it
 * ({ D8: 200 }), saved as .xlsx.
 */
export async function oneSheetOfDatong(target: string, sheet: string, cells: Record<string, ExcelJS.CellValue> = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(DATONG_XLSX);
  for (const other of workbook.worksheets.filter((ws) => ws.name !== sheet)) workbook.removeWorksheet(other.id);
  const kept = workbook.getWorksheet(sheet);
  if (!kept) throw new Error(`no sheet ${sheet} in the Datong workbook`);
  for (const [address, value] of Object.entries(cells)) kept.getCell(address).value = value;
  await workbook.xlsx.writeFile(target);
}
