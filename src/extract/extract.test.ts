import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractFacts } from './extract.ts';
import type { Fact } from './types.ts';

/** An expected fact: where it is (a piece of the text), and the fields to compare. */
type Expected = { at: string } & Partial<
  Pick<Fact, 'value' | 'kind' | 'unit' | 'qualifier' | 'numerator' | 'denominator' | 'direction' | 'valueMax' | 'basis' | 'evaluation' | 'role'>
>;

/**
 * Checks that the facts of `text` are exactly `expected`, in order: each expected fact overlaps
 * its `at` piece (searched after the previous one) and has the given fields; nothing else is found.
 */
function assertFacts(text: string, expected: readonly Expected[]): void {
  const facts = extractFacts(text);
  let from = 0;
  const lines = facts.map((f) => `${f.start} «${f.text}» ${f.kind} ${f.value} ${f.unit}`);
  expected.forEach((e, i) => {
    const at = text.indexOf(e.at, from);
    assert.ok(at >= 0, `«${e.at}» not in text`);
    from = at;
    const f = facts[i];
    assert.ok(f, `missing fact #${i} at «${e.at}»; found:\n${lines.join('\n')}`);
    assert.ok(f.start < at + e.at.length && at < f.end, `fact #${i} «${f.text}» does not overlap «${e.at}»\n${lines.join('\n')}`);
    for (const [k, v] of Object.entries(e)) {
      if (k === 'at') continue;
      assert.deepEqual(f[k as keyof Fact], v, `fact #${i} «${f.text}»: ${k}`);
    }
  });
  assert.equal(facts.length, expected.length, `unexpected facts:\n${lines.slice(expected.length).join('\n')}`);
}

/**
 * Paragraphs written for these tests in the style of district, commune and provincial reports
 * (sơ kết 6 tháng, tổng kết năm, tổng kết nhiệm kỳ), with the facts a reader would list.
 */
