/**
 * The demo's indicators (chỉ số), by field. Four shapes cover them all:
 * - flow: adds up over time and over units (hectares planted, members admitted);
 * - stock: the value at the end of the period, added over units (households, members);
 * - rate: a ratio recomputed from a numerator and a denominator (never an average of rates);
 * - district: a figure of the district as a whole, not derivable from its communes ('none').
 */
import type { WorkspaceInput } from '../../src/workspace/schema.ts';

type IndicatorInput = NonNullable<WorkspaceInput['indicators']>[number];
type Field = IndicatorInput['field'];
type Options = Partial<Omit<IndicatorInput, 'code' | 'name' | 'measureUnit' | 'field'>>;

const base = (code: string, name: string, measureUnit: string, field: Field, o: Options): IndicatorInput => ({
  code,
  name,
  measureUnit,
  field,
  aliases: [],
  direction: 'higher',
  valueType: 'number',
  unitAggregation: 'sum',
  ratio: null,
  precision: 0,
  disaggregation: null,
  tree: 'state',
  priceBasis: null,
  description: null,
  timeAggregation: 'sum',
  ...o,
});
const flow = (code: string, name: string, mu: string, field: Field, o: Options = {}) => base(code, name, mu, field, { timeAggregation: 'sum', ...o });
const stock = (code: string, name: string, mu: string, field: Field, o: Options = {}) => base(code, name, mu, field, { timeAggregation: 'last', ...o });
const district = (code: string, name: string, mu: string, field: Field, o: Options = {}) =>
  base(code, name, mu, field, { timeAggregation: 'last', unitAggregation: 'none', ...o });
const rate = (code: string, name: string, numerator: string, denominator: string, field: Field, o: Options = {}) =>
  base(code, name, '%', field, {
    timeAggregation: 'last',
    unitAggregation: 'ratio',
    valueType: 'percent',
    precision: 2,
    ratio: { numerator, denominator, scale: 100 },
    ...o,
  });
const pct = { valueType: 'percent', precision: 1 } as const;
const int = { valueType: 'integer' } as const;
const party = { tree: 'party' } as const;

const KT = 'kinh_te';
const VH = 'van_hoa_xa_hoi';
const QP = 'quoc_phong_an_ninh';
const XD = 'xay_dung_dang';

const TINH_TRANG_KIEM_TRA = {
  label: 'Tình trạng kiểm tra',
  options: [
    { code: 'da_ket_luan', label: 'Đã hoàn thành kiểm tra' },
    { code: 'dang_kiem_tra', label: 'Đang trong thời gian kiểm tra' },
  ],
};

