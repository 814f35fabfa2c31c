/**
 * The demo's units: the state tree and the party tree of huyện Ngân Sơn (Bắc Kạn) before the 2025
 * reform, the five communes of tỉnh Thái Nguyên that replaced its ten from 1/7/2025 (codes reused,
 * data/dvhcvn-20250701/README.md), and huyện Bắc Sơn (Lạng Sơn) for seed 003.
 */
import type { WorkspaceInput } from '../../src/workspace/schema.ts';

type UnitInput = NonNullable<WorkspaceInput['units']>[number];
type SuccessionInput = NonNullable<WorkspaceInput['successions']>[number];

/** The reform took effect on 1/7/2025; the old units end the day before. */
export const REFORM_DAY = '2025-07-01';
export const LAST_OLD_DAY = '2025-06-30';

export const PROVINCE_MERGER_BASIS = 'Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh';
export const COMMUNE_MERGER_BASIS = 'Nghị quyết 1683/NQ-UBTVQH15 của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính cấp xã của tỉnh Thái Nguyên năm 2025';
// The party decisions that set up the new organisations are not in the material; say so instead of inventing a number.
const PROVINCE_PARTY_BASIS = 'Quyết định của Bộ Chính trị về hợp nhất Đảng bộ tỉnh Bắc Kạn và Đảng bộ tỉnh Thái Nguyên (số hiệu không có trong tư liệu)';
const COMMUNE_PARTY_BASIS = 'Quyết định của Ban Thường vụ Tỉnh ủy Thái Nguyên về thành lập đảng bộ xã (số hiệu không có trong tư liệu)';

export interface OldCommune {
  /** State unit id, e.g. "xa-thuong-an", "tt-van-tung". */
  id: string;
  /** Party organisation id: "db-" + id. */
  partyId: string;
  code: string;
  name: string;
  kind: 'xa' | 'thi_tran';
}

const old = (id: string, code: string, name: string, kind: 'xa' | 'thi_tran' = 'xa'): OldCommune => ({ id, partyId: `db-${id}`, code, name, kind });

/** The ten communes of huyện Ngân Sơn until 30/6/2025, in GSO code order. Weight tables follow this order. */
export const OLD_COMMUNES: readonly OldCommune[] = [
  old('tt-na-phac', '01936', 'Nà Phặc', 'thi_tran'),
  old('xa-thuong-an', '01939', 'Thượng Ân'),
  old('xa-bang-van', '01942', 'Bằng Vân'),
  old('xa-coc-dan', '01945', 'Cốc Đán'),
  old('xa-trung-hoa', '01948', 'Trung Hòa'),
  old('xa-duc-van', '01951', 'Đức Vân'),
  old('tt-van-tung', '01954', 'Vân Tùng', 'thi_tran'),
  old('xa-thuong-quan', '01957', 'Thượng Quan'),
  old('xa-hiep-luc', '01960', 'Hiệp Lực'),
  old('xa-thuan-mang', '01963', 'Thuần Mang'),
];

export interface Agency {
  id: string;
  name: string;
  kind: 'dang_bo_co_so' | 'chi_bo';
}

/** Grassroots party organisations of district agencies, directly under the district party committee. */
export const AGENCIES: readonly Agency[] = [
  { id: 'db-co-quan-chinh-quyen-huyen', name: 'Cơ quan Chính quyền huyện Ngân Sơn', kind: 'dang_bo_co_so' },
  { id: 'db-quan-su-huyen', name: 'Quân sự huyện Ngân Sơn', kind: 'dang_bo_co_so' },
  { id: 'cb-truong-thpt-ngan-son', name: 'Trường THPT Ngân Sơn', kind: 'chi_bo' },
];

export interface NewCommune {
  id: string;
  partyId: string;
  code: string;
  name: string;
  /** Old commune ids that merged into it. */
  predecessors: string[];
}

const fresh = (id: string, code: string, name: string, predecessors: string[]): NewCommune => ({ id, partyId: `db-${id}`, code, name, predecessors });