const PARAGRAPHS: { name: string; text: string; facts: Expected[] }[] = [
  {
    name: 'sơ kết 6 tháng của huyện: kế hoạch, cùng kỳ, dự toán, số lớn có dấu chấm và phẩy',
    text:
      'Trong 6 tháng đầu năm 2025, tình hình kinh tế - xã hội của huyện Đại Từ tiếp tục ổn định. Tổng diện tích lúa xuân đạt 4.250,5 ha, bằng 101,2% kế hoạch; năng suất bình quân ước đạt 58,3 tạ/ha, tăng 2,1% so với cùng kỳ. Tổng đàn gia cầm có khoảng 1.516.000 con; đàn trâu 9.870 con, giảm 3,5% so với cùng kỳ. Thu ngân sách trên địa bàn đạt 182,6 tỷ đồng, bằng 54,3% dự toán tỉnh giao và bằng 118% cùng kỳ. Giá trị sản xuất công nghiệp ước đạt 10.482,24 tỷ đồng. Đã giải quyết việc làm mới cho 1.350 lao động, đạt 67,5% kế hoạch năm.',
    facts: [
      { at: '4.250,5 ha', value: 4250.5, kind: 'actual', unit: 'ha' },
      { at: '101,2% kế hoạch', value: 101.2, kind: 'percent_of_plan', unit: '%', basis: 'kế hoạch' },
      { at: '58,3 tạ/ha', value: 58.3, kind: 'actual', unit: 'tạ/ha', qualifier: 'ước' },
      { at: '2,1% so với cùng kỳ', value: 2.1, kind: 'change', direction: 'tăng', basis: 'cùng kỳ' },
      { at: 'khoảng 1.516.000 con', value: 1516000, kind: 'actual', unit: 'con', qualifier: 'khoảng' },
      { at: '9.870 con', value: 9870, kind: 'actual', unit: 'con' },
      { at: '3,5% so với', value: 3.5, kind: 'change', direction: 'giảm' },
      { at: '182,6 tỷ đồng', value: 182.6, kind: 'actual', unit: 'tỷ đồng' },
      { at: '54,3% dự toán', value: 54.3, kind: 'percent_of_plan', basis: 'dự toán tỉnh giao' },
      { at: '118% cùng kỳ', value: 118, kind: 'percent_of_same_period' },
      { at: '10.482,24 tỷ đồng', value: 10482.24, kind: 'actual', qualifier: 'ước' },
      { at: '1.350 lao động', value: 1350, kind: 'actual', unit: 'lao động' },
      { at: '67,5% kế hoạch năm', value: 67.5, kind: 'percent_of_plan' },
    ],
  },
  {
    name: 'tổng kết năm của Đảng bộ xã: kết nạp, tỷ số có tỷ lệ, số văn bản và ngày tháng bỏ qua',
    text:
      'Năm 2024, Đảng bộ xã Phúc Xuân kết nạp được 12 đảng viên mới, đạt 120% chỉ tiêu huyện giao; nâng tổng số đảng viên toàn Đảng bộ lên 486 đảng viên, sinh hoạt tại 15 chi bộ. Kết quả đánh giá, xếp loại năm 2024: có 13/15 chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên, đạt 86,67%; 452/486 đảng viên hoàn thành tốt nhiệm vụ trở lên, đạt 93,0%. Thực hiện Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị, Ủy ban kiểm tra Đảng ủy đã kiểm tra 04 tổ chức đảng và 09 đảng viên; thi hành kỷ luật 02 đảng viên bằng hình thức khiển trách.',
    facts: [
      { at: '12 đảng viên', value: 12, kind: 'actual', unit: 'đảng viên' },
      { at: '120% chỉ tiêu', value: 120, kind: 'percent_of_plan' },
      { at: '486 đảng viên', value: 486, kind: 'actual', role: 'cumulative' },
      { at: '15 chi bộ', value: 15, kind: 'actual', unit: 'chi bộ' },
      { at: '13/15 chi bộ', value: 13, kind: 'ratio', numerator: 13, denominator: 15, unit: 'chi bộ' },
      { at: '86,67%', value: 86.67, kind: 'actual', unit: '%' },
      { at: '452/486', value: 452, kind: 'ratio', numerator: 452, denominator: 486 },
      { at: '93,0%', value: 93, kind: 'actual' },
      { at: '04 tổ chức đảng', value: 4, kind: 'actual', unit: 'tổ chức đảng' },
      { at: '09 đảng viên', value: 9, kind: 'actual' },
      { at: '02 đảng viên', value: 2, kind: 'actual' },
    ],
  },
  {
    name: 'báo cáo của tỉnh: tăng trưởng, khoảng chỉ tiêu, từ … xuống còn, MWh',
    text:
      'Năm 2023, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh ước đạt 7,8%, thấp hơn chỉ tiêu Nghị quyết đề ra (8 - 8,5%). Thu nhập bình quân đầu người đạt 62,4 triệu đồng/người/năm, tăng 5,1 triệu đồng so với năm 2022. Tỷ lệ hộ nghèo giảm từ 8,12% xuống còn 6,05%, giảm 2,07%, vượt kế hoạch đề ra. Toàn tỉnh có 98/121 xã đạt chuẩn nông thôn mới, đạt 80,99%; trong đó có 25 xã đạt chuẩn nông thôn mới nâng cao và 6 xã đạt chuẩn nông thôn mới kiểu mẫu. Sản lượng điện thương phẩm đạt 2.150 MWh, đạt 102,4% kế hoạch.',
    facts: [
      { at: '7,8%', value: 7.8, kind: 'actual', qualifier: 'ước' },
      { at: '8 - 8,5%', value: 8, valueMax: 8.5, kind: 'plan', unit: '%' },
      { at: '62,4 triệu', value: 62.4, kind: 'actual', unit: 'triệu đồng/người/năm' },
      { at: '5,1 triệu đồng', value: 5.1, kind: 'change', direction: 'tăng', unit: 'triệu đồng', basis: 'năm 2022' },
      { at: '8,12%', value: 8.12, kind: 'actual', role: 'from' },
      { at: '6,05%', value: 6.05, kind: 'actual', role: 'to' },
      { at: '2,07%', value: 2.07, kind: 'change', direction: 'giảm' },
      { at: '98/121 xã', value: 98, kind: 'ratio', denominator: 121, unit: 'xã' },
      { at: '80,99%', value: 80.99, kind: 'actual' },
      { at: '25 xã', value: 25, kind: 'actual', role: null },
      { at: '6 xã', value: 6, kind: 'actual', role: null },
      { at: '2.150 MWh', value: 2150, kind: 'actual', unit: 'MWh' },
      { at: '102,4% kế hoạch', value: 102.4, kind: 'percent_of_plan' },
    ],
  },
  {
    name: 'tổng kết nhiệm kỳ của xã: số chỉ tiêu đạt, vượt, chưa đạt; danh sách không có số',
    text:
      'Kết thúc nhiệm kỳ 2020 - 2025, xã Tân Thành đã hoàn thành 17/19 chỉ tiêu Nghị quyết Đại hội đề ra, trong đó 6 chỉ tiêu vượt, 11 chỉ tiêu đạt; 2 chỉ tiêu chưa đạt là tỷ lệ lao động qua đào tạo và tỷ lệ hộ nghèo. Xã có 4 hợp tác xã hoạt động hiệu quả, gồm: Hợp tác xã chè Tân Thành, Hợp tác xã rau an toàn, Hợp tác xã dịch vụ nông nghiệp và Hợp tác xã thủy sản. Thu nhập bình quân đầu người năm 2025 ước đạt 55 triệu đồng.',
    facts: [
      { at: '17/19 chỉ tiêu', value: 17, kind: 'count_of_targets', numerator: 17, denominator: 19 },
      { at: '6 chỉ tiêu vượt', value: 6, kind: 'count_of_targets', evaluation: 'vượt' },
      { at: '11 chỉ tiêu đạt', value: 11, kind: 'count_of_targets', evaluation: 'đạt' },
      { at: '2 chỉ tiêu chưa đạt', value: 2, kind: 'count_of_targets', evaluation: 'không đạt' },
      { at: '4 hợp tác xã', value: 4, kind: 'actual', unit: 'hợp tác xã' },
      { at: '55 triệu đồng', value: 55, kind: 'actual', qualifier: 'ước' },
    ],
  },
  {
    name: 'kế hoạch xóa nhà tạm: phấn đấu, "trên" nghĩa là "trong số", % thiếu dấu, số dính chữ, tên và số hiệu bỏ qua',
    text:
      'Theo Kế hoạch số 45-KH/UBND ngày 12/3/2024, toàn huyện phấn đấu xóa 250 nhà tạm trong năm 2024. Đến ngày 30/11/2024 đã hoàn thành 212 nhà, đạt 84,8% kế hoạch; hỗ trợ 479 trên 749 hộ có nhu cầu. Tỷ lệ trường đạt chuẩn quốc gia đạt 72,5, tăng 4,5 điểm % so với năm 2023. Huyện hiện có112hộ kinh doanh cá thể đăng ký mới và 35 HTX; năm 2024 đón 125.600 lượt khách du lịch, doanh thu đạt 63,95 % kế hoạch. Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ huyện khóa XX đã thống nhất các giải pháp theo Chỉ thị 05-CT/TW và Nghị quyết Trung ương 8; mô hình "Cánh đồng 50 triệu đồng/ha" tiếp tục được nhân rộng. Kỷ niệm 95 năm ngày thành lập Đảng, HUYEN-UY3.jpg.',
    facts: [
      { at: '250 nhà', value: 250, kind: 'plan', unit: 'nhà' },
      { at: '212 nhà', value: 212, kind: 'actual' },
      { at: '84,8% kế hoạch', value: 84.8, kind: 'percent_of_plan' },
      { at: '479 trên 749 hộ', value: 479, kind: 'ratio', numerator: 479, denominator: 749, unit: 'hộ', qualifier: null },
      { at: '72,5', value: 72.5, kind: 'actual', unit: '%' },
      { at: '4,5 điểm %', value: 4.5, kind: 'change', unit: 'điểm %', direction: 'tăng' },
      { at: '112hộ', value: 112, kind: 'actual', unit: 'hộ' },
      { at: '35 HTX', value: 35, kind: 'actual', unit: 'HTX' },
      { at: '125.600 lượt khách', value: 125600, kind: 'actual', unit: 'lượt khách' },
      { at: '63,95 %', value: 63.95, kind: 'percent_of_plan', unit: '%' },
    ],
  },
  {
    name: 'sơ kết nghị quyết chuyên đề: mục tiêu trong ngoặc, nguồn vốn, tỷ số lớn, "còn"',
    text:
      'Sơ kết 3 năm thực hiện Nghị quyết số 05-NQ/HU, toàn huyện đã làm mới 36,5 km đường giao thông nông thôn, đạt 91,3% mục tiêu (40 km). Tổng vốn huy động đạt 128,7 tỷ đồng, trong đó ngân sách tỉnh 85 tỷ đồng, ngân sách huyện 30,2 tỷ đồng, nhân dân đóng góp 13,5 tỷ đồng. Đã cấp 1.285/1.400 giấy chứng nhận quyền sử dụng đất, đạt 93,8%; còn 115 hồ sơ đang thẩm định.',
    facts: [
      { at: '36,5 km', value: 36.5, kind: 'actual', unit: 'km' },
      { at: '91,3% mục tiêu', value: 91.3, kind: 'percent_of_plan', basis: 'mục tiêu' },
      { at: '40 km', value: 40, kind: 'plan', unit: 'km' },
      { at: '128,7 tỷ đồng', value: 128.7, kind: 'actual' },
      { at: '85 tỷ đồng', value: 85, kind: 'actual' },
      { at: '30,2 tỷ đồng', value: 30.2, kind: 'actual' },
      { at: '13,5 tỷ đồng', value: 13.5, kind: 'actual' },
      { at: '1.285/1.400', value: 1285, kind: 'ratio', denominator: 1400, unit: 'giấy chứng nhận' },
      { at: '93,8%', value: 93.8, kind: 'actual' },
      { at: '115 hồ sơ', value: 115, kind: 'actual', role: 'remainder' },
    ],
  },
  {
    name: 'báo cáo 9 tháng dạng gạch đầu dòng: tiêu đề in hoa, nhãn trước dấu hai chấm, ngoặc "trong đó"',
    text: [
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG NĂM 2024',
      '1. Lĩnh vực kinh tế',
      '- Tổng giá trị sản xuất: ước đạt 1.250 tỷ đồng, tăng 8,2% so với cùng kỳ.',
      '- Tổng sản lượng lương thực có hạt: 12.450 tấn, đạt 98,5% kế hoạch.',
      '- Thu ngân sách nhà nước trên địa bàn: 45,6 tỷ đồng, bằng 76% dự toán.',
      '2. Lĩnh vực xã hội',
      '- Giải quyết việc làm cho 820 lao động (trong đó xuất khẩu lao động 45 người), đạt 82% kế hoạch năm.',
      '- Tỷ lệ người dân tham gia bảo hiểm y tế: 95,2%.',
    ].join('\n'),
    facts: [
      { at: '1.250 tỷ đồng', value: 1250, kind: 'actual', qualifier: 'ước' },
      { at: '8,2%', value: 8.2, kind: 'change', direction: 'tăng' },
      { at: '12.450 tấn', value: 12450, kind: 'actual', unit: 'tấn' },
      { at: '98,5%', value: 98.5, kind: 'percent_of_plan' },
      { at: '45,6 tỷ đồng', value: 45.6, kind: 'actual' },
      { at: '76% dự toán', value: 76, kind: 'percent_of_plan', basis: 'dự toán' },
      { at: '820 lao động', value: 820, kind: 'actual' },
      { at: '45 người', value: 45, kind: 'actual', unit: 'người' },
      { at: '82% kế hoạch năm', value: 82, kind: 'percent_of_plan' },
      { at: '95,2%', value: 95.2, kind: 'actual' },
    ],
  },
];

