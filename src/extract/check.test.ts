import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText } from './check.ts';
import { extractFacts } from './extract.ts';
import type { CheckKind } from './types.ts';

type Expected = { check: CheckKind; stated: number; holds: boolean; expected?: number };

/** Report sentences written for the tests, each with the findings a careful reader would make. */
const CASES: { name: string; text: string; findings: Expected[] }[] = [
  {
    name: 'tỷ số và tỷ lệ %: "hơn" cần lớn hơn hẳn',
    text: 'Năm 2023 kết nạp được 83/60 đảng viên, đạt hơn 138% kế hoạch; năm 2024 kết nạp được 75/60 đảng viên, đạt hơn 125% kế hoạch.',
    findings: [
      { check: 'ratio_percent', stated: 138, holds: true },
      { check: 'ratio_percent', stated: 125, holds: false, expected: 125 },
    ],
  },
  {
    name: 'tỷ số là phần của tổng (tỷ lệ), làm tròn và cắt bớt',
    text: 'Có 13/15 chi bộ hoàn thành tốt nhiệm vụ, đạt 86,67%; 452/486 đảng viên hoàn thành tốt nhiệm vụ, đạt 93,0%; đã cấp 1.285/1.400 giấy chứng nhận, đạt 93,8%.',
    findings: [
      { check: 'ratio_percent', stated: 86.67, holds: true },
      { check: 'ratio_percent', stated: 93, holds: true },
      { check: 'ratio_percent', stated: 93.8, holds: false, expected: 91.7857 },
    ],
  },
  {
    name: '"vượt X%" so với % kế hoạch',
    text: 'Thu ngân sách đạt 527 tỷ đồng, đạt 105,4% kế hoạch, vượt 5,4% kế hoạch. Trồng rừng đạt 210 ha, đạt 105% kế hoạch, vượt 15%.',
    findings: [
      { check: 'excess', stated: 5.4, holds: true },
      { check: 'excess', stated: 15, holds: false, expected: 5 },
    ],
  },
  {
    name: 'kế hoạch ghi rõ (trong ngoặc, hoặc ở câu trước)',
    text: 'Toàn huyện phấn đấu xóa 250 nhà tạm trong năm 2024. Đã hoàn thành 212 nhà, đạt 84,8% kế hoạch. Làm mới 30 km đường, đạt 80% kế hoạch (40 km).',
    findings: [
      { check: 'plan_percent', stated: 84.8, holds: true },
      { check: 'plan_percent', stated: 80, holds: false, expected: 75 },
    ],
  },
  {
    name: 'chỉ tiêu Nghị quyết không ghi, suy ra từ các năm cùng chỉ tiêu',
    text: 'Năm 2022, tỷ lệ thôn đạt chuẩn văn hóa đạt 72%, đạt 90% so với Nghị quyết; năm 2023, tỷ lệ thôn đạt chuẩn văn hóa đạt 76%, đạt 95% Nghị quyết; năm 2024, tỷ lệ thôn đạt chuẩn văn hóa đạt 78%, đạt 99% Nghị quyết.',
    findings: [
      { check: 'plan_percent', stated: 90, holds: true },
      { check: 'plan_percent', stated: 95, holds: true },
      { check: 'plan_percent', stated: 99, holds: false, expected: 97.5 },
    ],
  },
  {
    name: 'thay đổi so với năm trước: điểm phần trăm hoặc tương đối',
    text: 'Năm 2023, tỷ lệ hộ nghèo là 12,4%. Năm 2024, tỷ lệ hộ nghèo là 9,8%, giảm 2,6% so với năm 2023. Năm 2023 sản lượng lương thực đạt 20.000 tấn. Năm 2024 sản lượng lương thực đạt 21.000 tấn, tăng 5% so với năm 2023; tỷ lệ che phủ rừng năm 2023 đạt 60%. Năm 2024, tỷ lệ che phủ rừng đạt 61%, tăng 3% so với năm 2023.',
    findings: [
      { check: 'change', stated: 2.6, holds: true },
      { check: 'change', stated: 5, holds: true },
      { check: 'change', stated: 3, holds: false, expected: 1 },
    ],
  },
  {
    name: 'thay đổi ghi bằng đơn vị của chỉ tiêu; đơn vị không so được thì không kết luận',
    text: 'Năm 2022 thu nhập bình quân đầu người đạt 57,3 triệu đồng/người/năm. Năm 2023 thu nhập bình quân đầu người đạt 62,4 triệu đồng/người/năm, tăng 5,1 triệu đồng so với năm 2022; năm 2024 thu nhập bình quân đầu người đạt 66 triệu đồng/người/năm, tăng 300 ha so với năm 2023.',
    findings: [{ check: 'change', stated: 5.1, holds: true }],
  },
  {
    name: '"giảm từ … xuống …", có và không có mức giảm; "bằng X% cùng kỳ, tăng Y%"',
    text: 'Tỷ lệ hộ nghèo giảm từ 29,56% xuống còn 25,3%, giảm 4,26%. Tỷ lệ hộ cận nghèo giảm từ 12% xuống còn 14%. Thu ngân sách bằng 108,5% cùng kỳ, tăng 8,5%; thu từ đất bằng 96,2% cùng kỳ, tăng 3,8%.',
    findings: [
      { check: 'change', stated: 4.26, holds: true },
      { check: 'change', stated: 14, holds: false },
      { check: 'change', stated: 8.5, holds: true },
      { check: 'change', stated: 3.8, holds: false },
    ],
  },
  {
    name: 'các phần và tổng số: vượt tổng thì sai; đổi đơn vị tiền',
    text: 'Tổng số 120 hộ được hỗ trợ, trong đó 80 hộ nghèo và 50 hộ cận nghèo. Tổng vốn 2,5 tỷ đồng, trong đó ngân sách 1.500 triệu đồng, nhân dân đóng góp 1 tỷ đồng.',
    findings: [
      { check: 'parts_total', stated: 120, holds: false, expected: 130 },
      { check: 'parts_total', stated: 2.5, holds: true, expected: 2.5 },
    ],
  },
  {
    name: '"còn" là phần còn lại của tổng số',
    text: 'Năm 2024 tiếp nhận 45 đơn thư, đã giải quyết 38 đơn thư, còn 5 đơn thư đang xem xét.',
    findings: [{ check: 'remainder', stated: 45, holds: false, expected: 43 }],
  },
  {
    name: 'số chỉ tiêu đạt và không đạt cộng lại bằng tổng số chỉ tiêu',
    text: 'Năm 2024, huyện có 22/25 chỉ tiêu đạt và vượt kế hoạch. Công tác cải cách hành chính được tăng cường. Trong năm 2024 còn 4 chỉ tiêu không đạt.',
    findings: [{ check: 'targets_total', stated: 4, holds: false, expected: 3 }],
  },
  {
    name: 'số lượng nêu trước danh sách "gồm:"',
    text: 'Xã có 3 hợp tác xã hoạt động hiệu quả, gồm: Hợp tác xã chè, Hợp tác xã rau và Hợp tác xã dịch vụ, Hợp tác xã thủy sản. Có 4 sản phẩm OCOP, gồm: Chè xanh của HTX Tân Thành; Miến dong, bún khô của HTX Quỳnh Niên; Hạt dẻ của HTX Hợp Phát.',
    findings: [
      { check: 'list_count', stated: 3, holds: false, expected: 4 },
      { check: 'list_count', stated: 4, holds: true },
    ],
  },
  {
    name: 'chỉ tiêu là một khoảng',
    text: 'Tốc độ tăng trưởng đạt 7,2%, đạt chỉ tiêu Nghị quyết (8 - 9%). Tỷ lệ giảm nghèo bình quân đạt 3,76%/năm, đạt chỉ tiêu đề ra (từ 3,5 - 4%/năm).',
    findings: [
      { check: 'range_target', stated: 7.2, holds: false },
      { check: 'range_target', stated: 3.76, holds: true },
    ],
  },
  {
    name: '"không vượt biên chế" và tỷ số thực có / được giao',
    text: 'Đảm bảo không vượt số lượng biên chế được giao. Số công chức cấp huyện hiện có 75/72; viên chức là 613/693.',
    findings: [
      { check: 'not_exceed', stated: 75, holds: false, expected: 72 },
      { check: 'not_exceed', stated: 613, holds: true },
    ],
  },
];