/** The five communes of tỉnh Thái Nguyên from 1/7/2025 (merges.json of dvhcvn/20250701). */
export const NEW_COMMUNES: readonly NewCommune[] = [
  fresh('xa-na-phac-2025', '01936', 'Nà Phặc', ['tt-na-phac', 'xa-trung-hoa']),
  fresh('xa-bang-van-2025', '01942', 'Bằng Vân', ['xa-thuong-an', 'xa-bang-van']),
  fresh('xa-ngan-son-2025', '01954', 'Ngân Sơn', ['tt-van-tung', 'xa-coc-dan', 'xa-duc-van']),
  fresh('xa-thuong-quan-2025', '01957', 'Thượng Quan', ['xa-thuong-quan']),
  fresh('xa-hiep-luc-2025', '01960', 'Hiệp Lực', ['xa-hiep-luc', 'xa-thuan-mang']),
];

export const ID = {
  tinhBacKan: 'tinh-bac-kan',
  tinhThaiNguyen: 'tinh-thai-nguyen',
  huyenNganSon: 'huyen-ngan-son',
  dbTinhBacKan: 'db-tinh-bac-kan',
  dbTinhThaiNguyen: 'db-tinh-thai-nguyen',
  dbHuyenNganSon: 'db-huyen-ngan-son',
  tinhLangSon: 'tinh-lang-son',
  huyenBacSon: 'huyen-bac-son',
  dbTinhLangSon: 'db-tinh-lang-son',
  dbHuyenBacSon: 'db-huyen-bac-son',
  xaTanLap: 'xa-tan-lap-bac-son',
  xaNganSon2025: 'xa-ngan-son-2025',
  dbXaNganSon2025: 'db-xa-ngan-son-2025',
} as const;

function unit(u: Partial<UnitInput> & Pick<UnitInput, 'id' | 'name' | 'kind'>): UnitInput {
  return {
    id: u.id,
    code: u.code ?? null,
    name: u.name,
    kind: u.kind,
    validFrom: u.validFrom ?? null,
    validTo: u.validTo ?? null,
    parents: u.parents ?? [],
    counterpartId: u.counterpartId ?? null,
    note: u.note ?? null,
  };
}
const under = (parentId: string, from: string | null = null, to: string | null = null) => [{ parentId, from, to }];

