import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanNumbers } from './tokens.ts';

/** Text → the numbers kept by the scanner, ratios written "n/d". Years stay (their next word decides). */
const CASES: [string, string[]][] = [
  ['hơn 1.440ha', ['1440']],
  ['32,88ha', ['32.88']],
  ['1.516.000 con; 10.482,24 tỷ đồng', ['1516000', '10482.24']],
  ['có12.327 con', ['12327']],
  ['112hộ', ['112']],
  ['147/120 đảng viên', ['147/120']],
  ['đạt 95/90%', ['95/90']],
  ['02/05 sản phẩm', ['2/5']],
  ['ngày 02/05 họp', []],
  ['Quốc khánh 2/9.', []],
  ['Ngày 15/09, Ban', []],
  ['14/6/2024', []],
  ['Chỉ thị số 35-CT/TW', []],
  ['Nghị quyết số 08-NQ/TU', []],
  ['Số: 123/BC-UBND', []],
  ['Nghị định 09/2019/NĐ-CP', []],
  ['quý I/2025', []],
  ['tháng 5/2025', []],
  ['lần thứ 19', []],
  ['Nghị quyết Trung ương 4', []],
  ['Chỉ thị số 05 của Bộ Chính trị', []],
  ['Điều 30, Điều 32', []],
  ['Cách mạng Tháng 8', []],
  ['HUYEN UY0.jpg', []],
  ['HUYENUY30.jpg', []],
  ['Covid-19', []],
  ['nhiệm kỳ 2020-2025', []],
  ['date 2024-12', []],
  ['cánh đồng 100 triệu đồng/ha', []],
  ['công nghiệp 4.0', []],
  ['tổng số 354 đảng viên', ['354']],
  ['24,5 m2', ['24.5']],
  ['năm 2024', ['2024']],
  ['3,5 - 4%/năm', ['3.5', '4']],
];

describe('scanNumbers', () => {
  for (const [text, expected] of CASES) {
    test(`${text} → [${expected.join(', ')}]`, () => {
      const got = scanNumbers(text).map((t) => (t.type === 'ratio' ? `${t.num.value}/${t.den.value}` : String(t.part.value)));
      assert.deepEqual(got, expected);
    });
  }
  test('decimals and year-likeness are recorded', () => {
    const [a, b] = scanNumbers('105,50% năm 2025');
    assert.ok(a?.type === 'number' && a.part.decimals === 2 && !a.part.yearLike);
    assert.ok(b?.type === 'number' && b.part.yearLike);
  });
});
