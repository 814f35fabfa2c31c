/**
 * The demo's resolutions: the term resolution of the 22nd congress of the Đảng bộ huyện Ngân Sơn,
 * one annual resolution per year 2021–2025 (the 2024 one is the resolution of the 19th plenum,
 * seed 002), a 2025 resolution of the new xã Ngân Sơn, and a 2020 resolution of huyện Bắc Sơn.
 *
 * Plans are illustrative unless a note says which article they are inferred from. Numbers and dates
 * of the documents are not in the material: `number` names the document instead, `issuedOn` is null.
 */
import { formatCount, formatViNumber } from '../../src/core/numbers.ts';
import type { WorkspaceInput } from '../../src/workspace/schema.ts';
import { cite, PLACES as P } from './sources.ts';
import { ID } from './units.ts';

type ResolutionInput = NonNullable<WorkspaceInput['resolutions']>[number];
type TargetInput = NonNullable<ResolutionInput['targets']>[number];
type Basis = NonNullable<TargetInput['basis']>;
type Rule = TargetInput['rule'];
type Field = 'KT' | 'VH' | 'QP' | 'XD';

const FIELD_OF: Record<Field, NonNullable<TargetInput['field']>> = {
  KT: 'kinh_te',
  VH: 'van_hoa_xa_hoi',
  QP: 'quoc_phong_an_ninh',
  XD: 'xay_dung_dang',
};

const ILL_PLAN = 'Mức kế hoạch minh họa.';
const inferred = (how: string, place: (typeof P)[keyof typeof P]) => `Mức kế hoạch suy ra từ bài viết (${how}): ${cite(place)}.`;

/** "{kh}" → the plan the Vietnamese way (4.800; 65,7); "{kh2}" → a count with two digits (02). */
function word(template: string, plan: number | null): string {
  if (plan === null) return template;
  return template.replace('{kh}', formatViNumber(plan, { maxDecimals: 3 })).replace('{kh2}', formatCount(plan));
}

// ---------------------------------------------------------------------------------------------
// Annual resolutions: one row per indicator, the plan of each year's resolution (absent: the
// indicator is not a target that year).

type Year = 2021 | 2022 | 2023 | 2024 | 2025;
export const ANNUAL_YEARS: Year[] = [2021, 2022, 2023, 2024, 2025];

interface AnnualRow {
  field: Field;
  indicator: string;
  wording: string;
  op: 'min' | 'max' | 'status';
  basis?: Basis;
  plans: Partial<Record<Year, number | true>>;
  note?: string;
}

const each = (v: number | true): Partial<Record<Year, number | true>> => Object.fromEntries(ANNUAL_YEARS.map((y) => [y, v]));
const plans = (...vs: (number | true | null)[]): Partial<Record<Year, number | true>> =>
  Object.fromEntries(ANNUAL_YEARS.flatMap((y, i) => (vs[i] === null || vs[i] === undefined ? [] : [[y, vs[i]]])));

