/**
 * The official list of administrative units before and after 1 July 2025, from the public dataset
 * dvhcvn/20250701 (MIT; see its README in the data directory), turned into units, parent links and
 * succession links (domain-rules §5). Pure: reading the files is done by {@link readDvhcvnDir}.
 *
 * - New side (from 2025-07-01): 34 provinces (`915_CTK-CSCL.csv`, names in `merges.json`) and 3,321
 *   communes (`merges.json`), each commune under its province.
 * - Old side (until 2025-06-30): 63 provinces, 10,047 communes and 5 island districts without
 *   communes (`splits.json`), each under its old province: the files do not have the district level.
 * - Successions, effective 2025-07-01: old commune → new commune ('full' → merge, 'partial' → split
 *   with an unknown share), old province → new province.
 *
 * Codes are reused across the reform (xã Ngân Sơn 01954 carries the code of the old thị trấn Vân
 * Tùng), so ids carry the side: `dvhcvn-old-01954`, `dvhcvn-new-01954`, `dvhcvn-tinh-old-06`,
 * `dvhcvn-tinh-new-19`, `dvhcvn-huyen-old-318`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { normalizeText } from '../core/text.ts';
import type { Succession, Unit, UnitKind } from '../core/units.ts';
import { formatPath } from '../workspace/schema.ts';

export const REFORM_DATE = '2025-07-01';
export const LAST_OLD_DATE = '2025-06-30';
export const LEGAL_BASIS = 'Nghị quyết 1654–1687/NQ-UBTVQH15 (dữ liệu dvhcvn/20250701, cần rà soát)';
const NOTE = 'Nguồn: dvhcvn/20250701 (cần rà soát)';

export const FILES = { provinces: '915_CTK-CSCL.csv', merges: 'merges.json', splits: 'splits.json' } as const;

/** The data files are missing or not what this importer knows. */
export class DvhcvnError extends Error {
  override readonly name = 'DvhcvnError';
  readonly code = 'invalid_dvhcvn';
}

export const oldCommuneId = (code: string) => `dvhcvn-old-${code}`;
export const newCommuneId = (code: string) => `dvhcvn-new-${code}`;
export const oldProvinceId = (code: string) => `dvhcvn-tinh-old-${code}`;
export const newProvinceId = (code: string) => `dvhcvn-tinh-new-${code}`;
export const oldDistrictId = (code: string) => `dvhcvn-huyen-old-${code}`;

const code = z.string().regex(/^\d+$/, 'Mã phải là chữ số');
const name = z.string().min(1);
const MergesSchema = z.object({
  data: z.array(
    z.object({
      level1_id: code,
      name,
      merges: z.array(z.object({ old_id: code, name, type: z.enum(['full', 'partial']) })),
      level2s: z.array(z.object({ level2_id: code, name, merges: z.array(z.object({ old_id: code, name, type: z.enum(['full', 'partial']) })).min(1) })),
    }),
  ),
});
const SplitsSchema = z.object({
  data: z.array(
    z.object({
      level1_id: code,
      name,
      level2s: z.array(z.object({ level2_id: code, name })).optional(),
      level3s: z.array(z.object({ level3_id: code, name })),
    }),
  ),
});

export interface DvhcvnFiles {
  /** Text of 915_CTK-CSCL.csv. */
  provincesCsv: string;
  /** Parsed merges.json. */
  merges: unknown;
  /** Parsed splits.json. */
  splits: unknown;
}

/**
 * Reads the three files of the dataset from `dir`.
 * @throws DvhcvnError naming the missing or unreadable file
 */
