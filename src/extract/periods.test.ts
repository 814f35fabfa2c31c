import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findPeriods } from './periods.ts';
import { findPlaces, mainPlace } from './places.ts';

const PERIODS: [string, string[]][] = [
  ['Trong quý I/2025, Ban Thường vụ', ['quý I/2025']],
  ['Quý II/2025, Đảng bộ huyện', ['quý II/2025']],
  ['9 tháng đầu năm, phương hướng 3 tháng cuối năm 2020', ['9 tháng đầu năm', '3 tháng cuối năm 2020']],
  ['8 tháng đầu năm 2023, kết nạp', ['8 tháng đầu năm 2023']],
  ['nhiệm kỳ 2020 – 2025 và giai đoạn 2021-2025', ['nhiệm kỳ 2020 – 2025', 'giai đoạn 2021-2025']],
  ['Từ đầu nhiệm kỳ 2020 - 2025 đến nay, tỷ lệ', ['từ đầu nhiệm kỳ 2020 - 2025 đến nay']],
  ['Từ năm 2021 đến nay, huyện', ['từ năm 2021 đến nay']],
  ['trong 2 năm 2021 và 2022 đều đạt', ['2 năm 2021 và 2022']],
  ['Trong nửa nhiệm kỳ, cấp ủy', ['nửa nhiệm kỳ']],
  ['tính đến 30/6/2025 đã có', ['tính đến 30/6/2025']],
  ['tháng 5/2025 và Tháng 8', ['tháng 5/2025']],
  ['Hiện nay, huyện có', ['hiện nay']],
];

describe('findPeriods', () => {
  for (const [text, labels] of PERIODS) {
    test(text, () => assert.deepEqual(findPeriods(text).map((p) => p.label), labels));
  }
  test('a period after "so với" is a comparison base', () => {
    const [a, b] = findPeriods('Năm 2022 đạt 75%, giảm 19,9% so với năm 2021');
    assert.equal(a?.reference, false);
    assert.equal(b?.reference, true);
  });
});

describe('findPlaces and mainPlace', () => {
  test('administrative word + capitalised name; not "Huyện ủy", not "xã NTM", not a cooperative', () => {
    const text = 'Huyện ủy Ngân Sơn; huyện Ngân Sơn; xã NTM; Hợp tác xã Hợp Phát, xã Đức Vân; toàn huyện Ngân Sơn; tỉnh Bắc Kạn.';
    const places = findPlaces(text);
    assert.deepEqual(
      places.map((p) => p.label),
      ['huyện Ngân Sơn', 'xã Đức Vân', 'huyện Ngân Sơn', 'tỉnh Bắc Kạn'],
    );
    assert.equal(mainPlace(places), 'huyện Ngân Sơn');
    assert.equal(mainPlace([]), null);
  });
});
