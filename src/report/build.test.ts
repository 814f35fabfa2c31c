import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePeriod } from '../core/periods.ts';
import { summarySentence } from '../core/phrases.ts';
import { briefSentences, buildBrief, renderBriefText, BRIEF_MAX_WORDS } from './brief.ts';
import { buildReport, followingPeriod } from './build.ts';
import { placeDateLine, documentNumberLine } from './layout.ts';
import type { Report } from './model.ts';
import { renderMarkdown } from './render/markdown.ts';
import { formatTraced } from './sentence.ts';
import { fixtureModel } from './test-fixture.ts';
import { checkTrace, reportSentences } from './trace.ts';

const model = fixtureModel();
const report2024 = buildReport(model, {
  unitId: 'H',
  period: parsePeriod('2024'),
  freeText: { causes: 'Thời tiết diễn biến phức tạp.\n\nNguồn lực còn hạn chế.', directions: 'Tập trung chỉ đạo trồng rừng.' },
  document: { number: '123', date: '2024-12-15' },
});
const allText = (r: Report) => reportSentences(r).map((s) => s.text).join('\n');

describe('number display', () => {
  const pct = { mode: 'truncate', decimals: 0, absolute: false } as const;
  const cases: [number, typeof pct | { mode: 'truncate' | 'round' | 'count'; decimals: number; absolute: boolean }, string, 'hơn' | null][] = [
    [138.4, pct, '138', 'hơn'],
    [300, pct, '300', null],
    [100, { mode: 'truncate', decimals: 1, absolute: false }, '100', null],
    [(147 / 120) * 100, { mode: 'truncate', decimals: 1, absolute: false }, '122,5', null],
    [(32.88 / 450) * 100, { mode: 'truncate', decimals: 1, absolute: false }, '7,3', 'hơn'],
    [99.96, { mode: 'truncate', decimals: 1, absolute: false }, '99,9', 'hơn'],
    [1440, { mode: 'round', decimals: 2, absolute: false }, '1.440', null],
    [32.88, { mode: 'round', decimals: 2, absolute: false }, '32,88', null],
    [9, { mode: 'count', decimals: 0, absolute: false }, '09', null],
    [-4.07, { mode: 'round', decimals: 2, absolute: true }, '4,07', null],
  ];
  for (const [v, d, text, q] of cases)
    test(`${v} → ${q ? `${q} ` : ''}${text}`, () => {
      assert.deepEqual(formatTraced(v, d), { text, qualifier: q });
    });
});

describe('layout lines', () => {
  test('date: leading zero for days < 10 and months 1–2 only', () => {
    assert.equal(placeDateLine('Ngân Sơn', '2024-12-15', 2024), 'Ngân Sơn, ngày 15 tháng 12 năm 2024');
    assert.equal(placeDateLine('Ngân Sơn', '2026-02-05', 2026), 'Ngân Sơn, ngày 05 tháng 02 năm 2026');
    assert.equal(placeDateLine('Ngân Sơn', '2026-05-27', 2026), 'Ngân Sơn, ngày 27 tháng 5 năm 2026');
  });
  test('number: party without colon, state with colon', () => {
    assert.equal(documentNumberLine({ standard: 'party', number: '123', typeSymbol: 'BC', issuerSymbol: 'HU' }), 'Số 123-BC/HU');
    assert.equal(documentNumberLine({ standard: 'party', number: '5', typeSymbol: 'BC', issuerSymbol: 'HU' }), 'Số 05-BC/HU');
    assert.equal(documentNumberLine({ standard: 'state', number: '123', typeSymbol: 'BC', issuerSymbol: 'UBND' }), 'Số: 123/BC-UBND');
  });
});

