/**
 * A small district for the report's tests, shaped like huyện Ngân Sơn (seeds 000–004): an annual
 * resolution for 2024 and 2025, a term resolution 2020–2025, two communes, party-building figures.
 * Not used by production code.
 */
import { ValueIndex } from '../core/measure.ts';
import { UnitIndex } from '../core/units.ts';
import { annual, ind, target, term, unit, val } from '../core/test-builders.ts';
import type { Model } from '../workspace/model.ts';

export function fixtureModel(): Model {
  const units = [
    unit('BK', 'tinh', null, { name: 'Bắc Kạn', counterpartId: 'DBT' }),
    unit('DBT', 'dang_bo_tinh', null, { name: 'Bắc Kạn', counterpartId: 'BK' }),
    unit('H', 'huyen', 'BK', { name: 'Ngân Sơn', code: '062', counterpartId: 'P' }),
    unit('P', 'dang_bo_huyen', 'DBT', { name: 'Ngân Sơn', counterpartId: 'H' }),
    unit('X1', 'xa', 'H', { name: 'Vân Tùng' }),
    unit('X2', 'xa', 'H', { name: 'Thượng Quan' }),
  ];
  const indicators = [
    ind('TRONG_RUNG', { name: 'Trồng rừng mới', measureUnit: 'ha', precision: 2 }),
    ind('THU_NS', { name: 'Tổng thu ngân sách trên địa bàn', measureUnit: 'tỷ đồng', precision: 1 }),
    ind('THUOC_LA', { name: 'Diện tích cây thuốc lá', measureUnit: 'ha', precision: 0 }),
    ind('HTX_MOI', { name: 'Thành lập mới hợp tác xã', measureUnit: 'HTX', valueType: 'integer', precision: 0 }),
    ind('DAN_GIA_SUC', { name: 'Tổng đàn gia súc', measureUnit: 'con', valueType: 'integer', timeAggregation: 'last', precision: 0 }),
    ind('TL_NGHEO', {
      name: 'Tỷ lệ hộ nghèo',
      measureUnit: '%',
      valueType: 'percent',
      direction: 'lower',
      timeAggregation: 'last',
      unitAggregation: 'none',
      field: 'van_hoa_xa_hoi',
    }),
    ind('TL_BHYT', { name: 'Tỷ lệ người dân tham gia bảo hiểm y tế', measureUnit: '%', valueType: 'percent', timeAggregation: 'last', unitAggregation: 'none', field: 'van_hoa_xa_hoi', precision: 1 }),
    ind('TANG_DS', { name: 'Tỷ lệ tăng dân số tự nhiên', measureUnit: '%', valueType: 'percent', direction: 'lower', timeAggregation: 'last', unitAggregation: 'none', field: 'van_hoa_xa_hoi', precision: 1 }),
    ind('TUYEN_QUAN', { name: 'Giao quân đạt chỉ tiêu trên giao', measureUnit: '', valueType: 'boolean', timeAggregation: 'last', unitAggregation: 'none', field: 'quoc_phong_an_ninh' }),
    ind('KET_NAP', { name: 'Kết nạp đảng viên mới', measureUnit: 'đảng viên', valueType: 'integer', field: 'xay_dung_dang', tree: 'party', precision: 0 }),
    ind('KIEM_TRA_DV', { name: 'Số đảng viên được kiểm tra', measureUnit: 'đảng viên', valueType: 'integer', field: 'xay_dung_dang', tree: 'party', precision: 0 }),
    ind('KY_LUAT', {
      name: 'Số đảng viên bị thi hành kỷ luật',
      measureUnit: 'đảng viên',
      valueType: 'integer',
      field: 'xay_dung_dang',
      tree: 'party',
      precision: 0,
      disaggregation: {
        label: 'Hình thức kỷ luật',
        options: [
          { code: 'khien_trach', label: 'Khiển trách' },
          { code: 'canh_cao', label: 'Cảnh cáo' },
          { code: 'khai_tru', label: 'Khai trừ' },
        ],
      },
    }),
  ];
  const values = [
    val('TRONG_RUNG', 'H', '2021', 540),
    val('TRONG_RUNG', 'H', '2022', 505.5),
    val('TRONG_RUNG', 'H', '2023', 560),
    val('TRONG_RUNG', 'X1', '2024', 300),
    val('TRONG_RUNG', 'X2', '2024', 322.8),
    val('TRONG_RUNG', 'H', '2024', 622.8),
    val('TRONG_RUNG', 'H', '2025-Q1', 32.88),
    val('THU_NS', 'H', '2023', 40.2),
    val('THU_NS', 'H', '2024', 48.1, 'uoc'),
    val('THU_NS', 'H', '2025-Q1', 7.2),
    val('THUOC_LA', 'H', '2023', 690),
    val('THUOC_LA', 'H', '2024', 705),
    val('HTX_MOI', 'H', '2024', 3),
    val('DAN_GIA_SUC', 'H', '2023', 12400),
    val('DAN_GIA_SUC', 'H', '2024', 12327),
    val('TL_NGHEO', 'H', '2023', 22.37),
    val('TL_NGHEO', 'H', '2024', 18.3),
    val('TL_BHYT', 'H', '2024', 99.96),
    val('TANG_DS', 'H', '2024', 0.9),
    val('TUYEN_QUAN', 'H', '2024', 1),
    val('KET_NAP', 'P', '2021', 147),
    val('KET_NAP', 'P', '2022', 124),
    val('KET_NAP', 'P', '2023', 118),
    val('KET_NAP', 'P', '2024', 126),
    val('KIEM_TRA_DV', 'P', '2024', 130),
    val('KY_LUAT', 'P', '2024', 10, 'thuc_hien', 'khien_trach'),
    val('KY_LUAT', 'P', '2024', 2, 'thuc_hien', 'canh_cao'),
    val('KY_LUAT', 'P', '2024', 5, 'thuc_hien', 'khai_tru'),
  ];
  const t24 = [
    target('KT01', 'TRONG_RUNG', { op: 'min', value: 450 }),
    target('KT02', 'THU_NS', { op: 'min', value: 37 }),
    target('KT03', 'THUOC_LA', { op: 'min', value: 550 }),
    target('KT04', 'HTX_MOI', { op: 'min', value: 1 }),
    target('KT05', 'DAN_GIA_SUC', { op: 'min', value: 12500 }),
    target('XH01', 'TL_NGHEO', { op: 'min', value: 3.5 }, { kind: 'change', unit: 'pp', sense: 'decrease' }),
    target('XH02', 'TL_BHYT', { op: 'min', value: 100 }, { kind: 'level' }, { precision: 2 }),
    target('XH03', 'TANG_DS', { op: 'max', value: 1, strict: true }),
    target('QP01', 'TUYEN_QUAN', { op: 'status' }),
    target('XD01', 'KET_NAP', { op: 'min', value: 120 }),
  ].map((t) => ({ ...t, id: `nq-2024-${t.id}`, wording: wordingOf(t.code) }));
  const t25 = [
    target('KT01', 'TRONG_RUNG', { op: 'min', value: 450 }),
    target('KT02', 'THU_NS', { op: 'min', value: 37 }),
    target('XD01', 'KET_NAP', { op: 'min', value: 120 }),
  ].map((t) => ({ ...t, id: `nq-2025-${t.id}`, wording: wordingOf(t.code).replace('2024', '2025') }));
  const tTerm = [
    target('NK01', 'KET_NAP', { op: 'min', value: 120 }, { kind: 'level' }, { recurrence: 'each_year', wording: 'Mỗi năm kết nạp từ 120 đảng viên mới trở lên' }),
    target('NK02', 'TRONG_RUNG', { op: 'min', value: 2000 }, { kind: 'cumulative' }, { wording: 'Trồng mới 2.000 ha rừng giai đoạn 2021 – 2025' }),
  ].map((t) => ({ ...t, id: `nq-term-${t.id}` }));
  const resolutions = [
    { ...annual(2024, t24, {}, 'P'), id: 'nq-2024', number: '15-NQ/HU', title: 'Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, an ninh và xây dựng Đảng năm 2024' },
    { ...annual(2025, t25, {}, 'P'), id: 'nq-2025', number: '21-NQ/HU', title: 'Nghị quyết về nhiệm vụ năm 2025' },
    { ...term(2020, 2025, tTerm, {}, 'P'), id: 'nq-term', number: '01-NQ/ĐH', title: 'Nghị quyết Đại hội Đảng bộ huyện lần thứ XXII, nhiệm kỳ 2020 – 2025' },
  ];
  return {
    units,
    resolutions,
    ctx: { units: new UnitIndex(units), indicators: new Map(indicators.map((i) => [i.code, i])), values: new ValueIndex(values) },
  };
}

function wordingOf(code: string): string {
  const w: Record<string, string> = {
    KT01: 'Trồng mới 450 ha rừng',
    KT02: 'Tổng thu ngân sách trên địa bàn đạt 37 tỷ đồng',
    KT03: 'Diện tích cây thuốc lá 550 ha',
    KT04: 'Thành lập mới 01 hợp tác xã',
    KT05: 'Tổng đàn gia súc đạt 12.500 con',
    XH01: 'Giảm tỷ lệ hộ nghèo 3,5% trở lên trong năm 2024',
    XH02: 'Tỷ lệ người dân tham gia bảo hiểm y tế đạt 100%',
    XH03: 'Tỷ lệ tăng dân số tự nhiên dưới 1%',
    QP01: 'Hoàn thành 100% chỉ tiêu giao quân',
    XD01: 'Kết nạp 120 đảng viên mới',
  };
  return w[code] ?? code;
}
