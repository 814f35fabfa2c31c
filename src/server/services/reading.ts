/**
 * Reading a report text on the web (docs/api.md, "Đọc văn bản"): the extractor's facts and the
 * checker's findings, each fact with a suggested indicator of the catalogue, period and unit; and the
 * import of chosen facts as draft figures, with the text and span as their provenance.
 *
 * Matching is deliberately simple and explainable: diacritic-insensitive syllable overlap between the
 * fact's indicator label and an indicator's name and aliases (Dice over syllables and over syllable
 * pairs), the unit of measure breaking ties. A suggestion is only a default: the user reviews it.
 */
import type { Kysely } from 'kysely';
import mammoth from 'mammoth';
import type { Indicator } from '../../core/indicators.ts';
import { calendarRange, parsePeriod, type Period, periodCode, periodLabel, PeriodError } from '../../core/periods.ts';
import { foldForSearch } from '../../core/text.ts';
import { findUnit, unitDisplayName } from '../../core/units.ts';
import type { Provenance, ValueStatus } from '../../core/values.ts';
import { checkText } from '../../extract/check.ts';
import { extractFacts } from '../../extract/extract.ts';
import type { Fact, Finding } from '../../extract/types.ts';
import { insertAudit } from '../../store/audit.ts';
import type { DB } from '../../store/tables.ts';
import { listUnits } from '../../store/units.ts';
import { type CellKey, entryKey, type EntryRow, insertDrafts, insertWorkflowRevisions, listLocks, lockEntryValues, type NewEntry, type WorkflowRevision } from '../../store/workflow.ts';
import { getValueSource } from '../../store/reading.ts';
import type { AuthContext } from '../auth/context.ts';
import { ApiError, type FieldProblem } from '../errors.ts';
import { auditBy } from './audit.ts';
import { cellProblems } from './entry-save.ts';
import { storageUnitId } from './entry-grid.ts';

/** Longest text analysed (characters): a long report is ~50 000. */
export const MAX_TEXT_CHARS = 500_000;
/** Largest uploaded file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Below this score no indicator is suggested. */
export const MATCH_THRESHOLD = 0.34;

/** Roles that may import figures (those that enter figures and the office). */
const IMPORT_ROLES = new Set(['quan_tri', 'van_phong', 'nhap_lieu']);

// ---------------------------------------------------------------------------------------------
// Text from an upload

/** The text of an uploaded file: `.txt` as UTF-8, `.docx` through mammoth; anything else refused in Vietnamese. */
export async function textOfFile(fileName: string, bytes: Buffer): Promise<string> {
  if (bytes.length > MAX_FILE_BYTES)
    throw new ApiError('validation', { vi: `Tệp quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB)`, en: `The file is too large (at most ${MAX_FILE_BYTES / 1024 / 1024} MB)` });
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (ext === 'txt') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new ApiError('validation', { vi: 'Tệp .txt phải được mã hóa UTF-8', en: 'A .txt file must be UTF-8' });
    }
  }
  if (ext === 'docx') {
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch {
      throw new ApiError('validation', { vi: 'Không đọc được tệp .docx (tệp hỏng hoặc không phải Word)', en: 'Could not read the .docx file' });
    }
  }
  if (ext === 'doc')
    throw new ApiError('validation', { vi: 'Chưa đọc được tệp .doc (Word 97–2003); hãy lưu lại dưới dạng .docx hoặc dán văn bản', en: '.doc files are not supported; save as .docx or paste the text' });
  throw new ApiError('validation', { vi: `Chỉ nhận tệp .txt hoặc .docx (tệp "${fileName}" không phải)`, en: `Only .txt and .docx files are accepted ("${fileName}" is neither)` });
}

/** NFC, line ends as "\n": the offsets of the answer are into this text. */
export function normaliseInput(text: string): string {
  const t = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (t.trim() === '') throw new ApiError('validation', {}, { fields: [{ path: 'text', message: 'Văn bản trống' }] });
  if (t.length > MAX_TEXT_CHARS)
    throw new ApiError('validation', {}, { fields: [{ path: 'text', message: `Văn bản quá dài (tối đa ${MAX_TEXT_CHARS.toLocaleString('vi-VN')} ký tự)` }] });
  return t;
}