describe('buildReport (fixture district)', () => {
  test('the overall count is core’s summary sentence, traced', () => {
    const first = report2024.sections[0]!.blocks[0]!;
    assert.equal(first.kind, 'paragraph');
    if (first.kind !== 'paragraph') return;
    assert.equal(first.sentences[0]!.text, summarySentence(report2024.evaluation.summary));
    assert.match(first.sentences[0]!.text, /^Có 08\/10 chỉ tiêu đạt và vượt, trong đó có 06 chỉ tiêu vượt, 02 chỉ tiêu đạt; 02 chỉ tiêu không đạt\.$/);
  });

  test('standouts say "hơn" only when true', () => {
    const t = allText(report2024);
    assert.match(t, /trồng rừng mới đạt hơn 138% kế hoạch/);
    assert.match(t, /thành lập mới hợp tác xã đạt 300% kế hoạch/);
    assert.doesNotMatch(t, /hơn 300%/);
  });

  test('lower-is-better and change targets are phrased as such', () => {
    const t = allText(report2024);
    assert.match(t, /tỷ lệ hộ nghèo giảm 4,07%, vượt chỉ tiêu đề ra/);
    assert.match(t, /Tỷ lệ tăng dân số tự nhiên: 0,9% \(chỉ tiêu dưới 1%\)/);
    assert.doesNotMatch(t, /Tỷ lệ tăng dân số tự nhiên[^.]*đạt 111/);
  });

  test('estimates are said as estimates', () => {
    assert.match(allText(report2024), /Tổng thu ngân sách trên địa bàn: ước đạt 48,1\/37 tỷ đồng, ước bằng 130% kế hoạch/);
  });

  test('a missed target never shows 100%', () => {
    const t = allText(report2024);
    assert.match(t, /bảo hiểm y tế: 99,96\/100%, đạt hơn 99,9% kế hoạch; không đạt chỉ tiêu/);
    const row = report2024.appendix.groups.flatMap((g) => g.rows).find((r) => r.targetId === 'nq-2024-XH02')!;
    assert.equal(row.percentText, '99,9%');
  });

  test('section II names the targets not met; free text kept verbatim', () => {
    const ii = report2024.sections[1]!;
    const text = ii.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences.map((s) => s.text) : [])).join('\n');
    assert.match(text, /^Còn 02 chỉ tiêu không đạt kế hoạch đề ra, gồm:/);
    assert.match(text, /Tổng đàn gia súc: 12\.327\/12\.500 con/);
    const causes = ii.blocks.find((b) => b.kind === 'free_text');
    assert.deepEqual(causes, { kind: 'free_text', key: 'causes', title: 'Nguyên nhân', paragraphs: ['Thời tiết diễn biến phức tạp.', 'Nguồn lực còn hạn chế.'] });
  });

  test('section III lists the next annual resolution’s targets', () => {
    assert.equal(report2024.next?.resolution.id, 'nq-2025');
    assert.equal(report2024.sections[2]!.title, 'PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025');
    const md = renderMarkdown(report2024);
    assert.match(md, /- Trồng mới 450 ha rừng;/);
  });

  test('party building: discipline by form, counts written "02"', () => {
    assert.match(allText(report2024), /Số đảng viên bị thi hành kỷ luật: 17 đảng viên \(khiển trách 10, cảnh cáo 02, khai trừ 05\)\./);
  });

  test('quý I/2025: forest planting is progress toward the year, not a failure', () => {
    const r = buildReport(model, { unitId: 'H', period: parsePeriod('quý I/2025') });
    const t = r.evaluation.targets.find((x) => x.indicator === 'TRONG_RUNG')!;
    assert.equal(t.status, 'dang_thuc_hien');
    const text = allText(r);
    assert.match(text, /Trồng rừng mới: 32,88 ha, đạt hơn 7,3% kế hoạch năm \(kế hoạch năm 450 ha\)/);
    assert.doesNotMatch(text, /không đạt/);
    assert.equal(r.sections[2]!.title, 'PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II/2025');
  });

  test('2021 with the term resolution: 147/120 new members, 122,5%', () => {
    const r = buildReport(model, { unitId: 'H', period: parsePeriod('2021') });
    assert.equal(r.resolution.id, 'nq-term');
    assert.match(allText(r), /Kết nạp đảng viên mới: 147\/120 đảng viên, đạt 122,5% kế hoạch/);
  });

  test('charts: term years (the standouts with the most years of figures) and by commune', () => {
    const ids = report2024.charts.map((c) => c.id);
    // KET_NAP has four years of figures, THU_NS two: the fuller chart comes first.
    assert.deepEqual(ids, ['term-TRONG_RUNG', 'term-KET_NAP', 'units-TRONG_RUNG']);
    const c = report2024.charts[0]!;
    assert.deepEqual(c.categories, ['2021', '2022', '2023', '2024']);
    assert.deepEqual(c.series.find((s) => s.role === 'actual')!.values, [540, 505.5, 560, 622.8]);
  });

  test('party layout defaults from the unit', () => {
    const l = report2024.layout;
    assert.equal(l.standard, 'party');
    assert.equal(l.header.superior, 'ĐẢNG BỘ TỈNH BẮC KẠN');
    assert.deepEqual(l.header.issuer, ['HUYỆN ỦY NGÂN SƠN']);
    assert.equal(l.issuerSymbol, 'HU');
    assert.equal(l.recipients.at(-1), 'Lưu Văn phòng Huyện ủy.');
    assert.deepEqual(l.page.margins, { top: 1134, bottom: 1134, left: 1701, right: 850 });
  });

  test('following periods', () => {
    assert.deepEqual(followingPeriod(parsePeriod('2024')), parsePeriod('2025'));
    assert.deepEqual(followingPeriod(parsePeriod('6 tháng đầu năm 2024')), parsePeriod('6 tháng cuối năm 2024'));
    assert.deepEqual(followingPeriod(parsePeriod('quý IV/2024')), parsePeriod('quý I/2025'));
  });
});

