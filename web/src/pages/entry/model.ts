/**
 * The entry grid's pure logic: cell keys, what a typed text means, pasted blocks, conflicts.
 * No DOM and no React, so it is unit-tested (model.test.ts).
 */
import { parseViNumber } from '../../../../src/core/numbers.ts';
import type { ValueStatus } from '../../../../src/core/values.ts';
import type { EntryCell, EntryGrid, EntryIndicator, UnitView } from '../../lib/types.ts';

export interface Row {
  key: string;
  indicator: EntryIndicator;
  option: string | null;
  optionLabel: string | null;
}

export interface Edit {
  text: string;
  status: ValueStatus;
  note: string;
  /** The version the user started from (null for a new cell); sent back with the save. */
  baseVersion: number | null;
}

export type Parsed = { ok: true; value: number } | { ok: false; error: string } | { ok: 'empty' };

export const cellKey = (indicator: string, unitId: string, option: string | null) => `${indicator}|${unitId}|${option ?? ''}`;

export function indicatorOf(i: EntryIndicator | string): EntryIndicator {
  return typeof i === 'string' ? { code: i, name: i, measureUnit: '' } : i;
}

/** One row per indicator, then one per disaggregation option (e.g. each form of discipline). */
export function buildRows(grid: Pick<EntryGrid, 'indicators' | 'cells'>): Row[] {
  const rows: Row[] = [];
  const optionsSeen = new Map<string, Set<string>>();
  for (const c of grid.cells) if (c.option) (optionsSeen.get(c.indicator) ?? optionsSeen.set(c.indicator, new Set()).get(c.indicator)!).add(c.option);
  for (const raw of grid.indicators) {
    const ind = indicatorOf(raw);
    rows.push({ key: `${ind.code}|`, indicator: ind, option: null, optionLabel: null });
    const opts = ind.disaggregation?.options ?? [...(optionsSeen.get(ind.code) ?? [])].map((code) => ({ code, label: code }));
    for (const o of opts) rows.push({ key: `${ind.code}|${o.code}`, indicator: ind, option: o.code, optionLabel: o.label });
  }
  return rows;
}

/** The selected unit first, then the others as the server ordered them. */
export function orderUnits(units: UnitView[], first: string | null): UnitView[] {
  const head = units.filter((u) => u.id === first);
  return [...head, ...units.filter((u) => u.id !== first)];
}

/**
 * What a typed text means. Typed numbers must be Vietnamese ("1.440,5"); pasted blocks from a
 * spreadsheet in English locale ("1440.5") are accepted with `allowMachineDecimal`.
 */
export function parseCellText(text: string, ind: Pick<EntryIndicator, 'valueType'>, opts: { allowMachineDecimal?: boolean } = {}): Parsed {
  if (text.trim() === '') return { ok: 'empty' };
  const r = parseViNumber(text, opts);
  if (!r.ok) return { ok: false, error: r.error };
  if (ind.valueType === 'integer' && !Number.isInteger(r.value)) return { ok: false, error: `"${text.trim()}": chỉ số này nhận số nguyên` };
  if (ind.valueType === 'boolean' && r.value !== 0 && r.value !== 1) return { ok: false, error: `"${text.trim()}": chỉ số đạt/không đạt nhận 1 (đạt) hoặc 0 (không đạt)` };
  return { ok: true, value: r.value };
}

/**
 * A block copied from Excel or LibreOffice: rows by newline, columns by tab. The trailing newline
 * spreadsheets add is dropped; quoted cells (a newline inside a cell) are unquoted.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The stored value as the grid shows and edits it: "1440,5" → shown "1.440,5". */
export function storedText(c: EntryCell | undefined, format: (n: number) => string): string {
  return c && c.value !== null && c.value !== undefined ? format(c.value) : '';
}

/** True when an edit changes something compared with the stored cell. */
export function isDirty(edit: Edit, stored: EntryCell | undefined, parsed: Parsed): boolean {
  const storedValue = stored?.value ?? null;
  const value = parsed.ok === true ? parsed.value : null;
  if (parsed.ok === false) return true;
  if (parsed.ok === 'empty' && storedValue === null) return false;
  return value !== storedValue || edit.status !== (stored?.status ?? 'thuc_hien') || edit.note !== (stored?.note ?? '');
}

/** The cells of a refused save whose stored version moved since the user loaded them. */
export function conflictsOf(current: EntryCell[], edits: ReadonlyMap<string, Edit>): Map<string, EntryCell> {
  const out = new Map<string, EntryCell>();
  for (const c of current) {
    const k = cellKey(c.indicator, c.unitId, c.option);
    const e = edits.get(k);
    if (e && (c.version ?? null) !== e.baseVersion) out.set(k, c);
  }
  return out;
}

/** A unit-period's overall state, for the column header: the least advanced state wins. */
export function unitState(cells: EntryCell[], locked: boolean): 'locked' | 'returned' | 'draft' | 'submitted' | 'approved' | 'empty' {
  if (locked) return 'locked';
  const states = new Set(cells.map((c) => c.state).filter(Boolean));
  if (states.size === 0) return 'empty';
  if (states.has('returned')) return 'returned';
  if (states.has('draft')) return 'draft';
  if (states.has('submitted')) return 'submitted';
  return 'approved';
}
