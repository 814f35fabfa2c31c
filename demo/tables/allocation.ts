/**
 * How each additive district figure is shared among the communes (state tree) or the grassroots
 * party organisations (party tree). Illustrative: fixed integer weights, largest remainder, so the
 * parts add up exactly to the district figure. Indicators not listed stay at district level.
 *
 * - `weights`: the figure itself is split.
 * - `complement`: for a count close to its denominator (people with BHYT among the population), the
 *   denominator is split by its own rule and the *shortfall* (denominator − numerator) by `weights`;
 *   the numerator is the difference. Every commune's rate then stays ≤ 100%.
 * - `explicit`: 0/1 status of each commune by period (xã đạt chuẩn NTM) or known locations (OCOP
 *   products of seed 004); units not named get 0.
 *
 * `successors: false`: no figures for the five new communes after 1/7/2025 (see build.ts).
 */
import { AGENCIES, OLD_COMMUNES } from './units.ts';

/** Weights keyed by unit id. */
export type Weights = Record<string, number>;

export type Allocation =
  | { kind: 'weights'; weights: Weights; successors?: false }
  | { kind: 'complement'; of: string; weights: Weights; successors?: false }
  | { kind: 'explicit'; table: Record<string, Record<string, number>> };

/** State weights, in the order of OLD_COMMUNES: Nà Phặc, Thượng Ân, Bằng Vân, Cốc Đán, Trung Hòa, Đức Vân, Vân Tùng, Thượng Quan, Hiệp Lực, Thuần Mang. */
function w(...ws: number[]): Weights {
  if (ws.length !== OLD_COMMUNES.length) throw new Error(`Cần ${OLD_COMMUNES.length} trọng số`);
  return Object.fromEntries(OLD_COMMUNES.map((c, i) => [c.id, ws[i]!]));
}
/** Party weights: the ten commune party committees in the same order, then the agencies (AGENCIES order). */
function wp(...ws: number[]): Weights {
  const ids = [...OLD_COMMUNES.map((c) => c.partyId), ...AGENCIES.map((a) => a.id)];
  if (ws.length !== ids.length) throw new Error(`Cần ${ids.length} trọng số`);
  return Object.fromEntries(ids.map((id, i) => [id, ws[i]!]));
}