describe('every number in the prose is traced to the evaluation', () => {
  const valueIds = new Set(model.units.length ? collectIds() : []);
  function collectIds(): string[] {
    const ids: string[] = [];
    for (const code of model.ctx.indicators.keys())
      for (const u of model.units) for (const opt of [null, 'khien_trach', 'canh_cao', 'khai_tru']) ids.push(...model.ctx.values.stored(code, u.id, opt).map((s) => s.value.id));
    return ids;
  }
  for (const p of ['2024', 'quý I/2025', '2021', '2023', 'nhiệm kỳ 2020 – 2025']) {
    test(p, () => {
      const r = buildReport(model, { unitId: 'H', period: parsePeriod(p) });
      const sentences = [...reportSentences(r), ...briefSentences(buildBrief(r))];
      assert.ok(sentences.length > 3);
      assert.deepEqual(checkTrace(r, sentences, (id) => valueIds.has(id)), []);
    });
  }
  test('a number typed into the prose is caught', () => {
    const r = structuredClone(report2024);
    const s = r.intro[0]!;
    s.text = s.text.replace('như sau:', 'gồm 12 nội dung như sau:');
    assert.ok(checkTrace(r, [s]).some((m) => m.includes('"12"')));
  });
  test('a wrong figure is caught', () => {
    const r = structuredClone(report2024);
    const p = r.sections[0]!.blocks.find((b) => b.kind === 'paragraph' && b.bullet)!;
    if (p.kind !== 'paragraph') return;
    const n = p.sentences[0]!.numbers[0]!;
    n.value += 1;
    assert.ok(checkTrace(r, p.sentences).length > 0);
  });
});

describe('bản tin', () => {
  test('300–500 words, seed register, ends with ./.', () => {
    const b = buildBrief(report2024);
    const text = renderBriefText(b);
    assert.ok(b.words <= BRIEF_MAX_WORDS, `${b.words} words`);
    assert.match(text, /Có 08\/10 chỉ tiêu đạt và vượt, trong đó có 06 chỉ tiêu vượt/);
    assert.match(text, /Bên cạnh những kết quả đạt được, trong năm 2024 vẫn còn những tồn tại, hạn chế như: còn 02 chỉ tiêu chưa đạt/);
    assert.match(text, /\.\/\.\n$/);
  });
});
