/**
 * The Excel entry template (exceljs): one sheet, indicators as rows, units as columns, pre-filled with
 * the stored figures. A hidden row and a hidden column carry the keys (period, unit ids, indicator and
 * option codes), so an upload maps every cell back whatever the user did to the visible labels.
 *
 * An upload is validated whole before anything is saved: every problem is reported with its sheet,
 * row and column ("Nhập liệu!F7") in Vietnamese, and nothing is written unless there is none. Only
 * cells whose figure differs from the stored one are saved, as drafts.
 */
import ExcelJS from 'exceljs';
import type { Indicator } from '../../core/indicators.ts';
import { parseViNumber } from '../../core/numbers.ts';
import { parsePeriod, periodCode, PeriodError } from '../../core/periods.ts';
import type { ValueStatus } from '../../core/values.ts';
import { ApiError, type FieldProblem } from '../errors.ts';
import type { EntryGrid } from './entry-grid.ts';
import { cellProblems } from './entry-save.ts';

export const TEMPLATE_SHEET = 'Nhập liệu';
const MARKER = 'chitieu-template/1';
const KEY_ROW = 3;
const HEADER_ROW = 4;
const FIRST_ROW = 5;
const FIRST_UNIT_COL = 6; // F
const FIXED_HEADERS = ['STT', 'Chỉ số', 'Phân tổ', 'Đơn vị tính'];

const numFmt = (decimals: number) => (decimals <= 0 ? '#,##0' : `#,##0.${'0'.repeat(Math.min(decimals, 6))}`);
const BORDER = { top: { style: 'thin' as const }, left: { style: 'thin' as const }, bottom: { style: 'thin' as const }, right: { style: 'thin' as const } };

interface Row {
  indicator: Indicator;
  option: { code: string; label: string } | null;
}

function rowsOf(indicators: readonly Indicator[]): Row[] {
  return indicators.flatMap((ind) => [{ indicator: ind, option: null }, ...(ind.disaggregation?.options ?? []).map((o) => ({ indicator: ind, option: o }))]);
}