const ANNUAL: AnnualRow[] = [
  // ---- Kinh tế
  { field: 'KT', indicator: 'gieo_trong', wording: 'Tổng diện tích gieo trồng cây hằng năm đạt {kh} ha trở lên', op: 'min', plans: plans(4800, 4850, 4850, 4800, 4700) },
  { field: 'KT', indicator: 'gieo_trong_vu_xuan', wording: 'Diện tích gieo trồng vụ xuân đạt {kh} ha', op: 'min', plans: plans(null, null, null, null, 1550) },
  { field: 'KT', indicator: 'san_luong_luong_thuc', wording: 'Tổng sản lượng lương thực có hạt đạt {kh} tấn', op: 'min', plans: plans(19000, 19200, 19300, 19200, 19000) },
  {
    field: 'KT',
    indicator: 'thuoc_la',
    wording: 'Diện tích trồng cây thuốc lá {kh} ha',
    op: 'min',
    plans: plans(700, 700, 650, 600, 650),
    note: 'Mức kế hoạch minh họa; năm 2023 chọn 650 ha để 676 ha = 104% như bài viết (seeds/002), năm 2024 chọn 600 ha để 770,4 ha = 128,4% (seeds/001).',
  },
  { field: 'KT', indicator: 'lua_knl', wording: 'Diện tích lúa nếp Khẩu Nua Lếch {kh} ha', op: 'min', plans: each(100), note: inferred('«đạt trên 100ha, vượt chỉ tiêu Nghị quyết»', P.mtKnl) },
  {
    field: 'KT',
    indicator: 'gia_tri_ha',
    wording: 'Giá trị sản phẩm thu được trên 1 ha đất ruộng, soi bãi đạt {kh} triệu đồng/ha/năm',
    op: 'min',
    plans: plans(90, 95, 100, 102, 105),
    note: 'Mức kế hoạch minh họa; năm 2023 là 100 triệu đồng vì bài viết ghi đạt 100 triệu đồng = 100% (seeds/002).',
  },
  {
    field: 'KT',
    indicator: 'trong_rung',
    wording: 'Trồng rừng mới {kh} ha',
    op: 'min',
    plans: plans(350, 400, 400, 400, 450),
    note: 'Mức kế hoạch minh họa; năm 2025 là 450 ha, suy ra từ 32,88 ha = 7,3% (seeds/000).',
  },
  { field: 'KT', indicator: 'che_phu_rung', wording: 'Tỷ lệ che phủ rừng đạt {kh}%', op: 'min', plans: plans(65.4, 65.6, 65.7, 65.7, 65.8) },
  { field: 'KT', indicator: 'dai_gia_suc', wording: 'Tổng đàn đại gia súc đạt {kh} con', op: 'min', plans: plans(12300, 12400, 12500, 12600, null) },
  { field: 'KT', indicator: 'gia_suc_tbn', wording: 'Tổng đàn gia súc (trâu, bò, ngựa) đạt {kh} con', op: 'min', plans: plans(null, null, null, null, 8200) },
  { field: 'KT', indicator: 'cay_an_qua', wording: 'Duy trì, phát triển diện tích cây ăn quả đạt {kh} ha', op: 'min', plans: plans(350, 360, 370, null, 385) },
  { field: 'KT', indicator: 'htx_moi', wording: 'Thành lập mới {kh2} hợp tác xã', op: 'min', plans: plans(2, 2, 2, 1, 2) },
  { field: 'KT', indicator: 'ocop', wording: 'Có thêm sản phẩm đạt chuẩn OCOP, nâng tổng số lên {kh2} sản phẩm', op: 'min', plans: plans(2, 3, 5, 6, 7) },
  {
    field: 'KT',
    indicator: 'thu_ngan_sach',
    wording: 'Thu ngân sách nhà nước trên địa bàn đạt {kh} tỷ đồng',
    op: 'min',
    plans: plans(27, 28.5, 30, 32, 37),
    note: `Mức kế hoạch minh họa; năm 2025 là 37 tỷ đồng: ${cite(P.q1ThuNganSach)}.`,
  },
  { field: 'KT', indicator: 'thu_nhap_binh_quan', wording: 'Thu nhập bình quân đầu người đạt {kh} triệu đồng/năm', op: 'min', plans: plans(28, 31, 35, null, 40) },
  { field: 'KT', indicator: 'xa_dat_ntm', wording: 'Lũy kế có {kh2} xã đạt chuẩn nông thôn mới', op: 'min', plans: plans(1, 2, 3, 3, 4) },
  { field: 'KT', indicator: 'ty_le_giai_ngan', wording: 'Tỷ lệ giải ngân vốn đầu tư công đạt {kh}% kế hoạch vốn được giao', op: 'min', plans: each(95) },
  { field: 'KT', indicator: 'duong_gtnt', wording: 'Cứng hóa {kh} km đường giao thông nông thôn', op: 'min', plans: plans(15, 15, 15, null, 10) },
  // ---- Văn hóa – xã hội
  {
    field: 'VH',
    indicator: 'ty_le_ho_ngheo',
    wording: 'Tỷ lệ hộ nghèo giảm {kh}% trở lên',
    op: 'min',
    basis: { kind: 'change', unit: 'pp', sense: 'decrease' },
    plans: each(3.5),
    note: 'Giảm tính bằng điểm phần trăm ("giảm 4,07%" năm 2024 là 4,07 điểm %). Mức 3,5 lấy theo cận dưới chỉ tiêu nhiệm kỳ (seeds/004).',
  },
  { field: 'VH', indicator: 'ty_le_bhyt', wording: 'Tỷ lệ người dân tham gia bảo hiểm y tế đạt {kh}%', op: 'min', plans: each(98) },
  { field: 'VH', indicator: 'ty_le_gia_dinh_van_hoa', wording: 'Tỷ lệ hộ đạt danh hiệu «Gia đình văn hóa» đạt {kh}%', op: 'min', plans: plans(84, 85, 85, 85, 86) },
  { field: 'VH', indicator: 'ty_le_khu_dan_cu_van_hoa', wording: 'Tỷ lệ khu dân cư văn hóa đạt {kh}%', op: 'min', plans: plans(68, 70, 70, 72, 75) },
  { field: 'VH', indicator: 'ty_le_co_quan_van_hoa', wording: 'Tỷ lệ cơ quan, đơn vị đạt chuẩn văn hóa đạt {kh}%', op: 'min', plans: plans(88, 90, 90, 92, 92) },
  {
    field: 'VH',
    indicator: 'truong_dat_chuan',
    wording: 'Xây dựng {kh2} trường đạt chuẩn quốc gia',
    op: 'min',
    plans: plans(2, 2, 3, 2, 2),
    note: 'Mức kế hoạch minh họa; năm 2023 là 03 trường vì bài viết ghi 03 trường = 100% (seeds/002).',
  },
  { field: 'VH', indicator: 'lao_dong_viec_lam', wording: 'Giải quyết việc làm mới cho {kh} lao động', op: 'min', plans: plans(480, 500, 500, 500, 500) },
  { field: 'VH', indicator: 'ty_le_ho_dung_dien', wording: 'Tỷ lệ hộ dân được sử dụng điện lưới quốc gia đạt {kh}%', op: 'min', plans: plans(97, 97.5, 97, 98, 98.5) },
  { field: 'VH', indicator: 'ty_le_ho_dung_nuoc', wording: 'Tỷ lệ hộ dân được sử dụng nước sinh hoạt hợp vệ sinh đạt {kh}%', op: 'min', plans: plans(93, 94, 94, 95, 96) },
  { field: 'VH', indicator: 'ty_le_lao_dong_dao_tao', wording: 'Tỷ lệ lao động qua đào tạo đạt {kh}%', op: 'min', plans: plans(47, 48, 50, 52, 55) },
  {
    field: 'VH',
    indicator: 'ty_le_suy_dinh_duong',
    wording: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân giảm xuống còn {kh}%',
    op: 'max',
    plans: plans(15, 14.5, 14, null, 13),
  },
  { field: 'VH', indicator: 'ty_le_thu_gom_rac', wording: 'Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt {kh}%', op: 'min', plans: plans(75, 78, 80, 85, 85) },
  { field: 'VH', indicator: 'ty_le_tiem_chung', wording: 'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt {kh}%', op: 'min', plans: plans(95, 95, 95, null, 96) },
  { field: 'VH', indicator: 'xa_chuan_y_te', wording: 'Có {kh2} xã, thị trấn đạt Bộ tiêu chí quốc gia về y tế', op: 'min', plans: plans(9, 10, 10, null, null) },
  {
    field: 'VH',
    indicator: 'nha_hoan_thanh',
    wording: 'Hoàn thành xóa nhà tạm, nhà dột nát cho {kh} hộ trước ngày 30/10/2025',
    op: 'min',
    plans: plans(null, null, null, null, 620),
    note: `Mức kế hoạch minh họa: 117 nhà đã khởi công và «hơn 500 nhà» tiếp tục triển khai, ${cite(P.q1NhaConLai)}.`,
  },
  // ---- Quốc phòng – an ninh
  { field: 'QP', indicator: 'ty_le_giao_quan', wording: 'Hoàn thành {kh}% chỉ tiêu giao quân', op: 'min', plans: each(100) },
  { field: 'QP', indicator: 'xa_vung_manh_qpan', wording: '100% xã, thị trấn vững mạnh về quốc phòng – an ninh', op: 'status', plans: each(true) },
  { field: 'QP', indicator: 'dien_tap_kvpt', wording: 'Tổ chức thành công diễn tập khu vực phòng thủ huyện năm 2024', op: 'status', plans: plans(null, null, null, true, null) },
  {
    field: 'QP',
    indicator: 'ty_le_thon_an_toan',
    wording: 'Tỷ lệ thôn, tổ dân phố đạt tiêu chuẩn «An toàn về an ninh, trật tự» từ {kh}% trở lên',
    op: 'min',
    plans: plans(85, 88, 90, null, null),
  },
  { field: 'QP', indicator: 'ty_le_pha_an', wording: 'Tỷ lệ điều tra, khám phá án hình sự đạt từ {kh}% trở lên', op: 'min', plans: plans(75, 78, 80, null, null) },
  // ---- Xây dựng Đảng
  {
    field: 'XD',
    indicator: 'ket_nap',
    wording: 'Kết nạp {kh} đảng viên mới',
    op: 'min',
    plans: plans(120, 120, null, 120, 120),
    note: inferred('«147/120 đảng viên»', P.mtKetNap2021),
  },
  {
    field: 'XD',
    indicator: 'ty_le_tccs_httnv',
    wording: 'Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt {kh}%',
    op: 'min',
    plans: plans(null, null, null, 90, 90),
    note: inferred('75% = 83,3% so với Nghị quyết nên mức là 90%', P.mtTccs2022Pct),
  },
  {
    field: 'XD',
    indicator: 'ty_le_dang_vien_httnv',
    wording: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt {kh}%',
    op: 'min',
    plans: plans(null, null, null, 90, 90),
    note: inferred('«95/90%»', P.mtDangVienHttnv),
  },
];