describe('extractFacts on report paragraphs written for the tests', () => {
  for (const p of PARAGRAPHS) test(p.name, () => assertFacts(p.text, p.facts));
});

/** One sentence each: what is a fact, and what is not (distractors left out by general rules). */
const SENTENCES: { text: string; values: number[] }[] = [
  { text: 'Kịp thời triển khai Chỉ thị số 35-CT/TW ngày 14/6/2024 về đại hội đảng bộ các cấp.', values: [] },
  { text: 'Thực hiện Nghị quyết số 08-NQ/TU ngày 22/4/2021 và Nghị định 09/2019/NĐ-CP.', values: [] },
  { text: 'Ngày 15/09, Ban Chấp hành tổ chức Hội nghị lần thứ 2, khóa XXII, nhiệm kỳ 2020-2025.', values: [] },
  { text: 'Kỷ niệm 95 năm ngày thành lập Đảng và Quốc khánh 2/9, kế hoạch 5 năm 2026 - 2030.', values: [] },
  { text: 'Tập trung chỉ đạo 03 chương trình mục tiêu quốc gia và 8 Dự thảo văn bản.', values: [] },
  { text: 'Thực hiện Nghị quyết Trung ương 4 (khoá XI, XII) gắn với Chỉ thị số 05 của Bộ Chính trị.', values: [] },
  { text: 'HUYEN UY0.jpg', values: [] },
  { text: 'Ảnh: HUYENUY30.jpg và https://baobackan.vn/tin-12345.html', values: [] },
  { text: 'Mô hình cánh đồng 100 triệu đồng/ha được nhân rộng trong năm 2024; dịch Covid-19 được kiểm soát.', values: [] },
  { text: 'Kiểm tra theo Điều 30, Điều 32 Điều lệ Đảng; Cách mạng Tháng 8 thành công.', values: [] },
  { text: 'date 2024-12 Các đồng chí chủ trì hội nghị.', values: [] },
  { text: 'Tổng diện tích gieo trồng được hơn 1.440ha; trồng rừng được 32,88ha ,đạt 7,3%.', values: [1440, 32.88, 7.3] },
  { text: 'Tổng đàn đại gia súc hiện có12.327 con, đạt 98,61% nghị quyết.', values: [12327, 98.61] },
  { text: 'Diện tích nhà ở bình quân đạt 24,5 m2/người, đường bê tông 12 km.', values: [24.5, 12] },
  { text: 'Tổng số hộ được hỗ trợ là 2.025 hộ, kinh phí 10.482,24 triệu đồng.', values: [2025, 10482.24] },
  { text: 'Đã cấp 02/05 sản phẩm tem truy xuất, trong ngày 02/05 không có sự cố.', values: [2] },
];

