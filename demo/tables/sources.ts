/**
 * Where the demo's figures come from: the five seed articles (../shared/seeds), each quoted phrase
 * with its UTF-16 character offset in the article (as in ../shared/seeds-gold), and the helpers that
 * build a value's provenance: published as written, or illustrative ("minh họa").
 */
import type { ValueStatus } from '../../src/core/values.ts';

export const SEEDS = {
  '000': {
    file: '000_e02f0c8d98654038.txt',
    document:
      'Bài báo về Hội nghị Ban Chấp hành Đảng bộ huyện Ngân Sơn đánh giá kết quả quý I/2025 (tư liệu seeds/000_e02f0c8d98654038.txt)',
  },
  '001': {
    file: '001_a852af431d7837cf.txt',
    document:
      'Bài báo về Hội nghị Ban Chấp hành Đảng bộ huyện Ngân Sơn tổng kết nhiệm vụ năm 2024, tháng 12/2024 (tư liệu seeds/001_a852af431d7837cf.txt)',
  },
  '002': {
    file: '002_2f83b725278f49f1.txt',
    document: 'Bài báo về kết quả thực hiện nhiệm vụ năm 2023 của huyện Ngân Sơn (tư liệu seeds/002_2f83b725278f49f1.txt)',
  },
  '003': {
    file: '003_c6919bca00d5da6a.txt',
    document:
      'Bài báo về Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ huyện Bắc Sơn khóa XXII, ngày 15/9/2020 (tư liệu seeds/003_c6919bca00d5da6a.txt)',
  },
  '004': {
    file: '004_4d294ad7413eeec2.txt',
    document:
      'Bài báo về xây dựng Đảng và phát triển kinh tế – xã hội huyện Ngân Sơn từ đầu nhiệm kỳ 2020 – 2025 đến khoảng tháng 8/2023 (tư liệu seeds/004_4d294ad7413eeec2.txt)',
  },
} as const;
export type SeedId = keyof typeof SEEDS;

export interface Place {
  seed: SeedId;
  /** UTF-16 offset of the phrase in the article (NFC). */
  start: number;
  phrase: string;
}

const at = (seed: SeedId, start: number, phrase: string): Place => ({ seed, start, phrase });