export function buildUnits(): UnitInput[] {
  const units: UnitInput[] = [
    // Provinces, state and party.
    unit({ id: ID.tinhBacKan, code: '06', name: 'Bắc Kạn', kind: 'tinh', validTo: LAST_OLD_DAY, counterpartId: ID.dbTinhBacKan }),
    unit({
      id: ID.tinhThaiNguyen,
      code: '19',
      name: 'Thái Nguyên',
      kind: 'tinh',
      counterpartId: ID.dbTinhThaiNguyen,
      note: 'Từ 01/7/2025 gồm tỉnh Bắc Kạn và tỉnh Thái Nguyên cũ (Nghị quyết 202/2025/QH15); giữ mã 19.',
    }),
    unit({ id: ID.dbTinhBacKan, name: 'Bắc Kạn', kind: 'dang_bo_tinh', validTo: LAST_OLD_DAY, counterpartId: ID.tinhBacKan }),
    unit({ id: ID.dbTinhThaiNguyen, name: 'Thái Nguyên', kind: 'dang_bo_tinh', counterpartId: ID.tinhThaiNguyen }),
    // The district and its party committee (kết thúc hoạt động từ 01/7/2025, 60-NQ/TW).
    unit({
      id: ID.huyenNganSon,
      code: '062',
      name: 'Ngân Sơn',
      kind: 'huyen',
      validTo: LAST_OLD_DAY,
      parents: under(ID.tinhBacKan),
      counterpartId: ID.dbHuyenNganSon,
      note: 'Đơn vị hành chính cấp huyện kết thúc hoạt động từ 01/7/2025; 10 xã, thị trấn sắp xếp thành 5 xã thuộc tỉnh Thái Nguyên.',
    }),
    unit({
      id: ID.dbHuyenNganSon,
      name: 'Ngân Sơn',
      kind: 'dang_bo_huyen',
      validTo: LAST_OLD_DAY,
      parents: under(ID.dbTinhBacKan),
      counterpartId: ID.huyenNganSon,
    }),
  ];
  for (const c of OLD_COMMUNES) {
    units.push(
      unit({
        id: c.id,
        code: c.code,
        name: c.name,
        kind: c.kind,
        validTo: LAST_OLD_DAY,
        parents: under(ID.huyenNganSon, null, LAST_OLD_DAY),
        counterpartId: c.partyId,
        note:
          c.id === 'tt-van-tung'
            ? 'Thị trấn Vân Tùng được thành lập từ xã Vân Tùng theo Nghị quyết 722/NQ-UBTVQH15 (thông qua 13/02/2023, hiệu lực 10/4/2023). Bộ dữ liệu demo dùng một đơn vị cho cả nhiệm kỳ để số liệu theo năm không bị cắt giữa năm (xem demo/README.md).'
            : null,
      }),
      unit({
        id: c.partyId,
        name: c.name,
        kind: 'dang_bo_xa',
        validTo: LAST_OLD_DAY,
        parents: under(ID.dbHuyenNganSon, null, LAST_OLD_DAY),
        counterpartId: c.id,
        note: c.kind === 'thi_tran' ? `Đảng bộ thị trấn ${c.name}.` : null,
      }),
    );
  }
  for (const a of AGENCIES)
    units.push(unit({ id: a.id, name: a.name, kind: a.kind, validTo: LAST_OLD_DAY, parents: under(ID.dbHuyenNganSon, null, LAST_OLD_DAY) }));
  for (const c of NEW_COMMUNES) {
    units.push(
      unit({
        id: c.id,
        code: c.code,
        name: c.name,
        kind: 'xa',
        validFrom: REFORM_DAY,
        parents: under(ID.tinhThaiNguyen, REFORM_DAY),
        counterpartId: c.partyId,
        note: `Thành lập từ ${c.predecessors.map((p) => OLD_COMMUNES.find((o) => o.id === p)!).map((o) => `${o.kind === 'thi_tran' ? 'thị trấn' : 'xã'} ${o.name} (${o.code})`).join(', ')}; dùng lại mã ${c.code}.`,
      }),
      unit({
        id: c.partyId,
        name: c.name,
        kind: 'dang_bo_xa',
        validFrom: REFORM_DAY,
        parents: under(ID.dbTinhThaiNguyen, REFORM_DAY),
        counterpartId: c.id,
      }),
    );
  }
  // Huyện Bắc Sơn (Lạng Sơn), seed 003. Lạng Sơn kept its boundaries in 2025.
  units.push(
    unit({ id: ID.tinhLangSon, code: '20', name: 'Lạng Sơn', kind: 'tinh', counterpartId: ID.dbTinhLangSon }),
    unit({ id: ID.dbTinhLangSon, name: 'Lạng Sơn', kind: 'dang_bo_tinh', counterpartId: ID.tinhLangSon }),
    unit({ id: ID.huyenBacSon, code: '185', name: 'Bắc Sơn', kind: 'huyen', validTo: LAST_OLD_DAY, parents: under(ID.tinhLangSon), counterpartId: ID.dbHuyenBacSon }),
    unit({ id: ID.dbHuyenBacSon, name: 'Bắc Sơn', kind: 'dang_bo_huyen', validTo: LAST_OLD_DAY, parents: under(ID.dbTinhLangSon), counterpartId: ID.huyenBacSon }),
    unit({
      id: ID.xaTanLap,
      code: '06352',
      name: 'Tân Lập',
      kind: 'xa',
      validTo: LAST_OLD_DAY,
      parents: under(ID.huyenBacSon, null, LAST_OLD_DAY),
      note: 'Từ 01/7/2025 thuộc xã Vũ Lăng (06367); bản demo không mô tả đơn vị kế thừa.',
    }),
  );
  return units;
}

export function buildSuccessions(): SuccessionInput[] {
  const s = (from: string, to: string, legalBasis: string): SuccessionInput => ({ from, to, kind: 'merge', share: null, effectiveDate: REFORM_DAY, legalBasis });
  const out: SuccessionInput[] = [s(ID.tinhBacKan, ID.tinhThaiNguyen, PROVINCE_MERGER_BASIS), s(ID.dbTinhBacKan, ID.dbTinhThaiNguyen, PROVINCE_PARTY_BASIS)];
  for (const c of NEW_COMMUNES)
    for (const p of c.predecessors) {
      out.push(s(p, c.id, COMMUNE_MERGER_BASIS));
      out.push(s(`db-${p}`, c.partyId, COMMUNE_PARTY_BASIS));
    }
  return out;
}