/** The template of a grid, as .xlsx bytes. */
export async function buildTemplate(grid: EntryGrid): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', xSplit: FIRST_UNIT_COL - 1, ySplit: HEADER_ROW }] });
  const lastCol = FIRST_UNIT_COL + grid.units.length - 1;
  ws.getColumn(1).hidden = true;
  ws.getColumn(2).width = 6;
  ws.getColumn(3).width = 48;
  ws.getColumn(4).width = 18;
  ws.getColumn(5).width = 12;
  for (let c = FIRST_UNIT_COL; c <= lastCol; c++) ws.getColumn(c).width = 16;

  ws.getCell(1, 2).value = `Mẫu nhập số liệu: ${grid.unit.displayName}, ${grid.period.label}`;
  ws.getCell(1, 2).font = { bold: true, size: 13 };
  ws.getCell(2, 2).value =
    'Nhập số theo cách viết Việt Nam (1.440,5) hoặc số của Excel. Ô để trống: giữ nguyên số liệu đã có. Không sửa hàng và cột ẩn; cột của đơn vị đã khóa không được sửa.';
  ws.getCell(2, 2).font = { italic: true, size: 10 };

  const keyRow = ws.getRow(KEY_ROW);
  keyRow.getCell(1).value = MARKER;
  keyRow.getCell(2).value = grid.period.code;
  keyRow.getCell(3).value = grid.unit.id;
  grid.units.forEach((u, i) => (keyRow.getCell(FIRST_UNIT_COL + i).value = u.id));
  keyRow.hidden = true;

  const locked = new Set(grid.locks.map((l) => l.unitId));
  const header = ws.getRow(HEADER_ROW);
  FIXED_HEADERS.forEach((h, i) => (header.getCell(2 + i).value = h));
  grid.units.forEach((u, i) => (header.getCell(FIRST_UNIT_COL + i).value = locked.has(u.id) ? `${u.displayName} (đã khóa)` : u.displayName));
  header.height = 32;
  for (let c = 2; c <= lastCol; c++) {
    const cell = header.getCell(c);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  }

  const stored = new Map(grid.cells.map((c) => [`${c.indicator}|${c.option ?? ''}|${c.unitId}`, c.value]));
  rowsOf(grid.indicators).forEach((r, i) => {
    const row = ws.getRow(FIRST_ROW + i);
    row.getCell(1).value = `${r.indicator.code}|${r.option?.code ?? ''}`;
    row.getCell(2).value = r.option ? null : grid.indicators.indexOf(r.indicator) + 1;
    row.getCell(3).value = r.option ? `   trong đó: ${r.option.label}` : r.indicator.name;
    row.getCell(4).value = r.option?.label ?? null;
    row.getCell(5).value = r.indicator.measureUnit || null;
    grid.units.forEach((u, j) => {
      const cell = row.getCell(FIRST_UNIT_COL + j);
      cell.value = stored.get(`${r.indicator.code}|${r.option?.code ?? ''}|${u.id}`) ?? null;
      cell.numFmt = numFmt(r.indicator.precision);
      if (locked.has(u.id)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    for (let c = 2; c <= lastCol; c++) row.getCell(c).border = BORDER;
    row.getCell(3).alignment = { wrapText: true, vertical: 'middle' };
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A figure read from an uploaded template. */
export interface UploadedCell {
  indicator: string;
  option: string | null;
  unitId: string;
  value: number;
  /** "Nhập liệu!F7" */
  address: string;
  row: number;
  column: string;
}

export interface UploadedTemplate {
  period: string;
  unitId: string;
  cells: UploadedCell[];
}

const refuse = (fields: FieldProblem[]) =>
  new ApiError('validation', { vi: `Tệp Excel có ${fields.length} lỗi, không có số liệu nào được lưu`, en: `The workbook has ${fields.length} problems; nothing was saved` }, { fields });

/** The text of a cell (rich text, hyperlinks, formula results flattened). */
function cellContent(v: ExcelJS.CellValue): { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text'; text: string } | { kind: 'bad'; why: string } {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: v };
  if (typeof v === 'boolean') return { kind: 'number', value: v ? 1 : 0 };
  if (v instanceof Date) return { kind: 'bad', why: 'Ô chứa ngày tháng, không phải số' };
  if ('error' in v) return { kind: 'bad', why: `Ô chứa lỗi ${String(v.error)}` };
  if ('richText' in v) return cellContent(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return cellContent((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return cellContent(v.text as string);
  return { kind: 'bad', why: 'Không đọc được nội dung ô' };
}

const text = (v: ExcelJS.CellValue): string => {
  const c = cellContent(v);
  return c.kind === 'text' ? c.text.trim() : c.kind === 'number' ? String(c.value) : '';
};

/**
 * Reads and checks an uploaded template against the catalogue: keys, period, every figure. Throws a
 * validation error listing every problem, or returns the figures.
 */
export async function readTemplate(bytes: Buffer, indicators: ReadonlyMap<string, Indicator>, expect: { unitId?: string; period?: string }): Promise<UploadedTemplate> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    // Not a zip / not an xlsx: the user's file is the problem, not the server.
    throw new ApiError('validation', { vi: 'Không đọc được tệp: cần tệp Excel .xlsx tải từ trang nhập liệu', en: 'Cannot read the file: upload the .xlsx template' }, { cause: e });
  }
  const ws = wb.worksheets.find((s) => text(s.getCell(KEY_ROW, 1).value) === MARKER);
  if (!ws)
    throw refuse([{ path: `${wb.worksheets[0]?.name ?? TEMPLATE_SHEET}!A${KEY_ROW}`, message: 'Không phải mẫu nhập liệu của chitieu (thiếu hàng khóa ẩn); hãy tải mẫu từ trang nhập liệu' }]);
  const sheet = ws.name;
  const problems: FieldProblem[] = [];
  const at = (row: number, col: number, message: string) => {
    const column = ws.getColumn(col).letter;
    problems.push({ path: `${sheet}!${column}${row}`, sheet, row, column, message });
  };

  let period = '';
  try {
    period = periodCode(parsePeriod(text(ws.getCell(KEY_ROW, 2).value)));
  } catch (e) {
    if (!(e instanceof PeriodError)) throw e;
    at(KEY_ROW, 2, `Ô khóa kỳ báo cáo bị sửa: ${e.message}`);
  }
  if (period && expect.period && period !== expect.period) at(KEY_ROW, 2, `Mẫu này của kỳ ${period}, không phải kỳ ${expect.period} đang mở`);
  const unitId = text(ws.getCell(KEY_ROW, 3).value);
  if (expect.unitId && unitId !== expect.unitId) at(KEY_ROW, 3, `Mẫu này của đơn vị "${unitId}", không phải đơn vị "${expect.unitId}" đang mở`);

  const units: { col: number; id: string }[] = [];
  for (let c = FIRST_UNIT_COL; c <= ws.columnCount; c++) {
    const id = text(ws.getCell(KEY_ROW, c).value);
    if (id) units.push({ col: c, id });
  }
  if (units.length === 0) at(KEY_ROW, FIRST_UNIT_COL, 'Hàng khóa ẩn không còn mã đơn vị nào; hãy tải lại mẫu');

  const cells: UploadedCell[] = [];
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const key = text(ws.getCell(r, 1).value);
    const filled = units.filter((u) => cellContent(ws.getCell(r, u.col).value).kind !== 'empty');
    if (!key) {
      if (filled.length) at(r, filled[0]!.col, 'Hàng này không có khóa chỉ số (cột A ẩn); chỉ nhập vào các hàng có sẵn của mẫu');
      continue;
    }
    const [code = '', optionCode = ''] = key.split('|');
    const ind = indicators.get(code);
    if (!ind) {
      at(r, 1, `Không có chỉ số mã "${code}"`);
      continue;
    }
    const option = optionCode || null;
    for (const u of filled) {
      const content = cellContent(ws.getCell(r, u.col).value);
      let value: number | null = null;
      if (content.kind === 'number') value = content.value;
      else if (content.kind === 'text') {
        const p = parseViNumber(content.text);
        if (p.ok) value = p.value;
        else at(r, u.col, `"${content.text}" không phải số: ${p.error}`);
      } else if (content.kind === 'bad') at(r, u.col, content.why);
      if (value === null) continue;
      const issues = cellProblems({ indicator: code, option, value }, ind);
      for (const i of issues) at(r, i.field === 'value' ? u.col : 1, i.vi);
      if (issues.length === 0) cells.push({ indicator: code, option, unitId: u.id, value, address: `${sheet}!${ws.getColumn(u.col).letter}${r}`, row: r, column: ws.getColumn(u.col).letter });
    }
  }
  if (problems.length) throw refuse(problems);
  return { period, unitId, cells };
}

/** Figures of an upload that differ from the grid, as cells to save (status and note of the stored figure kept). */
export function changedCells(upload: UploadedTemplate, grid: EntryGrid): (UploadedCell & { status: ValueStatus; note: string | null })[] {
  const stored = new Map(grid.cells.map((c) => [`${c.indicator}|${c.option ?? ''}|${c.unitId}`, c]));
  return upload.cells.flatMap((c) => {
    const s = stored.get(`${c.indicator}|${c.option ?? ''}|${c.unitId}`);
    if (s && s.value === c.value) return [];
    return [{ ...c, status: s?.status ?? 'thuc_hien', note: s?.note ?? null }];
  });
}
