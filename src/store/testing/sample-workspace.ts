/**
 * Workspace files for tests and benchmarks: one small file exercising every feature of the format,
 * and a generator of large files. Test-only; nothing in the program imports it.
 */
import type { WorkspaceInput } from '../../workspace/schema.ts';

/**
 * Every feature of the format: parents changing over time, a state unit and its party organisation,
 * successions of each kind (merge, split with and without a share, rename), a ratio indicator, a
 * disaggregated one, a boolean one, a term resolution with every basis kind and an annual one, values
 * over every kind of period with options, statuses, sources and revisions. Modelled on Ngân Sơn
 * (data README); figures invented.
 */
export function sampleWorkspace(): WorkspaceInput {
  const end = '2025-06-30';
  const start = '2025-07-01';
  return {
    format: 'chitieu-workspace',
    version: 1,
    units: [
      { id: 'tinh-bk', code: '06', name: 'Bắc Kạn', kind: 'tinh', validTo: end },
      { id: 'tinh-tn', code: '19', name: 'Thái Nguyên', kind: 'tinh', validTo: end },
      { id: 'tinh-tn-2025', code: '19', name: 'Thái Nguyên', kind: 'tinh', validFrom: start, note: 'Sáp nhập Bắc Kạn và Thái Nguyên' },
      { id: 'huyen-ns', code: '066', name: 'Ngân Sơn', kind: 'huyen', validTo: end, parents: [{ parentId: 'tinh-bk' }], counterpartId: 'dbh-ns' },
      { id: 'dbh-ns', name: 'Ngân Sơn', kind: 'dang_bo_huyen', validTo: end, counterpartId: 'huyen-ns' },
      { id: 'xa-van-tung', code: '01954', name: 'Vân Tùng', kind: 'thi_tran', validTo: end, parents: [{ parentId: 'huyen-ns', to: end }] },
      { id: 'xa-coc-dan', code: '01945', name: 'Cốc Đán', kind: 'xa', validTo: end, parents: [{ parentId: 'huyen-ns', to: end }] },
      { id: 'xa-duc-van', code: '01951', name: 'Đức Vân', kind: 'xa', validTo: end, parents: [{ parentId: 'huyen-ns', to: end }] },
      { id: 'xa-thuong-an', code: '01939', name: 'Thượng Ân', kind: 'xa', validTo: end, parents: [{ parentId: 'huyen-ns', to: end }] },
      { id: 'xa-trung-hoa', code: '01948', name: 'Trung Hoà', kind: 'xa', validTo: end, parents: [{ parentId: 'huyen-ns', to: end }] },
      {
        id: 'xa-thuong-quan',
        code: '01957',
        name: 'Thượng Quan',
        kind: 'xa',
        // The same commune, first under the district, then straight under the new province.
        parents: [
          { parentId: 'huyen-ns', from: null, to: end },
          { parentId: 'tinh-tn-2025', from: start, to: null },
        ],
        counterpartId: 'dbx-thuong-quan',
      },
      { id: 'dbx-thuong-quan', name: 'Thượng Quan', kind: 'dang_bo_xa', counterpartId: 'xa-thuong-quan' },
      { id: 'xa-ngan-son', code: '01954', name: 'Ngân Sơn', kind: 'xa', validFrom: start, parents: [{ parentId: 'tinh-tn-2025', from: start }] },
      { id: 'xa-bang-van', code: '01942', name: 'Bằng Vân', kind: 'xa', validFrom: start, parents: [{ parentId: 'tinh-tn-2025', from: start }] },
      { id: 'xa-na-phac', code: '01936', name: 'Nà Phặc', kind: 'xa', validFrom: start, parents: [{ parentId: 'tinh-tn-2025', from: start }] },
      { id: 'xa-cu-a', code: '09999', name: 'Đồng "Cũ"; {A}, \\B/', kind: 'xa', validTo: '2019-12-31', note: 'Tên có ký tự đặc biệt, để thử cách ghi' },
      { id: 'xa-moi-a', code: '09999', name: 'Đồng Mới', kind: 'xa', validFrom: '2020-01-01' },
    ],
    successions: [
      { from: 'xa-van-tung', to: 'xa-ngan-son', kind: 'merge', effectiveDate: start, legalBasis: 'Nghị quyết 1683/NQ-UBTVQH15' },
      { from: 'xa-coc-dan', to: 'xa-ngan-son', kind: 'merge', effectiveDate: start, legalBasis: 'Nghị quyết 1683/NQ-UBTVQH15' },
      { from: 'xa-duc-van', to: 'xa-ngan-son', kind: 'merge', effectiveDate: start, legalBasis: 'Nghị quyết 1683/NQ-UBTVQH15' },
      { from: 'xa-thuong-an', to: 'xa-bang-van', kind: 'split', share: 0.6, effectiveDate: start, legalBasis: null },
      { from: 'xa-thuong-an', to: 'xa-na-phac', kind: 'split', share: 0.4, effectiveDate: start },
      { from: 'xa-trung-hoa', to: 'xa-na-phac', kind: 'split', share: null, effectiveDate: start },
      { from: 'xa-trung-hoa', to: 'xa-bang-van', kind: 'split', effectiveDate: start },
      { from: 'xa-cu-a', to: 'xa-moi-a', kind: 'rename', effectiveDate: '2020-01-01', legalBasis: 'Nghị quyết 862/NQ-UBTVQH14' },
      { from: 'tinh-bk', to: 'tinh-tn-2025', kind: 'merge', effectiveDate: start },
      { from: 'tinh-tn', to: 'tinh-tn-2025', kind: 'merge', effectiveDate: start },
    ],
    indicators: [
      { code: 'trong_rung', name: 'Diện tích trồng rừng mới', aliases: ['trồng rừng', 'rừng trồng mới'], measureUnit: 'ha', field: 'kinh_te', timeAggregation: 'sum', unitAggregation: 'sum', precision: 1 },
      { code: 'ho_ngheo', name: 'Số hộ nghèo', measureUnit: 'hộ', field: 'van_hoa_xa_hoi', direction: 'lower', valueType: 'integer', timeAggregation: 'last', unitAggregation: 'sum' },
      { code: 'tong_ho', name: 'Tổng số hộ', measureUnit: 'hộ', field: 'van_hoa_xa_hoi', direction: 'none', valueType: 'integer', timeAggregation: 'last', unitAggregation: 'sum' },
      {
        code: 'ty_le_ho_ngheo',
        name: 'Tỷ lệ hộ nghèo',
        measureUnit: '%',
        field: 'van_hoa_xa_hoi',
        direction: 'lower',
        valueType: 'percent',
        timeAggregation: 'last',
        unitAggregation: 'ratio',
        ratio: { numerator: 'ho_ngheo', denominator: 'tong_ho', scale: 100 },
        precision: 2,
        description: 'Theo chuẩn nghèo đa chiều giai đoạn 2022–2025',
      },
      {
        code: 'ky_luat',
        name: 'Số đảng viên bị kỷ luật',
        measureUnit: 'đảng viên',
        field: 'xay_dung_dang',
        direction: 'lower',
        valueType: 'integer',
        timeAggregation: 'sum',
        unitAggregation: 'sum',
        tree: 'party',
        disaggregation: {
          label: 'Hình thức kỷ luật',
          options: [
            { code: 'khien_trach', label: 'Khiển trách' },
            { code: 'canh_cao', label: 'Cảnh cáo' },
            { code: 'cach_chuc', label: 'Cách chức' },
            { code: 'khai_tru', label: 'Khai trừ' },
          ],
        },
      },
      { code: 'dang_vien', name: 'Số đảng viên', measureUnit: 'đảng viên', field: 'xay_dung_dang', valueType: 'integer', timeAggregation: 'last', unitAggregation: 'sum', tree: 'party' },
      { code: 'ket_nap', name: 'Kết nạp đảng viên mới', measureUnit: 'đảng viên', field: 'xay_dung_dang', valueType: 'integer', timeAggregation: 'sum', unitAggregation: 'sum', tree: 'party' },
      { code: 'gtsx', name: 'Giá trị sản xuất', aliases: ['GTSX'], measureUnit: 'tỷ đồng', field: 'kinh_te', timeAggregation: 'sum', unitAggregation: 'sum', precision: 2, priceBasis: 'giá so sánh 2010' },
      { code: 'ntm', name: 'Đạt chuẩn nông thôn mới', measureUnit: '', field: 'kinh_te', valueType: 'boolean', timeAggregation: 'last', unitAggregation: 'none' },
      { code: 'thu_nhap', name: 'Thu nhập bình quân đầu người', measureUnit: 'triệu đồng', field: 'kinh_te', timeAggregation: 'average', unitAggregation: 'none', precision: 1 },
    ],
    resolutions: [
      {
        id: 'nq-dh-ns-2020',
        number: '01-NQ/ĐH',
        title: 'Nghị quyết Đại hội đại biểu Đảng bộ huyện Ngân Sơn lần thứ XXII, nhiệm kỳ 2020 – 2025',
        issuerId: 'dbh-ns',
        issuedOn: '2020-08-20',
        scope: { kind: 'term', startYear: 2020, endYear: 2025 },
        settings: { tolerance: 'exact', exceed: 105, basicallyMetPercent: 90, recurringTermRule: 'average' },
        targets: [
          { id: 't1', code: 'KT01', indicator: 'gtsx', wording: 'Tốc độ tăng giá trị sản xuất bình quân hằng năm 8%', basis: { kind: 'average', method: 'cagr' }, rule: { op: 'min', value: 8 } },
          {
            id: 't2',
            code: 'KT02',
            indicator: 'trong_rung',
            wording: 'Trồng rừng mới 2.500 ha trong nhiệm kỳ',
            basis: { kind: 'cumulative' },
            rule: { op: 'min', value: 2500 },
            yearPlans: { '2021': 450, '2022': 500, '2023': 500, '2024': 520, '2025': 530 },
            precision: 0,
          },
          { id: 't3', code: 'KT03', indicator: 'thu_nhap', wording: 'Thu nhập bình quân đầu người đến năm 2025 đạt 45 triệu đồng', basis: { kind: 'end_of_term' }, rule: { op: 'min', value: 45 } },
          { id: 't4', code: 'XH01', indicator: 'ty_le_ho_ngheo', wording: 'Tỷ lệ hộ nghèo giảm bình quân 3,5–4%/năm', basis: { kind: 'average', method: 'pp_per_year' }, rule: { op: 'range', low: 3.5, high: 4 } },
          { id: 't5', code: 'XH02', indicator: 'thu_nhap', wording: 'Thu nhập bình quân giai đoạn đạt 40 triệu đồng', basis: { kind: 'average', method: 'mean' }, rule: { op: 'min', value: 40 }, field: 'van_hoa_xa_hoi' },
          { id: 't6', code: 'XD01', indicator: 'ket_nap', wording: 'Mỗi năm kết nạp từ 80 đảng viên trở lên', recurrence: 'each_year', rule: { op: 'min', value: 80 }, note: 'Chỉ tiêu lặp lại' },
          { id: 't7', code: 'XD02', indicator: 'ket_nap', wording: 'Kết nạp đảng viên mới bằng 3% tổng số đảng viên', basis: { kind: 'ratio_to_base', baseIndicator: 'dang_vien' }, rule: { op: 'min', value: 3 } },
          { id: 't8', code: 'KT04', indicator: 'ntm', wording: 'Huyện đạt chuẩn nông thôn mới', rule: { op: 'status' } },
          { id: 't9', code: 'KT05', indicator: 'trong_rung', wording: 'Duy trì diện tích rừng trồng', basis: { kind: 'maintain' }, rule: { op: 'status' } },
          { id: 't10', code: 'XD03', indicator: 'ky_luat', wording: 'Số đảng viên bị kỷ luật dưới 5 người mỗi năm', recurrence: 'each_year', rule: { op: 'max', value: 5, strict: true } },
          { id: 't11', code: 'KT06', indicator: 'gtsx', wording: 'Giá trị sản xuất tăng 10–12%/năm', basis: { kind: 'change', unit: 'pct', sense: 'increase' }, rule: { op: 'range', low: 10, high: 12 }, recurrence: 'each_year' },
        ],
      },
      {
        id: 'nq-ns-2024',
        number: '15-NQ/HU',
        title: 'Nghị quyết về nhiệm vụ phát triển kinh tế – xã hội năm 2024',
        issuerId: 'dbh-ns',
        issuedOn: null,
        scope: { kind: 'year', year: 2024 },
        targets: [
          { id: 'a1', code: '1', indicator: 'trong_rung', wording: 'Trồng rừng mới 520 ha', rule: { op: 'min', value: 520 } },
          { id: 'a2', code: '2', indicator: 'ty_le_ho_ngheo', wording: 'Giảm tỷ lệ hộ nghèo 3,5%', basis: { kind: 'change', unit: 'pp', sense: 'decrease' }, rule: { op: 'min', value: 3.5 } },
          { id: 'a3', code: '3', indicator: 'gtsx', wording: 'Giá trị sản xuất tăng 12%', basis: { kind: 'change', unit: 'pct', sense: 'increase' }, rule: { op: 'min', value: 12 } },
          { id: 'a4', code: '4', indicator: 'ket_nap', wording: 'Kết nạp đảng viên bằng 3% số đảng viên', basis: { kind: 'ratio_to_base', baseIndicator: 'dang_vien' }, rule: { op: 'min', value: 3 } },
          { id: 'a5', code: '5', indicator: 'ty_le_ho_ngheo', wording: 'Tỷ lệ hộ nghèo dưới 20%', rule: { op: 'max', value: 20, strict: true } },
        ],
      },
    ],
    values: [
      { indicator: 'trong_rung', unit: 'huyen-ns', period: '2024', value: 540.5, source: { document: 'Báo cáo 120-BC/HU', place: 'tr. 3, dòng 12', person: null, note: null } },
      { indicator: 'trong_rung', unit: 'huyen-ns', period: 'quý I/2025', value: 120, status: 'uoc' },
      { indicator: 'trong_rung', unit: 'huyen-ns', period: '2025-M04', value: 40.25, status: 'so_bo' },
      { indicator: 'trong_rung', unit: 'huyen-ns', period: '6 tháng đầu năm 2025', value: 260 },
      { indicator: 'trong_rung', unit: 'huyen-ns', period: '2024-H2', value: 300 },
      { indicator: 'trong_rung', unit: 'huyen-ns', period: '2020-2025', value: 2580 },
      { indicator: 'trong_rung', unit: 'xa-van-tung', period: '2024', value: 100 },
      { indicator: 'trong_rung', unit: 'xa-coc-dan', period: '2024', value: 80 },
      { indicator: 'trong_rung', unit: 'xa-thuong-an', period: '2024', value: 50 },
      { indicator: 'trong_rung', unit: 'xa-ngan-son', period: '2025-Q3', value: 60 },
      { indicator: 'ho_ngheo', unit: 'xa-van-tung', period: '2024', value: 120 },
      { indicator: 'tong_ho', unit: 'xa-van-tung', period: '2024', value: 1500 },
      { indicator: 'ho_ngheo', unit: 'huyen-ns', period: '2023', value: 2100 },
      { indicator: 'tong_ho', unit: 'huyen-ns', period: '2023', value: 7100 },
      {
        indicator: 'ho_ngheo',
        unit: 'huyen-ns',
        period: '2024',
        value: 1850,
        source: { document: 'Quyết định 55/QĐ-UBND', place: 'Phụ lục 2', person: 'Nguyễn Văn A', note: 'Số chính thức sau rà soát' },
        revisions: [
          { at: '2024-12-15T08:00:00Z', by: 'nguyenvana', oldValue: null, newValue: 1900, oldStatus: null, newStatus: 'uoc', reason: 'Nhập số ước' },
          { at: '2025-01-20T02:30:00.123Z', by: 'tranthib', oldValue: 1900, newValue: 1850, oldStatus: 'uoc', newStatus: 'thuc_hien', reason: 'Số liệu rà soát cuối năm' },
        ],
      },
      { indicator: 'tong_ho', unit: 'huyen-ns', period: '2024', value: 7200 },
      { indicator: 'ky_luat', unit: 'dbh-ns', period: '2024', option: 'khien_trach', value: 2 },
      { indicator: 'ky_luat', unit: 'dbh-ns', period: '2024', option: 'canh_cao', value: 1 },
      { indicator: 'ky_luat', unit: 'dbh-ns', period: '2024', option: 'khai_tru', value: 0 },
      { indicator: 'ky_luat', unit: 'dbh-ns', period: '2023', value: 4 },
      { indicator: 'dang_vien', unit: 'dbh-ns', period: '2023', value: 3500 },
      { indicator: 'ket_nap', unit: 'dbh-ns', period: '2024', value: 112 },
      { indicator: 'ket_nap', unit: 'dbx-thuong-quan', period: '2024', value: 9 },
      { indicator: 'gtsx', unit: 'huyen-ns', period: '2023', value: 1234.56 },
      { indicator: 'gtsx', unit: 'huyen-ns', period: '2024', value: 1382.71, status: 'uoc' },
      { indicator: 'ntm', unit: 'huyen-ns', period: '2024', value: 1 },
      { indicator: 'thu_nhap', unit: 'huyen-ns', period: '2024', value: 42.3 },
      { indicator: 'thu_nhap', unit: 'xa-moi-a', period: '2019', value: 28 },
    ],
  };
}