function numberTargets(resolutionId: string, rows: Omit<TargetInput, 'id' | 'code'>[], fields: Field[]): TargetInput[] {
  const seq: Record<string, number> = {};
  return rows.map((t, i) => {
    const f = fields[i]!;
    seq[f] = (seq[f] ?? 0) + 1;
    const code = `${f}${String(seq[f]).padStart(2, '0')}`;
    return { id: `${resolutionId}-${code.toLowerCase()}`, code, ...t };
  });
}

function ruleOf(op: AnnualRow['op'], plan: number | true): Rule {
  if (op === 'status' || plan === true) return { op: 'status' };
  return { op, value: plan };
}

function annualResolution(year: Year): ResolutionInput {
  const id = `nq-nam-${year}-ngan-son`;
  const rows = ANNUAL.filter((r) => r.plans[year] !== undefined);
  const targets = numberTargets(
    id,
    rows.map((r) => {
      const plan = r.plans[year]!;
      return {
        indicator: r.indicator,
        wording: word(r.wording, plan === true ? null : plan),
        basis: r.basis ?? { kind: 'level' },
        rule: ruleOf(r.op, plan),
        recurrence: 'once',
        precision: null,
        field: FIELD_OF[r.field],
        yearPlans: null,
        note: r.note ?? ILL_PLAN,
      };
    }),
    rows.map((r) => r.field),
  );
  const plenum19 = year === 2024;
  return {
    id,
    number: plenum19 ? 'NQ Hội nghị lần thứ 19 (khóa XXII)' : `NQ về nhiệm vụ năm ${year}`,
    title: plenum19
      ? 'Nghị quyết Hội nghị lần thứ 19 Ban Chấp hành Đảng bộ huyện (khóa XXII) về nhiệm vụ năm 2024'
      : `Nghị quyết của Ban Chấp hành Đảng bộ huyện Ngân Sơn (khóa XXII) về nhiệm vụ năm ${year}`,
    issuerId: ID.dbHuyenNganSon,
    issuedOn: null,
    scope: { kind: 'year', year },
    targets,
  };
}