export const INDICATORS: IndicatorInput[] = [
  // ---- Kinh tế
  flow('trong_rung', 'Diện tích trồng rừng mới', 'ha', KT, { precision: 2, aliases: ['trồng rừng', 'trồng rừng mới', 'công tác trồng rừng'] }),
  district('che_phu_rung', 'Tỷ lệ che phủ rừng', '%', KT, { ...pct, precision: 2, aliases: ['độ che phủ rừng', 'tỷ lệ độ che phủ rừng'] }),
  flow('thuoc_la', 'Diện tích trồng cây thuốc lá', 'ha', KT, { precision: 1, aliases: ['cây thuốc lá'] }),
  flow('lua_knl', 'Diện tích lúa nếp Khẩu Nua Lếch', 'ha', KT, { precision: 1, aliases: ['lúa Khẩu Nua Lếch', 'lúa nếp thơm Khẩu nua Lếch'] }),
  stock('cay_an_qua', 'Diện tích cây ăn quả hiện có', 'ha', KT, { precision: 1, aliases: ['cây ăn quả'] }),
  stock('hong_khong_hat', 'Diện tích hồng không hạt', 'ha', KT, { precision: 1 }),
  stock('cay_de', 'Diện tích cây dẻ', 'ha', KT, { precision: 1, aliases: ['hạt dẻ'] }),
  flow('trong_moi_cay_an_qua', 'Diện tích trồng mới cây ăn quả', 'ha', KT, { precision: 1, aliases: ['trồng cây ăn quả'] }),
  flow('gieo_trong', 'Tổng diện tích gieo trồng cây hằng năm', 'ha', KT, { aliases: ['tổng diện tích gieo trồng'] }),
  flow('gieo_trong_vu_xuan', 'Diện tích gieo trồng vụ xuân', 'ha', KT, { precision: 1, aliases: ['tổng diện tích gieo trồng các cây trồng vụ xuân'] }),
  flow('san_luong_luong_thuc', 'Tổng sản lượng lương thực có hạt', 'tấn', KT, { aliases: ['tổng sản lượng lương thực'] }),
  base('luong_thuc_binh_quan', 'Bình quân lương thực có hạt đầu người', 'kg/người/năm', KT, {
    timeAggregation: 'last',
    unitAggregation: 'ratio',
    ratio: { numerator: 'san_luong_luong_thuc', denominator: 'dan_so', scale: 1000 },
    aliases: ['bình quân lương thực'],
    description: 'Sản lượng lương thực có hạt (tấn) × 1.000 / dân số trung bình.',
  }),
  district('gia_tri_ha', 'Giá trị sản phẩm thu được trên 1 ha đất ruộng, soi bãi', 'triệu đồng/ha/năm', KT, {
    timeAggregation: 'average',
    precision: 1,
    aliases: ['diện tích đất ruộng, soi bãi'],
  }),
  stock('dai_gia_suc', 'Tổng đàn đại gia súc (trâu, bò, ngựa)', 'con', KT, { ...int, aliases: ['tổng đàn đại gia súc'] }),
  stock('gia_suc_tbn', 'Tổng đàn gia súc (trâu, bò, ngựa), số liệu năm 2025', 'con', KT, {
    ...int,
    aliases: ['tổng đàn gia súc (trâu, bò, ngựa)'],
    description:
      'Chuỗi riêng cho số liệu năm 2025: bài quý I/2025 ghi «hơn 8.000 con», không cùng quy mô với tổng đàn đại gia súc 12.327 con năm 2023 nên không ghép vào một chuỗi.',
  }),
  stock('trang_trai', 'Số trang trại chăn nuôi', 'trang trại', KT, {
    ...int,
    disaggregation: {
      label: 'Loại trang trại',
      options: [
        { code: 'trau_bo', label: 'Chăn nuôi trâu, bò quy mô nhỏ' },
        { code: 'lon', label: 'Chăn nuôi lợn' },
      ],
    },
  }),
  flow('htx_moi', 'Số hợp tác xã thành lập mới', 'hợp tác xã', KT, { ...int, aliases: ['thành lập mới hợp tác xã', 'thành lập mới HTX'] }),
  stock('htx_tong', 'Tổng số hợp tác xã', 'hợp tác xã', KT, int),
  stock('ocop', 'Số sản phẩm được công nhận đạt chuẩn OCOP', 'sản phẩm', KT, { ...int, aliases: ['sản phẩm OCOP'] }),
  base('chuoi_lien_ket', 'Số chuỗi sản xuất liên kết gắn với tiêu thụ sản phẩm nông nghiệp phát triển mới', 'chuỗi', KT, {
    ...int,
    unitAggregation: 'none',
  }),
  flow('thu_ngan_sach', 'Tổng thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', KT, { precision: 3, aliases: ['thu ngân sách', 'tổng thu ngân sách'] }),
  base('chi_ngan_sach', 'Tổng chi ngân sách địa phương', 'tỷ đồng', KT, { precision: 1, direction: 'none', unitAggregation: 'none', aliases: ['chi ngân sách'] }),
  district('thu_nhap_binh_quan', 'Thu nhập bình quân đầu người', 'triệu đồng/người/năm', KT, { precision: 1 }),
  district('ty_le_giai_ngan', 'Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch', '%', KT, { ...pct, aliases: ['tỷ lệ giải ngân xây dựng cơ bản'] }),
  flow('duong_gtnt', 'Đường giao thông nông thôn được cứng hóa', 'km', KT, { precision: 1 }),
  stock('xa_dat_ntm', 'Số xã đạt chuẩn nông thôn mới', 'xã', KT, int),
  district('tieu_chi_ntm', 'Số tiêu chí nông thôn mới đạt được', 'tiêu chí', KT, int),

  // ---- Văn hóa – xã hội
  stock('dan_so', 'Dân số trung bình', 'người', VH, int),
  stock('tong_so_ho', 'Tổng số hộ dân cư', 'hộ', VH, int),
  stock('ho_ngheo', 'Số hộ nghèo (chuẩn nghèo đa chiều)', 'hộ', VH, { ...int, direction: 'lower' }),
  rate('ty_le_ho_ngheo', 'Tỷ lệ hộ nghèo', 'ho_ngheo', 'tong_so_ho', VH, { direction: 'lower', aliases: ['tỷ lệ giảm nghèo'] }),
  stock('nguoi_tham_gia_bhyt', 'Số người tham gia bảo hiểm y tế', 'người', VH, int),
  rate('ty_le_bhyt', 'Tỷ lệ người dân tham gia bảo hiểm y tế', 'nguoi_tham_gia_bhyt', 'dan_so', VH, { aliases: ['tỷ lệ bao phủ BHYT'] }),
  stock('ho_gia_dinh_van_hoa', 'Số hộ đạt danh hiệu «Gia đình văn hóa»', 'hộ', VH, int),
  rate('ty_le_gia_dinh_van_hoa', 'Tỷ lệ hộ đạt danh hiệu «Gia đình văn hóa»', 'ho_gia_dinh_van_hoa', 'tong_so_ho', VH),
  stock('so_thon', 'Số thôn, tổ dân phố', 'thôn, tổ', VH, int),
  stock('khu_dan_cu_van_hoa', 'Số khu dân cư (thôn, tổ dân phố) văn hóa', 'thôn, tổ', VH, int),
  rate('ty_le_khu_dan_cu_van_hoa', 'Tỷ lệ khu dân cư văn hóa', 'khu_dan_cu_van_hoa', 'so_thon', VH),
  district('tong_co_quan', 'Số cơ quan, đơn vị trên địa bàn huyện', 'cơ quan, đơn vị', VH, int),
  district('co_quan_van_hoa', 'Số cơ quan, đơn vị đạt chuẩn văn hóa', 'cơ quan, đơn vị', VH, int),
  rate('ty_le_co_quan_van_hoa', 'Tỷ lệ cơ quan, đơn vị đạt chuẩn văn hóa', 'co_quan_van_hoa', 'tong_co_quan', VH),
  flow('truong_dat_chuan', 'Số trường được công nhận đạt chuẩn quốc gia', 'trường', VH, { ...int, aliases: ['trường đạt chuẩn quốc gia'] }),
  flow('lao_dong_viec_lam', 'Số lao động được giải quyết việc làm mới', 'lao động', VH, int),
  stock('ho_dung_dien', 'Số hộ sử dụng điện lưới quốc gia', 'hộ', VH, int),
  rate('ty_le_ho_dung_dien', 'Tỷ lệ hộ sử dụng điện lưới quốc gia', 'ho_dung_dien', 'tong_so_ho', VH),
  stock('ho_dung_nuoc', 'Số hộ sử dụng nước sinh hoạt hợp vệ sinh', 'hộ', VH, int),
  rate('ty_le_ho_dung_nuoc', 'Tỷ lệ hộ sử dụng nước sinh hoạt hợp vệ sinh', 'ho_dung_nuoc', 'tong_so_ho', VH),
  district('ty_le_lao_dong_dao_tao', 'Tỷ lệ lao động qua đào tạo', '%', VH, pct),
  district('ty_le_suy_dinh_duong', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân', '%', VH, { ...pct, direction: 'lower' }),
  district('ty_le_thu_gom_rac', 'Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý', '%', VH, pct),
  district('ty_le_tiem_chung', 'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ', '%', VH, pct),
  stock('xa_chuan_y_te', 'Số xã, thị trấn đạt Bộ tiêu chí quốc gia về y tế', 'xã, thị trấn', VH, int),
  flow('nha_khoi_cong', 'Số nhà tạm, nhà dột nát được khởi công xây dựng', 'nhà', VH, {
    ...int,
    aliases: ['xóa nhà tạm, nhà dột nát'],
    disaggregation: {
      label: 'Hình thức hỗ trợ',
      options: [
        { code: 'xay_moi', label: 'Xây mới' },
        { code: 'sua_chua', label: 'Sửa chữa' },
      ],
    },
  }),
  flow('nha_hoan_thanh', 'Số nhà tạm, nhà dột nát hoàn thành xây dựng, sửa chữa', 'nhà', VH, int),

  // ---- Quốc phòng – an ninh
  flow('giao_quan_chi_tieu', 'Chỉ tiêu giao quân được giao', 'công dân', QP, int),
  flow('giao_quan_thuc_hien', 'Số công dân nhập ngũ', 'công dân', QP, int),
  rate('ty_le_giao_quan', 'Tỷ lệ hoàn thành chỉ tiêu giao quân', 'giao_quan_thuc_hien', 'giao_quan_chi_tieu', QP, { precision: 1 }),
  district('xa_vung_manh_qpan', '100% xã, thị trấn vững mạnh về quốc phòng – an ninh', 'đạt/không', QP, { valueType: 'boolean' }),
  district('dien_tap_kvpt', 'Hoàn thành diễn tập khu vực phòng thủ cấp huyện', 'đạt/không', QP, { valueType: 'boolean' }),
  district('ty_le_thon_an_toan', 'Tỷ lệ thôn, tổ dân phố đạt tiêu chuẩn «An toàn về an ninh, trật tự»', '%', QP, pct),
  district('ty_le_pha_an', 'Tỷ lệ điều tra, khám phá án hình sự', '%', QP, pct),

  // ---- Xây dựng Đảng và hệ thống chính trị (party tree unless noted)
  flow('ket_nap', 'Kết nạp đảng viên mới', 'đảng viên', XD, { ...int, ...party, aliases: ['kết nạp đảng viên', 'phát triển đảng viên'] }),
  stock('dang_vien', 'Tổng số đảng viên', 'đảng viên', XD, { ...int, ...party }),
  stock('dang_vien_dtts', 'Số đảng viên người dân tộc thiểu số', 'đảng viên', XD, { ...int, ...party }),
  rate('ty_le_dang_vien_dtts', 'Tỷ lệ đảng viên người dân tộc thiểu số', 'dang_vien_dtts', 'dang_vien', XD, { ...party, direction: 'none' }),
  stock('tccs_danh_gia', 'Số tổ chức đảng được đánh giá, xếp loại chất lượng', 'tổ chức đảng', XD, {
    ...int,
    ...party,
    description: 'Minh họa: gồm tổ chức cơ sở đảng và chi bộ trực thuộc; bài viết chỉ công bố tỷ lệ.',
  }),
  stock('tccs_httnv', 'Số tổ chức đảng xếp loại hoàn thành tốt nhiệm vụ trở lên', 'tổ chức đảng', XD, { ...int, ...party }),
  rate('ty_le_tccs_httnv', 'Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên', 'tccs_httnv', 'tccs_danh_gia', XD, party),
  stock('dang_vien_danh_gia', 'Số đảng viên được đánh giá, xếp loại chất lượng', 'đảng viên', XD, { ...int, ...party }),
  stock('dang_vien_httnv', 'Số đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên', 'đảng viên', XD, { ...int, ...party }),
  rate('ty_le_dang_vien_httnv', 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên', 'dang_vien_httnv', 'dang_vien_danh_gia', XD, party),
  flow('kiem_tra_to_chuc', 'Tổ chức đảng được kiểm tra theo Điều 30, Điều 32 Điều lệ Đảng', 'tổ chức đảng', XD, {
    ...int,
    ...party,
    direction: 'none',
    disaggregation: TINH_TRANG_KIEM_TRA,
  }),
  flow('kiem_tra_dang_vien', 'Đảng viên được kiểm tra theo Điều 30, Điều 32 Điều lệ Đảng', 'đảng viên', XD, {
    ...int,
    ...party,
    direction: 'none',
    disaggregation: TINH_TRANG_KIEM_TRA,
  }),
  flow('kiem_tra_dhvp', 'Đảng viên được Ủy ban kiểm tra đảng ủy cơ sở kiểm tra khi có dấu hiệu vi phạm', 'đảng viên', XD, {
    ...int,
    ...party,
    direction: 'none',
  }),
  flow('giam_sat_to_chuc', 'Tổ chức đảng được giám sát', 'tổ chức đảng', XD, { ...int, ...party, direction: 'none' }),
  flow('giam_sat_dang_vien', 'Đảng viên được giám sát', 'đảng viên', XD, { ...int, ...party, direction: 'none' }),
  flow('ky_luat', 'Đảng viên bị thi hành kỷ luật', 'đảng viên', XD, {
    ...int,
    ...party,
    direction: 'none',
    disaggregation: {
      label: 'Hình thức kỷ luật',
      options: [
        { code: 'khien_trach', label: 'Khiển trách' },
        { code: 'canh_cao', label: 'Cảnh cáo' },
        { code: 'cach_chuc', label: 'Cách chức' },
        { code: 'khai_tru', label: 'Khai trừ' },
      ],
    },
  }),
  stock('chi_bo_ghep', 'Số chi bộ sinh hoạt ghép', 'chi bộ', XD, { ...int, ...party, direction: 'lower' }),
  stock('thon_trang', 'Số thôn chưa có đảng viên (thôn «trắng» đảng viên)', 'thôn', XD, { ...int, ...party, direction: 'lower' }),
  district('quy_hoach', 'Lượt cán bộ được phê duyệt quy hoạch', 'lượt', XD, {
    ...int,
    ...party,
    direction: 'none',
    description: 'Quy hoạch nhiệm kỳ 2020 – 2025, 2021 – 2026 (rà soát, bổ sung) và 2025 – 2030, 2026 – 2031.',
    disaggregation: {
      label: 'Cấp quy hoạch',
      options: [
        { code: 'cap_huyen', label: 'Cấp huyện' },
        { code: 'cap_xa', label: 'Cấp xã' },
      ],
    },
  }),
  district('cong_chuc_huyen', 'Công chức cấp huyện hiện có', 'người', XD, { ...int, direction: 'none' }),
  district('bien_che_cong_chuc_huyen', 'Biên chế công chức cấp huyện được giao', 'người', XD, { ...int, direction: 'none' }),
  district('vien_chuc', 'Viên chức hiện có', 'người', XD, { ...int, direction: 'none' }),
  district('bien_che_vien_chuc', 'Số lượng viên chức được giao', 'người', XD, { ...int, direction: 'none' }),
  stock('cbcc_xa', 'Cán bộ, công chức cấp xã hiện có', 'người', XD, { ...int, direction: 'none' }),
  stock('bien_che_cbcc_xa', 'Số lượng cán bộ, công chức cấp xã được giao', 'người', XD, { ...int, direction: 'none' }),
  base('tinh_gian_bien_che', 'Cán bộ, công chức, viên chức thực hiện tinh giản biên chế', 'người', XD, {
    ...int,
    direction: 'none',
    unitAggregation: 'none',
  }),
];