export function readDvhcvnDir(dir: string): DvhcvnFiles {
  const read = (f: string) => {
    const p = join(dir, f);
    if (!existsSync(p)) throw new DvhcvnError(`Không thấy tệp ${p}. Thư mục dữ liệu đơn vị hành chính phải có ${Object.values(FILES).join(', ')} (dvhcvn/20250701).`);
    return readFileSync(p, 'utf8');
  };
  const json = (f: string) => {
    const text = read(f);
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new DvhcvnError(`Tệp ${join(dir, f)} không phải JSON hợp lệ: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  };
  return { provincesCsv: read(FILES.provinces), merges: json(FILES.merges), splits: json(FILES.splits) };
}

export interface DvhcvnData {
  units: Unit[];
  successions: Succession[];
  counts: { newProvinces: number; newCommunes: number; oldProvinces: number; oldCommunes: number; oldDistricts: number };
}

const PROVINCE_KINDS: [string, UnitKind][] = [
  ['Thành phố ', 'thanh_pho_tw'],
  ['Tỉnh ', 'tinh'],
];
const COMMUNE_KINDS: [string, UnitKind][] = [
  ['Xã ', 'xa'],
  ['Phường ', 'phuong'],
  ['Thị trấn ', 'thi_tran'],
  ['Đặc khu ', 'dac_khu'],
];
const DISTRICT_KINDS: [string, UnitKind][] = [
  ['Huyện ', 'huyen'],
  ['Quận ', 'quan'],
  ['Thị xã ', 'thi_xa'],
  ['Thành phố ', 'thanh_pho'],
];

/**
 * "Thị trấn Vân Tùng" → kind thi_tran, name "Vân Tùng". The prefix is matched ignoring case (the data
 * has "Thị Trấn Mường Chà"); stray double spaces ("Xã  Mỹ Lộc") are collapsed.
 */
export function splitKind(fullName: string, kinds: [string, UnitKind][]): { kind: UnitKind; name: string } {
  const n = normalizeText(fullName);
  const lower = n.toLocaleLowerCase('vi');
  for (const [prefix, kind] of kinds) if (lower.startsWith(prefix.toLocaleLowerCase('vi'))) return { kind, name: n.slice(prefix.length) };
  throw new DvhcvnError(`Không nhận ra loại đơn vị trong tên "${fullName}" (cần bắt đầu bằng ${kinds.map(([p]) => p.trim()).join(', ')})`);
}

function parse<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0]!;
  throw new DvhcvnError(`Tệp ${file} không đúng cấu trúc dvhcvn/20250701 tại ${formatPath(first.path)}: ${first.message}`);
}

/** The province codes of 915_CTK-CSCL.csv ("Stt,Mã số,Tên …"). */
export function parseProvinceCodes(csv: string): string[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(1).map((line, i) => {
    const c = line.split(',')[1]?.trim();
    if (!c || !/^\d{2}$/.test(c)) throw new DvhcvnError(`Tệp ${FILES.provinces}, dòng ${i + 2}: mã tỉnh "${c ?? ''}" không hợp lệ`);
    return c;
  });
}

/**
 * Units and successions of the dataset; with `province` (a new province code such as "19"), only that
 * province, its communes and the old units that went into them (with their old provinces).
 * @throws DvhcvnError when the files are inconsistent or the province is unknown
 */
export function transformDvhcvn(files: DvhcvnFiles, opts: { province?: string } = {}): DvhcvnData {
  const merges = parse(MergesSchema, files.merges, FILES.merges).data;
  const splits = parse(SplitsSchema, files.splits, FILES.splits).data;
  checkProvinceList(parseProvinceCodes(files.provincesCsv), merges.map((p) => p.level1_id));

  const selected = opts.province === undefined ? merges : merges.filter((p) => p.level1_id === opts.province);
  if (selected.length === 0)
    throw new DvhcvnError(`Không có tỉnh mã "${opts.province}" trong danh sách 34 tỉnh, thành phố từ 01/7/2025. Các mã: ${merges.map((p) => p.level1_id).join(', ')}`);

  const units: Unit[] = [];
  const successions: Succession[] = [];
  const unit = (id: string, c: string, full: string, kinds: [string, UnitKind][], side: 'old' | 'new', parentId: string | null): Unit => ({
    id,
    code: c,
    ...splitKind(full, kinds),
    validFrom: side === 'new' ? REFORM_DATE : null,
    validTo: side === 'old' ? LAST_OLD_DATE : null,
    parents: parentId ? [{ parentId, from: null, to: null }] : [],
    counterpartId: null,
    note: NOTE,
  });
  const succession = (fromId: string, toId: string, type: 'full' | 'partial'): Succession => ({
    fromId,
    toId,
    kind: type === 'full' ? 'merge' : 'split',
    share: null,
    effectiveDate: REFORM_DATE,
    legalBasis: LEGAL_BASIS,
  });

  // Old side, indexed by code: communes and island districts, each with its old province.
  const oldCommunes = new Map<string, { name: string; province: string }>();
  const oldDistricts = new Map<string, { name: string; province: string }>();
  const oldProvinces = new Map(splits.map((p) => [p.level1_id, p.name]));
  for (const p of splits) {
    for (const c of p.level3s) oldCommunes.set(c.level3_id, { name: c.name, province: p.level1_id });
    for (const d of p.level2s ?? []) oldDistricts.set(d.level2_id, { name: d.name, province: p.level1_id });
  }

  const usedOldCommunes = new Set<string>();
  const usedOldDistricts = new Set<string>();
  const usedOldProvinces = new Set<string>();
  for (const p of selected) {
    units.push(unit(newProvinceId(p.level1_id), p.level1_id, p.name, PROVINCE_KINDS, 'new', null));
    for (const m of p.merges) {
      if (!oldProvinces.has(m.old_id)) throw new DvhcvnError(`${FILES.merges}: tỉnh mới ${p.level1_id} ghép từ tỉnh cũ mã ${m.old_id}, không có trong ${FILES.splits}`);
      usedOldProvinces.add(m.old_id);
      successions.push(succession(oldProvinceId(m.old_id), newProvinceId(p.level1_id), m.type));
    }
    for (const c of p.level2s) {
      const toId = newCommuneId(c.level2_id);
      units.push(unit(toId, c.level2_id, c.name, COMMUNE_KINDS, 'new', newProvinceId(p.level1_id)));
      for (const m of c.merges) {
        // An old unit is a commune (5 digits) or, for the island districts without communes, a district.
        const isCommune = oldCommunes.has(m.old_id);
        const old = isCommune ? oldCommunes.get(m.old_id) : oldDistricts.get(m.old_id);
        if (!old) throw new DvhcvnError(`${FILES.merges}: xã mới ${c.level2_id} (${c.name}) ghép từ đơn vị cũ mã ${m.old_id}, không có trong ${FILES.splits}`);
        (isCommune ? usedOldCommunes : usedOldDistricts).add(m.old_id);
        usedOldProvinces.add(old.province);
        successions.push(succession(isCommune ? oldCommuneId(m.old_id) : oldDistrictId(m.old_id), toId, m.type));
      }
    }
  }
  for (const c of [...usedOldProvinces].sort()) units.push(unit(oldProvinceId(c), c, oldProvinces.get(c)!, PROVINCE_KINDS, 'old', null));
  for (const c of [...usedOldDistricts].sort()) {
    const d = oldDistricts.get(c)!;
    units.push(unit(oldDistrictId(c), c, d.name, DISTRICT_KINDS, 'old', oldProvinceId(d.province)));
  }
  for (const c of [...usedOldCommunes].sort()) {
    const o = oldCommunes.get(c)!;
    units.push(unit(oldCommuneId(c), c, o.name, COMMUNE_KINDS, 'old', oldProvinceId(o.province)));
  }
  // The whole list: every old commune has a successor, so none is missing; say so if the data changes.
  if (opts.province === undefined && usedOldCommunes.size !== oldCommunes.size)
    throw new DvhcvnError(`${oldCommunes.size - usedOldCommunes.size} xã cũ trong ${FILES.splits} không có đơn vị kế thừa trong ${FILES.merges}`);

  return {
    units,
    successions,
    counts: {
      newProvinces: selected.length,
      newCommunes: selected.reduce((n, p) => n + p.level2s.length, 0),
      oldProvinces: usedOldProvinces.size,
      oldCommunes: usedOldCommunes.size,
      oldDistricts: usedOldDistricts.size,
    },
  };
}

function checkProvinceList(csvCodes: string[], mergeCodes: string[]): void {
  const a = [...csvCodes].sort().join(',');
  const b = [...mergeCodes].sort().join(',');
  if (a !== b) throw new DvhcvnError(`Danh sách mã tỉnh trong ${FILES.provinces} (${csvCodes.length} tỉnh) khác danh sách trong ${FILES.merges} (${mergeCodes.length} tỉnh)`);
}
