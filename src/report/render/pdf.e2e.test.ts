/**
 * End to end through Chromium: the PDF (pages rasterised with pdftoppm, fonts listed with pdffonts) and
 * the DOCX with its chart images (SVG + PNG fallback rasterised by Chromium).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { parsePeriod } from '../../core/periods.ts';
import { buildReport } from '../build.ts';
import { fixtureModel } from '../test-fixture.ts';
import { type ChromiumSession, chromiumRasterizer, openChromium } from './chromium.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';

const report = buildReport(fixtureModel(), {
  unitId: 'H',
  period: parsePeriod('2024'),
  freeText: { causes: 'Thời tiết diễn biến phức tạp, ảnh hưởng đến tiến độ trồng rừng.' },
  document: { number: '123', date: '2024-12-15', signature: { name: 'Nông Bình Cương' } },
});

/** Mean and standard deviation of a binary PGM (P5) image's grey levels. */
function pgmStats(buf: Buffer): { mean: number; sd: number; dark: number } {
  // Header: "P5\n<w> <h>\n<max>\n" then w*h bytes.
  let fields = 0;
  let i = 0;
  while (fields < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]!))) i++;
    while (!/\s/.test(String.fromCharCode(buf[i]!))) i++;
    fields++;
  }
  const px = buf.subarray(i + 1);
  let sum = 0;
  let sq = 0;
  let dark = 0;
  for (const v of px) {
    sum += v;
    sq += v * v;
    if (v < 128) dark++;
  }
  const mean = sum / px.length;
  return { mean, sd: Math.sqrt(sq / px.length - mean * mean), dark: dark / px.length };
}

describe('PDF and DOCX through Chromium', () => {
  let session: ChromiumSession;
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-report-e2e-'));
  before(async () => {
    session = await openChromium();
  });
  after(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('PDF: A4 pages that are not blank, Liberation Serif embedded, no Type 3', async () => {
    const pdf = await renderPdf(report, { session });
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');

    execFileSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'png')]);
    execFileSync('pdftoppm', ['-r', '40', '-gray', file, join(dir, 'pg')]);
    const pngs = readdirSync(dir).filter((f) => f.startsWith('png') && f.endsWith('.png'));
    const pgms = readdirSync(dir).filter((f) => f.startsWith('pg') && f.endsWith('.pgm')).sort();
    assert.ok(pngs.length >= 3, `${pngs.length} trang`);
    assert.equal(pgms.length, pngs.length);
    for (const f of pngs) assert.ok(statSync(join(dir, f)).size > 3000, `${f} có nội dung`);
    for (const f of pgms) {
      const s = pgmStats(readFileSync(join(dir, f)));
      assert.ok(s.sd > 10 && s.dark > 0.002, `${f}: trang trắng (độ lệch ${s.sd.toFixed(1)}, điểm tối ${s.dark})`);
    }
    // Portrait A4 first page: 210 × 297 mm at 40 dpi ≈ 331 × 468 px.
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1', file]).toString();
    assert.match(info, /Page\s+1 size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);

    const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.some((l) => /LiberationSerif\s/.test(l) && /\byes\b/.test(l)), fonts.join('\n'));
    assert.ok(fonts.some((l) => /LiberationSerif-Bold/.test(l)));
    assert.ok(!fonts.some((l) => /Type 3/.test(l)), `không có phông Type 3:\n${fonts.join('\n')}`);
    for (const l of fonts) assert.match(l, /^\S+\s+CID TrueType|TrueType/, l);
  });

  test('PDF: Vietnamese text is in the page text', async () => {
    const file = join(dir, 'r.pdf');
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    assert.match(text, /ĐẢNG CỘNG SẢN VIỆT NAM/);
    assert.match(text, /Số 123-BC\/HU/);
    assert.match(text, /Có 08\/10 chỉ tiêu đạt và vượt/);
    assert.match(text, /Nông Bình Cương/);
  });

  test('DOCX: charts embedded as SVG with a PNG fallback', async () => {
    const bytes = await renderDocx(report, { rasterize: chromiumRasterizer(session) });
    const zip = await JSZip.loadAsync(bytes);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    assert.ok(media.some((f) => f.endsWith('.svg')), media.join(', '));
    assert.ok(media.some((f) => f.endsWith('.png')), media.join(', '));
    const png = await zip.file(media.find((f) => f.endsWith('.png'))!)!.async('uint8array');
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const doc = await zip.file('word/document.xml')!.async('string');
    assert.match(doc, /svgBlip/);
  });
});