// ---------------------------------------------------------------------------------------------
// Indicator matching

/** Words that say nothing about which indicator is meant. */
const STOP = new Set(['cac', 'cua', 'va', 'duoc', 'da', 'dat', 'co', 'la', 'tren', 'trong', 'cong', 'tac', 'toan', 'nhung', 'mot', 'so', 'voi', 'cho', 'theo', 've', 'tai', 'nay', 'do', 'don', 'vi', 'huyen', 'xa', 'tinh']);
// "trong" is both "in" and "to plant"; keep it when it is the planting verb (followed by rừng, cây…).
const PLANT_NEXT = new Set(['rung', 'cay', 'moi', 'lua', 'ngo', 'trot']);

export function labelTokens(s: string): string[] {
  const words = foldForSearch(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.filter((w, i) => !STOP.has(w) || (w === 'trong' && PLANT_NEXT.has(words[i + 1] ?? '')) || (w === 'cong' && words[i + 1] === 'chuc'));
}

const pairs = (t: readonly string[]) => t.slice(1).map((w, i) => `${t[i]} ${w}`);

function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const rest = [...b];
  let common = 0;
  for (const w of a) {
    const j = rest.indexOf(w);
    if (j >= 0) {
      common++;
      rest.splice(j, 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Similarity of two labels in [0, 1]: syllables and syllable pairs, diacritics ignored. */
export function labelScore(a: string, b: string): number {
  const ta = labelTokens(a);
  const tb = labelTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const uni = dice(ta, tb);
  const pa = pairs(ta);
  const pb = pairs(tb);
  const bi = pa.length && pb.length ? dice(pa, pb) : uni;
  return 0.6 * uni + 0.4 * bi;
}

const sameUnit = (a: string | null, b: string) => a !== null && foldForSearch(a).replace(/\s+/g, '') === foldForSearch(b).replace(/\s+/g, '');

/** The best indicator for a fact's label, or null below the threshold; the unit of measure breaks ties. */
export function matchIndicator(label: string | null, unit: string | null, indicators: readonly Indicator[]): { indicator: string | null; score: number } {
  if (!label) return { indicator: null, score: 0 };
  let best: { indicator: string | null; score: number; rank: number } = { indicator: null, score: 0, rank: 0 };
  for (const ind of indicators) {
    let s = 0;
    for (const name of [ind.name, ...ind.aliases]) s = Math.max(s, labelScore(label, name));
    const rank = s + (sameUnit(unit, ind.measureUnit) ? 0.05 : 0);
    if (rank > best.rank) best = { indicator: ind.code, score: s, rank };
  }
  if (best.score < MATCH_THRESHOLD) return { indicator: null, score: Math.round(best.score * 100) / 100 };
  return { indicator: best.indicator, score: Math.round(best.score * 100) / 100 };
}

// ---------------------------------------------------------------------------------------------
// Analyse

export interface AnalysedFact {
  start: number;
  end: number;
  text: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
  kind: Fact['kind'];
  qualifier: Fact['qualifier'];
  numerator: number | null;
  denominator: number | null;
  direction: Fact['direction'];
  basis: string | null;
  /** The label, period and place as written. */
  indicator: string | null;
  period: string | null;
  place: string | null;
  /** Suggestions: an indicator of the catalogue, the period as a code, a unit in the caller's scope. */
  match: { indicator: string | null; score: number };
  periodCode: string | null;
  periodLabel: string | null;
  unitId: string | null;
}

export interface Analysis {
  text: string;
  facts: AnalysedFact[];
  findings: Finding[];
}

function tryPeriod(label: string | null): Period | null {
  if (!label) return null;
  try {
    return parsePeriod(label);
  } catch (e) {
    if (e instanceof PeriodError) return null;
    throw e;
  }
}

export async function analyse(auth: AuthContext, rawText: string, today: string): Promise<Analysis> {
  const text = normaliseInput(rawText);
  const facts = extractFacts(text);
  const findings = checkText(text, facts);
  const [catalogue, scope] = await Promise.all([auth.catalogue(), auth.scope()]);
  const units = catalogue.units.filter((u) => scope.has(u.id));
  const placeCache = new Map<string, string | null>();
  const out = facts.map((f): AnalysedFact => {
    const p = tryPeriod(f.period);
    const window = p ? calendarRange(p) : { start: today, end: today };
    let unitId: string | null = null;
    if (f.place) {
      const key = `${f.place}|${window.start}|${window.end}`;
      if (!placeCache.has(key)) {
        const r = findUnit(units, f.place, window);
        placeCache.set(key, r.ok ? r.unit.id : null);
      }
      unitId = placeCache.get(key) ?? null;
    }
    return {
      start: f.start,
      end: f.end,
      text: f.text,
      value: f.value,
      valueMax: f.valueMax,
      unit: f.unit,
      kind: f.kind,
      qualifier: f.qualifier,
      numerator: f.numerator,
      denominator: f.denominator,
      direction: f.direction,
      basis: f.basis,
      indicator: f.indicator,
      period: f.period,
      place: f.place,
      match: matchIndicator(f.indicator, f.unit, catalogue.indicators),
      periodCode: p ? periodCode(p) : null,
      periodLabel: p ? periodLabel(p) : null,
      unitId,
    };
  });
  return { text, facts: out, findings };
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportRow {
  indicator: string;
  unitId: string;
  period: Period;
  value: number;
  status: ValueStatus;
  start: number;
  end: number;
  quote: string;
}

export interface ImportedCell {
  valueId: string;
  indicator: string;
  unitId: string;
  storedUnitId: string;
  period: string;
  value: number;
  status: ValueStatus;
  state: string;
  version: number;
  source: Provenance;
}

const rowPath = (i: number, field: string): string => `rows[${i}].${field}`;

export async function importDrafts(db: Kysely<DB>, auth: AuthContext, input: { document: string; rows: ImportRow[] }, now: Date): Promise<{ created: number; cells: ImportedCell[] }> {
  if (!IMPORT_ROLES.has(auth.user.role)) throw new ApiError('forbidden');
  const scope = await auth.scope();
  scope.require(...input.rows.map((r) => r.unitId));
  const indicators = (await auth.catalogue()).indicatorsByCode;
  const graphUnit = new Map(scope.graph.units.map((u) => [u.id, u]));
  const document = input.document.normalize('NFC').trim();

  const problems: FieldProblem[] = [];
  const keys: CellKey[] = [];
  const firstOf = new Map<string, number>();
  input.rows.forEach((r, i) => {
    const ind = indicators.get(r.indicator);
    for (const p of cellProblems({ indicator: r.indicator, option: null, value: r.value }, ind)) problems.push({ path: rowPath(i, p.field), message: p.vi });
    if (r.end < r.start) problems.push({ path: rowPath(i, 'end'), message: 'Vị trí kết thúc phải sau vị trí bắt đầu' });
    const unit = graphUnit.get(r.unitId)!;
    const key: CellKey = { indicator: r.indicator, unitId: ind ? storageUnitId(unit, ind) : r.unitId, period: periodCode(r.period), option: null };
    const k = entryKey(key);
    const prev = firstOf.get(k);
    if (prev !== undefined) problems.push({ path: `rows[${i}]`, message: `Trùng với dòng thứ ${prev + 1} (cùng chỉ số, đơn vị, kỳ)` });
    else firstOf.set(k, i);
    keys.push(key);
  });
  if (problems.length) throw new ApiError('validation', {}, { fields: problems });

  const reason = `Nhập từ văn bản "${document}"`;
  const stamp = { at: now, by: auth.user.username };
  return db.transaction().execute(async (trx) => {
    const wanted = new Set(keys.map((k) => `${k.unitId}|${k.period}`));
    const locks = (await listLocks(trx, [...new Set(keys.map((k) => k.unitId))], [...new Set(keys.map((k) => k.period))])).filter((l) => wanted.has(`${l.unitId}|${l.period}`));
    if (locks.length) {
      const names = new Map((await listUnits(trx, { ids: locks.map((l) => l.unitId) })).map((u) => [u.id, unitDisplayName(u)]));
      const list = locks.map((l) => `${names.get(l.unitId) ?? l.unitId} kỳ ${l.period}`).join(', ');
      throw new ApiError('locked', { vi: `Đã được duyệt và khóa: ${list}; cần văn phòng mở lại trước khi nhập`, en: `Approved and locked: ${locks.map((l) => `${l.unitId} ${l.period}`).join(', ')}` });
    }
    const existing = await lockEntryValues(trx, keys);
    const clashes = input.rows.flatMap((r, i) => {
      const row = existing.get(entryKey(keys[i]!));
      return row ? [{ row: i, indicator: row.indicator, unitId: r.unitId, period: row.period, valueId: String(row.id), value: row.value, status: row.status, state: row.state, updatedBy: row.updatedBy, updatedAt: row.updatedAt }] : [];
    });
    if (clashes.length)
      throw new ApiError(
        'conflict',
        {
          vi: `Đã có số liệu cho ${clashes.length} ô (cùng chỉ số, đơn vị, kỳ); không ghi đè. Hãy sửa trong bảng nhập số liệu hoặc bỏ chọn các dòng đó`,
          en: `${clashes.length} figures already exist for these indicator, unit and period; nothing was overwritten`,
        },
        { current: clashes },
      );
    const sources: Provenance[] = input.rows.map((r) => ({ document, place: `ký tự ${r.start}–${r.end}`, person: auth.user.displayName, note: r.quote.normalize('NFC') }));
    const inserts: NewEntry[] = input.rows.map((r, i) => ({ ...keys[i]!, value: r.value, status: r.status, note: null, source: sources[i]! }));
    const inserted = await insertDrafts(trx, inserts, stamp);
    if (inserted.length < inserts.length) throw new ApiError('conflict', { vi: 'Có người vừa nhập số liệu cho một trong các ô này; hãy phân tích lại', en: 'Someone entered one of these figures meanwhile' }, { current: [] });
    const byKey = new Map<string, EntryRow>(inserted.map((r) => [entryKey(r), r]));
    const revisions: WorkflowRevision[] = inserted.map((r) => ({ valueId: r.id, at: now, by: auth.user.username, oldValue: null, newValue: r.value, oldStatus: null, newStatus: r.status, oldState: null, newState: r.state, reason }));
    await insertWorkflowRevisions(trx, revisions);
    await insertAudit(
      trx,
      input.rows.map((_, i) => {
        const r = byKey.get(entryKey(keys[i]!))!;
        return auditBy(auth, now, {
          action: 'import',
          entity: 'value',
          entityId: String(r.id),
          unitId: r.unitId,
          after: { indicator: r.indicator, period: r.period, option: r.option, value: r.value, status: r.status, state: r.state, version: r.version, source: sources[i] },
          reason,
        });
      }),
    );
    return {
      created: inserted.length,
      cells: input.rows.map((row, i) => {
        const r = byKey.get(entryKey(keys[i]!))!;
        return { valueId: String(r.id), indicator: r.indicator, unitId: row.unitId, storedUnitId: r.unitId, period: r.period, value: r.value, status: r.status, state: r.state, version: r.version, source: sources[i]! };
      }),
    };
  });
}

/** A figure with its provenance, for the page's confirmation and the tests; scope-checked. */
export async function valueWithSource(db: Kysely<DB>, auth: AuthContext, id: number) {
  const v = await getValueSource(db, id);
  if (!v) throw new ApiError('not_found');
  const scope = await auth.scope();
  scope.require(v.unitId);
  return v;
}