/** Every phrase of the seeds the demo reproduces, by a short name. */
export const PLACES = {
  // 000: quý I/2025, huyện Ngân Sơn
  q1GieoTrongVuXuan: at('000', 338, 'hơn 1.440ha'),
  q1GiaSuc: at('000', 388, 'hơn 8.000 con'),
  q1TrongRung: at('000', 412, 'trồng rừng năm 2025 được 32,88ha'),
  q1TrongRungPct: at('000', 446, 'đạt 7,3%'),
  q1ThuNganSach: at('000', 475, 'hơn 7 tỷ đồng/37 tỷ đồng'),
  q1NhaKhoiCong: at('000', 1129, '117 nhà được khởi công xây dựng'),
  q1NhaXayMoi: at('000', 1174, '111 hộ xây mới'),
  q1NhaSuaChua: at('000', 1192, '06 hộ sửa chữa'),
  q1NhaHoanThanh: at('000', 1224, '24 nhà đã hoàn thành'),
  q1NhaConLai: at('000', 1305, 'hơn 500 nhà'),
  // 001: năm 2024
  y24Count: at('001', 523, '24/30 chỉ tiêu đạt và vượt'),
  y24Exceeded: at('001', 563, '09 tiêu chí vượt'),
  y24Met: at('001', 581, '15 tiêu chí đạt'),
  y24TrongRung: at('001', 647, 'đạt hơn 138% kế hoạch'),
  y24ThuocLa: at('001', 683, 'đạt hơn 128% kế hoạch'),
  y24Htx: at('001', 724, 'đạt 300% kế hoạch'),
  y24NganSach: at('001', 762, 'đạt hơn 130% kế hoạch'),
  y24HoNgheo: at('001', 800, 'giảm 4,07%'),
  y24NotMet: at('001', 1526, 'Còn 9 chỉ tiêu không đạt'),
  // 002: năm 2023
  y23Count: at('002', 38, 'đạt và vượt 26/34 chỉ tiêu'),
  y23NganSach: at('002', 142, 'đạt 101,08%'),
  y23TrongRung: at('002', 166, 'đạt 120%'),
  y23GiaTriHa: at('002', 205, 'đạt 100 triệu đồng/ha/năm'),
  y23ThuocLa: at('002', 255, 'đạt 104%'),
  y23Knl: at('002', 296, 'đạt 111,3%'),
  y23Htx: at('002', 333, 'đạt 300% chỉ tiêu nghị quyết'),
  y23Truong: at('002', 372, '03 trường đạt chuẩn quốc gia'),
  y23Bhyt: at('002', 462, 'đạt 100,2%'),
  y23Gdvh: at('002', 516, 'đạt 100,2%'),
  y23Kdcvh: at('002', 553, 'đạt 109,7%'),
  y23Cqvh: at('002', 605, 'đạt 102,6%'),
  // 003: huyện Bắc Sơn, 9 tháng năm 2020
  bsGieoTrong: at('003', 1223, 'đạt trên 11.800ha'),
  bsTrongRung: at('003', 1242, 'trồng rừng mới 649ha'),
  bsCayAnQua: at('003', 1281, 'gần 76ha'),
  bsTanLapNtm: at('003', 1374, 'hoàn thành 19/19 tiêu chí NTM'),
  bsThuNganSach: at('003', 1503, 'đạt 34 tỷ đồng'),
  bsThuCungKy: at('003', 1519, 'bằng 135% cùng kỳ'),
  bsChiNganSach: at('003', 1557, 'đạt 464 tỷ đồng'),
  bsChiDuToan: at('003', 1574, 'bằng 90% dự toán giao'),
  // 004: nửa đầu nhiệm kỳ, huyện Ngân Sơn
  mtKetNapTong: at('004', 1837, 'kết nạp được 354 đảng viên'),
  mtKetNap2021: at('004', 1896, '147/120 đảng viên'),
  mtKetNap2021Pct: at('004', 1915, 'đạt 122,5% kế hoạch'),
  mtKetNap2022: at('004', 1958, '124/120 đảng viên'),
  mtKetNap2022Pct: at('004', 1977, 'đạt 103,3% kế hoạch'),
  mtKetNap2023: at('004', 2033, '83/120 đảng viên'),
  mtDangVien: at('004', 2087, 'có 3.633 đảng viên'),
  mtDtts: at('004', 2116, '89,5% là đảng viên người dân tộc thiểu số'),
  mtThonTrang: at('004', 2182, 'không còn thôn trắng đảng viên'),
  mtChiBoGhep2020: at('004', 2244, 'từ 38 chi bộ trong năm 2020'),
  mtChiBoGhep: at('004', 2280, 'xuống còn 10 chi bộ'),
  mtKiemTraToChuc: at('004', 2561, '67 tổ chức đảng'),
  mtKiemTraDangVien: at('004', 2580, '130 đảng viên'),
  mtKiemTraXongToChuc: at('004', 2626, '65 tổ chức đảng'),
  mtKiemTraXongDangVien: at('004', 2645, '127 đảng viên'),
  mtKiemTraDangToChuc: at('004', 2664, '02 tổ chức đảng'),
  mtKiemTraDangDangVien: at('004', 2683, '03 đảng viên'),
  mtKtdhvp: at('004', 2841, 'đối với 02 đảng viên'),
  mtGiamSatToChuc: at('004', 2912, '59 tổ chức'),
  mtGiamSatDangVien: at('004', 2926, '135 đảng viên'),
  mtKyLuat: at('004', 2941, 'thi hành kỷ luật 17 đảng viên'),
  mtKhienTrach: at('004', 2972, 'khiển trách 10'),
  mtCanhCao: at('004', 2988, 'cảnh cáo 02'),
  mtKhaiTru: at('004', 3001, 'khai trừ 05'),
  mtTccs2021: at('004', 3310, 'đạt 94,98'),
  mtTccs2021Pct: at('004', 3320, 'đạt 105,4% nghị quyết'),
  mtTccs2022: at('004', 3424, 'đạt 75%'),
  mtTccs2022Pct: at('004', 3433, 'đạt 83,3% so với Nghị quyết'),
  mtTccs2022Change: at('004', 3462, 'giảm 19,9% so với năm 2021'),
  mtDangVienHttnv: at('004', 3606, 'đạt 95/90%'),
  mtDangVienHttnvPct: at('004', 3618, 'đạt 105,5%'),
  mtQuyHoach: at('004', 4123, 'là 1.026 lượt'),
  mtQuyHoachHuyen: at('004', 4147, 'cấp huyện là 419 lượt'),
  mtQuyHoachXa: at('004', 4170, 'cấp xã là 607 lượt'),
  mtCongChucHuyen: at('004', 5481, '62/72'),
  mtVienChuc: at('004', 5501, '613/693'),
  mtCbccXa: at('004', 5535, '193/204'),
  mtTinhGian: at('004', 5676, '08 cán bộ, công chức, viên chức'),
  mtSanLuong: at('004', 7038, 'đạt 19.182 tấn'),
  mtLuongThucBq: at('004', 7075, 'đạt 633kg/người/năm'),
  mtKnl: at('004', 7211, 'đạt trên 100ha'),
  mtThuocLa: at('004', 7269, '702ha cây thuốc lá/năm'),
  mtThuocLaPct: at('004', 7293, 'đạt 100,2% Nghị quyết'),
  mtCayAnQua: at('004', 7336, 'hơn 380ha cây ăn quả'),
  mtCayAnQuaPct: at('004', 7358, 'đạt 105,8% kế hoạch'),
  mtHong: at('004', 7388, '95,2ha hồng không hạt'),
  mtHongPct: at('004', 7411, 'đạt 105,7% kế hoạch'),
  mtDe: at('004', 7432, '133,2ha cây dẻ'),
  mtDePct: at('004', 7448, 'đạt 108,1% kế hoạch'),
  mtTrongRung: at('004', 7511, 'đạt hơn 544,5ha'),
  mtTrongRungPct: at('004', 7528, 'đạt 155,5% chỉ tiêu Nghị quyết'),
  mtChePhu: at('004', 7582, 'đạt 65,68%'),
  mtDaiGiaSuc: at('004', 7632, 'có12.327 con'),
  mtDaiGiaSucPct: at('004', 7646, 'đạt 98,61% nghị quyết'),
  mtTrangTraiTrauBo: at('004', 7672, '05 trang trại chăn nuôi trâu, bò'),
  mtTrangTraiLon: at('004', 7719, '06 trang trại chăn nuôi lợn'),
  mtChuoi: at('004', 7764, '02 chuỗi sản xuất liên kết'),
  mtChuoiPct: at('004', 7830, 'đạt 200% kế hoạch'),
  mtOcop: at('004', 7873, '05 sản phẩm được công nhận sản phẩm OCOP cấp tỉnh'),
  mtHtxMoi: at('004', 8736, 'thành lập mới 16 hợp tác xã'),
  mtHtxTong: at('004', 8802, 'lên 28 hợp tác xã'),
  mtGiamNgheo: at('004', 9450, 'đạt 3,76%/năm'),
  mtGiamNgheoKh: at('004', 9517, 'từ 3,5 - 4%/năm'),
} as const satisfies Record<string, Place>;

