import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkText } from './check.ts';
import { extractFacts } from './extract.ts';
import type { Span } from './types.ts';

/** Pieces that make random strings look like reports, so the fuzzer reaches deep paths. */
const PIECES = [
  'đạt', ' ', ', ', '; ', '. ', '(', ')', '/', '%', ' - ', 'hơn ', 'trên ', 'gần ', 'còn ', 'giảm từ ', 'xuống ',
  'tăng ', 'vượt ', 'trong đó ', 'gồm: ', 'chỉ tiêu', 'tiêu chí', 'đảng viên', 'ha', 'tỷ đồng', 'kế hoạch',
  'so với năm 2021', 'Nghị quyết', 'cùng kỳ', 'năm 2024', 'quý I/2025', 'huyện Ngân Sơn', 'tỷ lệ ', '1.440',
  '32,88', '147/120', '24/30', '95/90', '0', '9', '12.327', '3,5 - 4', 'không đạt', 'không vượt', '\n',
];
const reportish = fc.array(fc.constantFrom(...PIECES), { maxLength: 80, size: 'max' }).map((xs) => xs.join(''));

function assertSpans(text: string, spans: readonly Span[]): void {
  const t = text.normalize('NFC');
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), 'offsets are integers');
    assert.ok(s.start >= 0 && s.end <= t.length, `span ${s.start}-${s.end} inside text of ${t.length}`);
    assert.ok(s.start < s.end, `span ${s.start}-${s.end} not empty`);
  }
}

const arbitraries = {
  'any string (binary units)': fc.string({ unit: 'binary', maxLength: 300, size: 'max' }),
  'any Unicode (grapheme units)': fc.string({ unit: 'grapheme', maxLength: 200, size: 'max' }),
  'any UTF-16 (lone surrogates too)': fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  'report-like strings': reportish,
  'report pieces mixed with any Unicode': fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 80, size: 'max' })
    .map((xs) => xs.join('')),
};

describe('fuzz: the extractor and the checker never throw, and every span lies inside the text', () => {
  for (const [name, arb] of Object.entries(arbitraries)) {
    test(`extractFacts on ${name}`, () => {
      fc.assert(
        fc.property(arb, (s) => {
          const facts = extractFacts(s);
          assertSpans(s, facts);
          for (const f of facts) assert.ok(Number.isFinite(f.value), 'values are finite');
        }),
        { numRuns: 400 },
      );
    });
    test(`checkText on ${name}`, () => {
      fc.assert(
        fc.property(arb, (s) => {
          const findings = checkText(s);
          assertSpans(s, findings);
          for (const f of findings) assertSpans(s, f.spans);
        }),
        { numRuns: 400 },
      );
    });
  }

  test('time grows about linearly with the length of the input (no catastrophic pattern)', () => {
    const unit = 'Tổng số đảng viên là 1.234 đảng viên, trong đó 12/30 chỉ tiêu đạt 95,5% kế hoạch (khiển trách 3, cảnh cáo 2); ';
    const time = (n: number): number => {
      const s = unit.repeat(n);
      const t0 = performance.now();
      checkText(s);
      return performance.now() - t0;
    };
    time(20);
    const small = time(100);
    const large = time(800);
    assert.ok(large < small * 8 * 4 + 50, `8× input took ${(large / small).toFixed(1)}× the time`);
    // Long runs of one character class are where backtracking patterns explode.
    for (const s of ['1'.repeat(20000), '1.'.repeat(10000), 'a '.repeat(10000), '('.repeat(10000), '1/'.repeat(10000), ' - 1'.repeat(5000)]) {
      const t0 = performance.now();
      checkText(s);
      assert.ok(performance.now() - t0 < 3000, `${JSON.stringify(s.slice(0, 6))}… took too long`);
    }
  });
});