describe('extractFacts: distractors are left out, figures are kept', () => {
  for (const s of SENTENCES) {
    test(s.text, () => {
      assert.deepEqual(
        extractFacts(s.text).map((f) => f.value),
        s.values,
      );
    });
  }
});

/** Sentence → value:kind of each fact, for the kind rules (docs/extract.md, "Kinds"). */
const KINDS: [string, string[]][] = [
  ['Thực hiện kế hoạch, trồng 500 ha rừng.', ['500:actual']],
  ['Để đạt mục tiêu đề ra, huyện đã trồng 500 ha rừng.', ['500:actual']],
  ['Năm 2025 phấn đấu đạt 95% hộ dùng nước sạch.', ['95:plan']],
  ['Phấn đấu kết nạp 120 đảng viên.', ['120:plan']],
  ['So với kế hoạch 120 đảng viên, đã kết nạp 125 đảng viên.', ['120:plan', '125:actual']],
  ['Thu ngân sách đạt 101,08%; tỷ lệ che phủ rừng đạt 65,68%; tỷ lệ tham gia bảo hiểm y tế đạt 100,2%.', ['101.08:percent_of_plan', '65.68:actual', '100.2:percent_of_plan']],
  ['Tổng thu đạt 34 tỷ đồng, bằng 135% cùng kỳ; chi 464 tỷ đồng, bằng 90% dự toán giao.', ['34:actual', '135:percent_of_same_period', '464:actual', '90:percent_of_plan']],
  ['Có 24/30 chỉ tiêu đạt và vượt; còn 9 chỉ tiêu không đạt; xã hoàn thành 19/19 tiêu chí.', ['24:count_of_targets', '9:count_of_targets', '19:ratio']],
  ['Tỷ lệ hộ nghèo giảm 4,07%; tăng thêm 20 thôn; vượt 10,9% so với Nghị quyết.', ['4.07:change', '20:change', '10.9:change']],
  ['Đạt và vượt 26/34 chỉ tiêu Nghị quyết; 95/90%, đạt 105,5%.', ['26:count_of_targets', '95:ratio', '105.5:percent_of_plan']],
];