/** "2087–2105 «có 3.633 đảng viên»" */
export function placeText(p: Place): string {
  return `${p.start}–${p.start + p.phrase.length} «${p.phrase}»`;
}

/** A short reference to a phrase, for notes: "seeds/004_…txt, 2087–2105 «có 3.633 đảng viên»". */
export function cite(p: Place): string {
  return `seeds/${SEEDS[p.seed].file}, ${placeText(p)}`;
}

export interface Source {
  document: string | null;
  place: string | null;
  person: string | null;
  note: string | null;
}

/** One figure of a series, before it is placed on a unit and a period. */
export interface Cell {
  value: number;
  status: ValueStatus;
  source: Source;
}

export const DEMO_DOCUMENT = 'Bộ dữ liệu demo (demo/build-demo.ts)';
export const ILLUSTRATIVE = 'minh họa';

/** A figure as the article writes it. `note` explains a figure written "hơn …"/"gần …" (then it says "minh họa"). */
export function pub(value: number, place: Place, note: string | null = null): Cell {
  return { value, status: 'thuc_hien', source: { document: SEEDS[place.seed].document, place: placeText(place), person: null, note } };
}

/** An illustrative figure, chosen plausibly; `why` says what it is consistent with. */
export function ill(value: number, why = 'điền cho đủ chuỗi số liệu, hợp lý với các số đã công bố'): Cell {
  return { value, status: 'thuc_hien', source: { document: DEMO_DOCUMENT, place: null, person: null, note: `${ILLUSTRATIVE} — ${why}` } };
}

/** An illustrative figure chosen so that the evaluation reproduces a published phrase. */
export function fit(value: number, place: Place, why = 'chọn để kết quả tính lại khớp bài viết'): Cell {
  return ill(value, `${why}: ${cite(place)}`);
}

/** The same figure as an estimate ("ước thực hiện"). */
export function est(cell: Cell | number): Cell {
  const c = typeof cell === 'number' ? ill(cell, 'ước thực hiện cả năm cho tổng kết nhiệm kỳ') : cell;
  return { ...c, status: 'uoc' };
}

export type CellInput = number | Cell;
export const toCell = (c: CellInput): Cell => (typeof c === 'number' ? ill(c) : c);