// Illustrative shares: population and households by commune (the two thị trấn largest), farming
// and forest in the upland communes, Khẩu Nua Lếch rice in Thượng Quan, budget revenue in the towns.
const W = {
  dan: w(15, 8, 10, 10, 7, 6, 10, 12, 12, 10),
  ngheo: w(6, 10, 10, 11, 9, 9, 6, 12, 14, 13),
  rung: w(5, 12, 11, 13, 9, 10, 4, 12, 12, 12),
  thuocLa: w(6, 10, 12, 12, 9, 8, 11, 13, 10, 9),
  knl: w(2, 4, 8, 9, 5, 6, 12, 38, 8, 8),
  nong: w(8, 10, 11, 11, 9, 9, 9, 12, 11, 10),
  anQua: w(6, 9, 10, 12, 9, 14, 8, 11, 11, 10),
  hong: w(4, 8, 10, 14, 8, 10, 6, 16, 12, 12),
  de: w(5, 8, 9, 12, 9, 22, 7, 10, 9, 9),
  giaSuc: w(6, 10, 11, 12, 9, 9, 7, 13, 12, 11),
  nganSach: w(34, 5, 7, 7, 4, 4, 16, 9, 7, 7),
  thon: w(12, 9, 10, 11, 8, 8, 10, 11, 11, 9), // = the 99 thôn, tổ dân phố
  truong: w(3, 2, 2, 2, 2, 1, 2, 2, 2, 2),
  htx: w(14, 8, 9, 9, 7, 9, 12, 14, 9, 9),
  canBoXa: w(23, 19, 21, 21, 19, 19, 21, 21, 21, 19), // = the 204 places of the biên chế
  deu: w(1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
  // party: communes, then Cơ quan Chính quyền huyện, Quân sự huyện, Trường THPT
  dang: wp(14, 8, 9, 9, 7, 6, 10, 11, 10, 8, 5, 2, 1),
  ketNap: wp(12, 9, 9, 10, 8, 7, 9, 12, 10, 9, 3, 1, 1),
  dangVienKinh: wp(30, 4, 5, 6, 3, 3, 20, 6, 5, 4, 12, 1, 1),
  toChuc: wp(20, 16, 17, 17, 14, 12, 18, 19, 19, 15, 12, 3, 1),
  toChucChuaTot: wp(2, 3, 2, 3, 2, 2, 2, 3, 3, 3, 1, 0, 0),
  chiBoXa: wp(10, 10, 10, 12, 8, 9, 6, 12, 11, 12, 0, 0, 0),
} as const;

const by = (weights: Weights, successors?: false): Allocation => (successors === false ? { kind: 'weights', weights, successors } : { kind: 'weights', weights });
const complement = (of: string, weights: Weights): Allocation => ({ kind: 'complement', of, weights });

/** 1 for the named units, 0 for every other old commune. */
function only(...ids: string[]): Record<string, number> {
  for (const id of ids) if (!OLD_COMMUNES.some((c) => c.id === id)) throw new Error(`Không có xã id "${id}"`);
  return Object.fromEntries(OLD_COMMUNES.map((c) => [c.id, ids.includes(c.id) ? 1 : 0]));
}
const allBut = (...ids: string[]) => only(...OLD_COMMUNES.map((c) => c.id).filter((id) => !ids.includes(id)));

export const ALLOCATION: Record<string, Allocation> = {
  trong_rung: by(W.rung),
  thuoc_la: by(W.thuocLa),
  lua_knl: by(W.knl),
  cay_an_qua: by(W.anQua),
  hong_khong_hat: by(W.hong),
  cay_de: by(W.de),
  gieo_trong: by(W.nong),
  gieo_trong_vu_xuan: by(W.nong),
  san_luong_luong_thuc: by(W.nong),
  dai_gia_suc: by(W.giaSuc),
  gia_suc_tbn: by(W.giaSuc),
  trang_trai: by(W.nong),
  htx_moi: by(W.htx),
  htx_tong: by(W.htx),
  ocop: {
    kind: 'explicit',
    // Seed 004 names where the five products come from (8/2023): Thượng Quan, Vân Tùng, Nà Phặc (2), Đức Vân.
    table: {
      '2020': { ...only(), 'xa-thuong-quan': 1 },
      '2021': { ...only(), 'xa-thuong-quan': 1, 'tt-na-phac': 1 },
      '2022': { ...only(), 'xa-thuong-quan': 1, 'tt-na-phac': 2, 'xa-duc-van': 1 },
      '2023-YTD08': { ...only(), 'xa-thuong-quan': 1, 'tt-na-phac': 2, 'xa-duc-van': 1, 'tt-van-tung': 1 },
      '2023': { ...only(), 'xa-thuong-quan': 1, 'tt-na-phac': 2, 'xa-duc-van': 1, 'tt-van-tung': 1 },
      '2024': { ...only(), 'xa-thuong-quan': 1, 'tt-na-phac': 2, 'xa-duc-van': 1, 'tt-van-tung': 1, 'xa-bang-van': 1 },
      '2025-YTD06': { ...only(), 'xa-thuong-quan': 1, 'tt-na-phac': 2, 'xa-duc-van': 1, 'tt-van-tung': 1, 'xa-bang-van': 1 },
      '2025-Q3': { 'xa-na-phac-2025': 2, 'xa-bang-van-2025': 1, 'xa-ngan-son-2025': 2, 'xa-thuong-quan-2025': 1, 'xa-hiep-luc-2025': 0 },
      '2025-Q4': { 'xa-na-phac-2025': 2, 'xa-bang-van-2025': 1, 'xa-ngan-son-2025': 3, 'xa-thuong-quan-2025': 1, 'xa-hiep-luc-2025': 0 },
    },
  },
  thu_ngan_sach: by(W.nganSach),
  duong_gtnt: by(W.nong),
  xa_dat_ntm: {
    kind: 'explicit',
    // A thị trấn is not assessed against the new-rural criteria.
    table: {
      '2020': only('xa-thuong-quan'),
      '2021': only('xa-thuong-quan'),
      '2022': only('xa-thuong-quan', 'xa-bang-van'),
      '2023': only('xa-thuong-quan', 'xa-bang-van'),
      '2024': only('xa-thuong-quan', 'xa-bang-van', 'xa-trung-hoa'),
      '2025-YTD06': only('xa-thuong-quan', 'xa-bang-van', 'xa-trung-hoa'),
    },
  },
  dan_so: by(W.dan),
  tong_so_ho: by(W.dan),
  ho_ngheo: by(W.ngheo),
  nguoi_tham_gia_bhyt: complement('dan_so', W.ngheo),
  ho_gia_dinh_van_hoa: complement('tong_so_ho', W.ngheo),
  so_thon: by(W.thon),
  khu_dan_cu_van_hoa: complement('so_thon', W.ngheo),
  truong_dat_chuan: by(W.truong),
  lao_dong_viec_lam: by(W.dan),
  ho_dung_dien: complement('tong_so_ho', W.ngheo),
  ho_dung_nuoc: complement('tong_so_ho', W.ngheo),
  xa_chuan_y_te: {
    kind: 'explicit',
    table: {
      '2020': allBut('xa-thuong-an', 'xa-thuan-mang'),
      '2021': allBut('xa-thuan-mang'),
      '2022': allBut(),
      '2023': allBut(),
      '2024': allBut(),
      '2025-YTD06': allBut(),
    },
  },
  nha_khoi_cong: by(W.ngheo),
  nha_hoan_thanh: by(W.ngheo),
  giao_quan_chi_tieu: by(W.dan),
  giao_quan_thuc_hien: complement('giao_quan_chi_tieu', W.dan),
  cbcc_xa: complement('bien_che_cbcc_xa', W.deu),
  bien_che_cbcc_xa: by(W.canBoXa),
  // party
  ket_nap: by(W.ketNap),
  dang_vien: by(W.dang),
  dang_vien_dtts: complement('dang_vien', W.dangVienKinh),
  tccs_danh_gia: by(W.toChuc),
  tccs_httnv: complement('tccs_danh_gia', W.toChucChuaTot),
  dang_vien_danh_gia: by(W.dang),
  dang_vien_httnv: complement('dang_vien_danh_gia', W.dang),
  // Inspections still running at a cut-off finish later, so the "in progress" option can shrink
  // between two cut-offs; no after-merger figures are derived from the district's 2025 estimate.
  kiem_tra_to_chuc: by(W.dang, false),
  kiem_tra_dang_vien: by(W.dang, false),
  kiem_tra_dhvp: by(W.dang),
  giam_sat_to_chuc: by(W.dang),
  giam_sat_dang_vien: by(W.dang),
  ky_luat: by(W.dang),
  chi_bo_ghep: by(W.chiBoXa),
  thon_trang: by(W.chiBoXa),
};
