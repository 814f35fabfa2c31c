import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { truncate } from '../../core/numbers.ts';
import { parsePeriod } from '../../core/periods.ts';
import { buildReport } from '../build.ts';
import { fixtureModel } from '../test-fixture.ts';
import { renderXlsx } from './xlsx.ts';

test('XLSX appendix read back matches the evaluation', async () => {
  const report = buildReport(fixtureModel(), { unitId: 'H', period: parsePeriod('2024') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(report)).buffer as ArrayBuffer);
  const ws = wb.getWorksheet('Phụ lục')!;
  assert.ok(ws);
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.paperSize, 9);
  assert.equal(ws.pageSetup.printTitlesRow, '4:4');
  assert.equal(ws.getCell('B4').value, 'Chỉ tiêu');

  const byName = new Map<string, ExcelJS.Row>();
  ws.eachRow((row, n) => {
    if (n > 4 && typeof row.getCell(1).value === 'number') byName.set(String(row.getCell(2).value), row);
  });
  assert.equal(byName.size, report.evaluation.targets.length);
  for (const t of report.evaluation.targets) {
    const row = byName.get(t.name);
    assert.ok(row, t.name);
    const actual = row.getCell(5).value;
    if (t.rule.op === 'status') assert.equal(actual, t.actual ? 'Đạt' : 'Chưa đạt');
    else assert.equal(actual, t.actual, `${t.name}: thực hiện`);
    const pct = row.getCell(6).value;
    if (t.percentOfPlan === null) assert.equal(pct, null);
    else assert.equal(pct, Number((truncate(t.percentOfPlan, 1) / 100).toPrecision(12)), `${t.name}: % KH`);
    if (t.rule.op === 'min' && !t.rule.strict) assert.equal(row.getCell(4).value, t.plan);
    assert.equal(row.getCell(9).value, { vuot: 'Vượt', dat: 'Đạt', khong_dat: 'Không đạt' }[t.status as 'vuot'] ?? row.getCell(9).value);
  }
  const forest = byName.get('Trồng rừng mới')!;
  assert.equal(forest.getCell(5).numFmt, '#,##0.00');
  assert.equal(forest.getCell(6).numFmt, '0.0%');
  assert.equal(forest.outlineLevel, 1);
  // A missed target is stored as 99,9%, never rounded up to 100%.
  assert.equal(byName.get('Tỷ lệ người dân tham gia bảo hiểm y tế')!.getCell(6).value, 0.999);
});