describe('checkText on report sentences written for the tests', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const got = checkText(c.text);
      const brief = got.map((f) => `${f.check} ${f.stated} ${f.holds} (${f.expected}): ${f.explanation}`);
      assert.equal(got.length, c.findings.length, `findings:\n${brief.join('\n')}`);
      c.findings.forEach((e, i) => {
        const f = got[i];
        assert.ok(f);
        assert.equal(f.check, e.check, brief[i]);
        assert.equal(f.stated, e.stated, brief[i]);
        assert.equal(f.holds, e.holds, brief[i]);
        if (e.expected !== undefined) assert.ok(Math.abs(f.expected - e.expected) < 1e-3, brief[i]);
        assert.ok(f.explanation.length > 10 && f.arithmetic.length > 0);
        assert.ok(f.spans.some((s) => s.start === f.start && s.end === f.end), 'the judged span is among the spans');
      });
    });
  }
});

describe('checkText: contract', () => {
  test('explanations are Vietnamese and quote the figures the Vietnamese way', () => {
    const [f] = checkText('Năm 2021 kết nạp được 95/90 đảng viên, đạt 105,5% kế hoạch.');
    assert.ok(f);
    assert.equal(f.holds, true);
    assert.match(f.arithmetic, /95 \/ 90 × 100 = 105,56%/u);
    assert.match(f.explanation, /cắt bớt/u);
  });
  test('given facts are used as they are', () => {
    const text = 'Năm 2021 kết nạp được 147/120 đảng viên, đạt 122,5% kế hoạch.';
    const facts = extractFacts(text);
    assert.deepEqual(checkText(text, facts), checkText(text));
    assert.deepEqual(checkText(text, []), []);
  });
  test('a partial-year ratio without a stated percent is not judged (83/120 after 8 months)', () => {
    assert.deepEqual(checkText('8 tháng đầu năm 2023, kết nạp được 83/120 đảng viên.'), []);
  });
});