/**
 * A large file: `communes` communes under one district and `values` figures spread over indicators,
 * communes and months (for import timings). Deterministic.
 */
export function largeWorkspace(opts: { communes: number; values: number }): WorkspaceInput {
  const units: WorkspaceInput['units'] = [{ id: 'h', code: '001', name: 'Thử', kind: 'huyen' }];
  for (let i = 0; i < opts.communes; i++) units.push({ id: `x${i}`, code: String(10000 + i), name: `Xã số ${i}`, kind: 'xa', parents: [{ parentId: 'h' }] });
  const indicatorCount = 20;
  const indicators: WorkspaceInput['indicators'] = [];
  for (let i = 0; i < indicatorCount; i++)
    indicators.push({ code: `c${i}`, name: `Chỉ số ${i}`, measureUnit: 'ha', field: 'kinh_te', timeAggregation: 'sum', unitAggregation: 'sum', precision: 1 });
  const values: WorkspaceInput['values'] = [];
  // Months of 2015…, so the keys never repeat: indicator × commune × month.
  const perMonth = indicatorCount * opts.communes;
  for (let n = 0; n < opts.values; n++) {
    const month = Math.floor(n / perMonth);
    const rest = n % perMonth;
    const year = 2015 + Math.floor(month / 12);
    values.push({
      indicator: `c${rest % indicatorCount}`,
      unit: `x${Math.floor(rest / indicatorCount)}`,
      period: `${year}-M${String((month % 12) + 1).padStart(2, '0')}`,
      value: Math.round(((n * 7919) % 100000) / 10) / 10,
      status: n % 10 === 0 ? 'uoc' : 'thuc_hien',
    });
  }
  return { format: 'chitieu-workspace', version: 1, units, indicators, values };
}