describe('extractFacts: kinds', () => {
  for (const [text, kinds] of KINDS) {
    test(text, () => {
      assert.deepEqual(
        extractFacts(text).map((f) => `${f.value}:${f.kind}`),
        kinds,
      );
    });
  }
});

describe('extractFacts: units, qualifiers, periods, places', () => {
  test('compound units, and a per-year unit after the crop name', () => {
    const facts = extractFacts('bình quân lương thực đạt 633kg/người/năm; bình quân trồng 702ha cây thuốc lá/năm; giảm nghèo 3,76%/năm.');
    assert.deepEqual(
      facts.map((f) => f.unit),
      ['kg/người/năm', 'ha/năm', '%/năm'],
    );
  });
  test('qualifiers hơn, trên, gần, khoảng, ước, and "trên" as "out of"', () => {
    const facts = extractFacts('đạt hơn 138%; đạt trên 11.800ha; gần 76ha; khoảng 40 hộ; ước đạt 500 tấn; 479 trên 749 hộ.');
    assert.deepEqual(
      facts.map((f) => [f.qualifier, f.kind]),
      [
        ['hơn', 'actual'],
        ['trên', 'actual'],
        ['gần', 'actual'],
        ['khoảng', 'actual'],
        ['ước', 'actual'],
        [null, 'ratio'],
      ],
    );
  });
  test('a period from an earlier sentence carries over; one in the clause wins; "so với năm" is a basis', () => {
    const text =
      'Trong quý I/2025, huyện tập trung lãnh đạo các nhiệm vụ năm 2025. Tổng diện tích gieo trồng được 1.440ha; trồng rừng năm 2025 được 32,88ha; thu ngân sách được 7 tỷ đồng. Năm 2022 tỷ lệ đạt 75%, giảm 19,9% so với năm 2021.';
    assert.deepEqual(
      extractFacts(text).map((f) => f.period),
      ['quý I/2025', 'năm 2025', 'quý I/2025', 'năm 2022', 'năm 2022'],
    );
  });
  test('the place said in the sentence, else the place the text is about', () => {
    const text =
      'Huyện Bắc Sơn tổ chức hội nghị. Xã Tân Lập hoàn thành 19/19 tiêu chí; tổng thu ngân sách huyện Bắc Sơn đạt 34 tỷ đồng. Trồng mới 649ha rừng.';
    assert.deepEqual(
      extractFacts(text).map((f) => f.place),
      ['xã Tân Lập', 'huyện Bắc Sơn', 'huyện Bắc Sơn'],
    );
  });
  test('a label before a colon ("- Tổng sản lượng lương thực: 12.450 tấn")', () => {
    assert.deepEqual(
      extractFacts('- Tổng sản lượng lương thực có hạt: 12.450 tấn, đạt 98,5% kế hoạch.').map((f) => f.indicator),
      ['Tổng sản lượng lương thực có hạt', 'Tổng sản lượng lương thực có hạt'],
    );
  });
  test('indicator labels: before the number, after a count, inherited by the percent that follows', () => {
    const facts = extractFacts('Tổng đàn gia súc (trâu, bò, ngựa) có hơn 8.000 con; trong đó có 111 hộ xây mới và 06 hộ sửa chữa; trồng rừng đạt 32,88ha, đạt 7,3%.');
    assert.deepEqual(
      facts.map((f) => f.indicator),
      ['Tổng đàn gia súc (trâu, bò, ngựa)', 'hộ xây mới', 'hộ sửa chữa', 'trồng rừng', 'trồng rừng'],
    );
  });
  test('offsets are UTF-16 offsets into the NFC text, even for decomposed input', () => {
    const nfd = 'Tổng đàn có 8.000 con.'.normalize('NFD');
    const [f] = extractFacts(nfd);
    assert.ok(f);
    assert.equal(nfd.normalize('NFC').slice(f.start, f.end), '8.000 con');
  });
});