// ---------------------------------------------------------------------------------------------
// The term resolution (nhiệm kỳ 2020 – 2025): every target form.

interface TermRow {
  field: Field;
  indicator: string;
  wording: string;
  basis: Basis;
  rule: Rule;
  recurrence?: 'each_year';
  note?: string;
}

const min = (value: number): Rule => ({ op: 'min', value });
const max = (value: number): Rule => ({ op: 'max', value });
const LEVEL: Basis = { kind: 'level' };
const END: Basis = { kind: 'end_of_term' };
const CUM: Basis = { kind: 'cumulative' };
const MEAN: Basis = { kind: 'average', method: 'mean' };

const TERM: TermRow[] = [
  // ---- Kinh tế
  {
    field: 'KT',
    indicator: 'trong_rung',
    wording: 'Trồng rừng bình quân 350 ha/năm',
    basis: MEAN,
    rule: min(350),
    note: inferred('544,5 ha/năm = 155,5%', P.mtTrongRungPct),
  },
  {
    field: 'KT',
    indicator: 'thuoc_la',
    wording: 'Duy trì diện tích cây thuốc lá bình quân 700 ha/năm',
    basis: MEAN,
    rule: min(700),
    note: inferred('702 ha/năm = 100,2%', P.mtThuocLaPct),
  },
  {
    field: 'KT',
    indicator: 'lua_knl',
    wording: 'Diện tích lúa nếp Khẩu Nua Lếch hằng năm đạt từ 100 ha trở lên',
    basis: LEVEL,
    rule: min(100),
    recurrence: 'each_year',
    note: inferred('«đạt trên 100ha, vượt chỉ tiêu Nghị quyết»', P.mtKnl),
  },
  {
    field: 'KT',
    indicator: 'cay_an_qua',
    wording: 'Đến năm 2025, phát triển, duy trì diện tích cây ăn quả đạt 359 ha',
    basis: END,
    rule: min(359),
    note: inferred('hơn 380 ha = 105,8%', P.mtCayAnQuaPct),
  },
  {
    field: 'KT',
    indicator: 'hong_khong_hat',
    wording: 'Trong đó diện tích hồng không hạt đạt 90 ha',
    basis: END,
    rule: min(90),
    note: inferred('95,2 ha = 105,7%', P.mtHongPct),
  },
  {
    field: 'KT',
    indicator: 'cay_de',
    wording: 'Trong đó diện tích cây dẻ đạt 123,2 ha',
    basis: END,
    rule: min(123.2),
    note: inferred('133,2 ha = 108,1%', P.mtDePct),
  },
  {
    field: 'KT',
    indicator: 'dai_gia_suc',
    wording: 'Tổng đàn đại gia súc đến năm 2025 đạt 12.500 con',
    basis: END,
    rule: min(12500),
    note: inferred('12.327 con = 98,61%', P.mtDaiGiaSucPct),
  },
  {
    field: 'KT',
    indicator: 'san_luong_luong_thuc',
    wording: 'Tổng sản lượng lương thực có hạt bình quân hằng năm đạt 19.000 tấn trở lên',
    basis: MEAN,
    rule: min(19000),
  },
  {
    field: 'KT',
    indicator: 'luong_thuc_binh_quan',
    wording: 'Bình quân lương thực có hạt đầu người đạt từ 600 kg/năm trở lên',
    basis: MEAN,
    rule: min(600),
  },
  { field: 'KT', indicator: 'che_phu_rung', wording: 'Tỷ lệ che phủ rừng đến năm 2025 đạt 65,5% trở lên', basis: END, rule: min(65.5) },
  {
    field: 'KT',
    indicator: 'gia_tri_ha',
    wording: 'Giá trị sản phẩm thu được trên 1 ha đất ruộng, soi bãi đến năm 2025 đạt 100 triệu đồng trở lên',
    basis: END,
    rule: min(100),
  },
  {
    field: 'KT',
    indicator: 'thu_ngan_sach',
    wording: 'Thu ngân sách nhà nước trên địa bàn tăng bình quân 8%/năm trở lên',
    basis: { kind: 'average', method: 'cagr' },
    rule: min(8),
  },
  { field: 'KT', indicator: 'htx_moi', wording: 'Thành lập mới ít nhất 10 hợp tác xã trong nhiệm kỳ', basis: CUM, rule: min(10) },
  {
    field: 'KT',
    indicator: 'chuoi_lien_ket',
    wording: 'Xây dựng ít nhất 01 chuỗi sản xuất liên kết gắn với tiêu thụ sản phẩm nông nghiệp',
    basis: CUM,
    rule: min(1),
    note: inferred('02 chuỗi = 200%', P.mtChuoiPct),
  },
  { field: 'KT', indicator: 'ocop', wording: 'Đến năm 2025 có ít nhất 06 sản phẩm đạt chuẩn OCOP', basis: END, rule: min(6) },
  { field: 'KT', indicator: 'xa_dat_ntm', wording: 'Đến năm 2025 có 04 xã đạt chuẩn nông thôn mới', basis: END, rule: min(4) },
  { field: 'KT', indicator: 'thu_nhap_binh_quan', wording: 'Thu nhập bình quân đầu người đến năm 2025 đạt 40 triệu đồng', basis: END, rule: min(40) },
  // ---- Văn hóa – xã hội
  {
    field: 'VH',
    indicator: 'ty_le_ho_ngheo',
    wording: 'Tỷ lệ hộ nghèo giảm bình quân từ 3,5 – 4%/năm',
    basis: { kind: 'average', method: 'pp_per_year' },
    rule: { op: 'range', low: 3.5, high: 4 },
    note: `Mức theo bài viết: ${cite(P.mtGiamNgheoKh)}; bài viết ghi «giai đoạn 2021-2026», hiểu là giai đoạn 2021 – 2025.`,
  },
  {
    field: 'VH',
    indicator: 'ty_le_bhyt',
    wording: 'Tỷ lệ người dân tham gia bảo hiểm y tế hằng năm đạt từ 98% trở lên',
    basis: LEVEL,
    rule: min(98),
    recurrence: 'each_year',
  },
  { field: 'VH', indicator: 'truong_dat_chuan', wording: 'Xây dựng mới 10 trường đạt chuẩn quốc gia', basis: CUM, rule: min(10) },
  { field: 'VH', indicator: 'lao_dong_viec_lam', wording: 'Giải quyết việc làm mới cho 2.500 lao động', basis: CUM, rule: min(2500) },
  { field: 'VH', indicator: 'ty_le_ho_dung_dien', wording: 'Đến năm 2025, 99% hộ dân được sử dụng điện lưới quốc gia', basis: END, rule: min(99) },
  { field: 'VH', indicator: 'ty_le_ho_dung_nuoc', wording: 'Đến năm 2025, 97% hộ dân được sử dụng nước sinh hoạt hợp vệ sinh', basis: END, rule: min(97) },
  { field: 'VH', indicator: 'ty_le_gia_dinh_van_hoa', wording: 'Đến năm 2025, tỷ lệ hộ đạt danh hiệu «Gia đình văn hóa» đạt 86%', basis: END, rule: min(86) },
  { field: 'VH', indicator: 'ty_le_lao_dong_dao_tao', wording: 'Tỷ lệ lao động qua đào tạo đến năm 2025 đạt 55%', basis: END, rule: min(55) },
  // ---- Quốc phòng – an ninh
  {
    field: 'QP',
    indicator: 'ty_le_giao_quan',
    wording: 'Hằng năm hoàn thành 100% chỉ tiêu giao quân',
    basis: LEVEL,
    rule: min(100),
    recurrence: 'each_year',
  },
  {
    field: 'QP',
    indicator: 'xa_vung_manh_qpan',
    wording: 'Duy trì 100% xã, thị trấn vững mạnh về quốc phòng – an ninh',
    basis: { kind: 'maintain' },
    rule: { op: 'status' },
  },
  // ---- Xây dựng Đảng
  {
    field: 'XD',
    indicator: 'ket_nap',
    wording: 'Mỗi năm kết nạp từ 120 đảng viên mới trở lên',
    basis: LEVEL,
    rule: min(120),
    recurrence: 'each_year',
    note: inferred('«147/120 đảng viên», «124/120 đảng viên»', P.mtKetNap2021),
  },
  { field: 'XD', indicator: 'ket_nap', wording: 'Cả nhiệm kỳ kết nạp từ 600 đảng viên mới trở lên', basis: CUM, rule: min(600) },
  {
    field: 'XD',
    indicator: 'ket_nap',
    wording: 'Số đảng viên kết nạp mới hằng năm đạt từ 3% tổng số đảng viên đầu năm trở lên',
    basis: { kind: 'ratio_to_base', baseIndicator: 'dang_vien' },
    rule: min(3),
    recurrence: 'each_year',
  },
  {
    field: 'XD',
    indicator: 'ty_le_tccs_httnv',
    wording: 'Hằng năm có từ 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
    basis: LEVEL,
    rule: min(90),
    recurrence: 'each_year',
    note: inferred('75% = 83,3% so với Nghị quyết', P.mtTccs2022Pct),
  },
  {
    field: 'XD',
    indicator: 'ty_le_dang_vien_httnv',
    wording: 'Hằng năm có từ 90% đảng viên hoàn thành tốt nhiệm vụ trở lên',
    basis: LEVEL,
    rule: min(90),
    recurrence: 'each_year',
    note: inferred('«95/90%»', P.mtDangVienHttnv),
  },
  { field: 'XD', indicator: 'chi_bo_ghep', wording: 'Giảm số chi bộ sinh hoạt ghép xuống còn không quá 10 chi bộ', basis: END, rule: max(10) },
  { field: 'XD', indicator: 'thon_trang', wording: 'Xóa thôn «trắng» đảng viên', basis: END, rule: max(0) },
];

function termResolution(): ResolutionInput {
  const id = 'nq-dai-hoi-xxii-ngan-son';
  return {
    id,
    number: 'NQ Đại hội XXII',
    title: 'Nghị quyết Đại hội đại biểu Đảng bộ huyện Ngân Sơn lần thứ XXII, nhiệm kỳ 2020 – 2025',
    issuerId: ID.dbHuyenNganSon,
    issuedOn: null,
    scope: { kind: 'term', startYear: 2020, endYear: 2025 },
    targets: numberTargets(
      id,
      TERM.map((r) => ({
        indicator: r.indicator,
        wording: r.wording,
        basis: r.basis,
        rule: r.rule,
        recurrence: r.recurrence ?? 'once',
        precision: null,
        field: FIELD_OF[r.field],
        yearPlans: null,
        note: r.note ?? ILL_PLAN,
      })),
      TERM.map((r) => r.field),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Small resolutions: xã Ngân Sơn (new commune) for 2025, huyện Bắc Sơn for 2020.

function simple(id: string, meta: Omit<ResolutionInput, 'id' | 'targets'>, rows: { field: Field; indicator: string; wording: string; rule: Rule; basis?: Basis; note?: string }[]): ResolutionInput {
  return {
    id,
    ...meta,
    targets: numberTargets(
      id,
      rows.map((r) => ({
        indicator: r.indicator,
        wording: r.wording,
        basis: r.basis ?? LEVEL,
        rule: r.rule,
        recurrence: 'once',
        precision: null,
        field: FIELD_OF[r.field],
        yearPlans: null,
        note: r.note ?? ILL_PLAN,
      })),
      rows.map((r) => r.field),
    ),
  };
}

function nganSonCommune2025(): ResolutionInput {
  const note = 'Mức kế hoạch minh họa: chỉ tiêu năm 2025 của các xã, thị trấn cũ (Vân Tùng, Cốc Đán, Đức Vân) giao lại cho xã mới.';
  return simple(
    'nq-nam-2025-xa-ngan-son',
    {
      number: 'NQ về nhiệm vụ năm 2025 (xã Ngân Sơn)',
      title: 'Nghị quyết của Ban Chấp hành Đảng bộ xã Ngân Sơn về lãnh đạo thực hiện nhiệm vụ năm 2025',
      issuerId: ID.dbXaNganSon2025,
      issuedOn: null,
      scope: { kind: 'year', year: 2025 },
    },
    [
      { field: 'KT', indicator: 'trong_rung', wording: 'Trồng rừng mới 120 ha', rule: min(120), note },
      { field: 'KT', indicator: 'thu_ngan_sach', wording: 'Thu ngân sách nhà nước trên địa bàn đạt 10 tỷ đồng', rule: min(10), note },
      {
        field: 'VH',
        indicator: 'ty_le_ho_ngheo',
        wording: 'Tỷ lệ hộ nghèo giảm 3,5% trở lên',
        basis: { kind: 'change', unit: 'pp', sense: 'decrease' },
        rule: min(3.5),
        note,
      },
      { field: 'VH', indicator: 'ty_le_bhyt', wording: 'Tỷ lệ người dân tham gia bảo hiểm y tế đạt 98%', rule: min(98), note },
      { field: 'VH', indicator: 'lao_dong_viec_lam', wording: 'Giải quyết việc làm mới cho 130 lao động', rule: min(130), note },
      { field: 'VH', indicator: 'nha_hoan_thanh', wording: 'Hoàn thành xóa nhà tạm, nhà dột nát cho 160 hộ', rule: min(160), note },
      { field: 'QP', indicator: 'ty_le_giao_quan', wording: 'Hoàn thành 100% chỉ tiêu giao quân', rule: min(100), note },
      { field: 'XD', indicator: 'ket_nap', wording: 'Kết nạp 30 đảng viên mới', rule: min(30), note },
    ],
  );
}

function bacSon2020(): ResolutionInput {
  return simple(
    'nq-nam-2020-bac-son',
    {
      number: 'NQ về nhiệm vụ năm 2020 (huyện Bắc Sơn)',
      title: 'Nghị quyết của Ban Chấp hành Đảng bộ huyện Bắc Sơn (khóa XXI) về nhiệm vụ năm 2020',
      issuerId: ID.dbHuyenBacSon,
      issuedOn: null,
      scope: { kind: 'year', year: 2020 },
    },
    [
      { field: 'KT', indicator: 'gieo_trong', wording: 'Tổng diện tích gieo trồng cây hằng năm đạt 15.600 ha', rule: min(15600) },
      { field: 'KT', indicator: 'trong_rung', wording: 'Trồng rừng mới 1.000 ha', rule: min(1000) },
      { field: 'KT', indicator: 'trong_moi_cay_an_qua', wording: 'Trồng mới 120 ha cây ăn quả', rule: min(120) },
      { field: 'KT', indicator: 'thu_ngan_sach', wording: 'Tổng thu ngân sách nhà nước trên địa bàn đạt 40 tỷ đồng', rule: min(40) },
      {
        field: 'KT',
        indicator: 'chi_ngan_sach',
        wording: 'Tổng chi ngân sách địa phương theo dự toán giao 515,6 tỷ đồng',
        rule: min(515.6),
        note: `Dự toán minh họa, chọn để 464 tỷ đồng bằng 90% dự toán: ${cite(P.bsChiDuToan)}.`,
      },
    ],
  );
}

export function buildResolutions(): ResolutionInput[] {
  return [termResolution(), ...ANNUAL_YEARS.map(annualResolution), nganSonCommune2025(), bacSon2020()];
}

export const RESOLUTION_IDS = {
  term: 'nq-dai-hoi-xxii-ngan-son',
  annual: (year: Year) => `nq-nam-${year}-ngan-son`,
  xaNganSon2025: 'nq-nam-2025-xa-ngan-son',
  bacSon2020: 'nq-nam-2020-bac-son',
} as const;
