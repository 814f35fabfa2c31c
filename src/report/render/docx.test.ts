import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { parsePeriod } from '../../core/periods.ts';
import { buildReport } from '../build.ts';
import { fixtureModel } from '../test-fixture.ts';
import { renderDocx } from './docx.ts';

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const f = zip.file(name);
    assert.ok(f, `${name} có trong tệp`);
    return f.async('string');
  };
  return { zip, document: await read('word/document.xml'), styles: await read('word/styles.xml') };
}

/** The run properties of the first run whose text is `text`. */
function runOf(xml: string, text: string): string {
  const i = xml.indexOf(`>${text}</w:t>`);
  assert.ok(i > 0, `có chữ "${text}"`);
  const start = xml.lastIndexOf('<w:r>', i);
  return xml.slice(start, i);
}

const model = fixtureModel();

describe('DOCX, party layout (HD 36-HD/VPTW)', async () => {
  const report = buildReport(model, {
    unitId: 'H',
    period: parsePeriod('2024'),
    document: { number: '123', date: '2024-12-15', signature: { name: 'Nông Bình Cương' } },
  });
  const { document, styles } = await open(await renderDocx(report));

  test('A4, margins 20/20/30/15 mm, header 10 mm, no number on page 1', () => {
    const first = document.match(/<w:sectPr>.*?<\/w:sectPr>/)![0];
    assert.match(first, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    assert.match(first, /<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"/);
    assert.match(first, /<w:titlePg\/>/);
    assert.match(first, /<w:headerReference w:type="first"/);
  });

  test('Times New Roman, body 14 pt', () => {
    assert.match(styles, /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    assert.match(styles, /<w:docDefaults>.*<w:sz w:val="28"\/>/s);
  });

  test('header blocks and their sizes', () => {
    assert.match(runOf(document, 'ĐẢNG CỘNG SẢN VIỆT NAM'), /<w:b\/>.*<w:sz w:val="30"\/>/);
    assert.match(runOf(document, 'ĐẢNG BỘ TỈNH BẮC KẠN'), /<w:b w:val="false"\/>.*<w:sz w:val="28"\/>/);
    assert.match(runOf(document, 'HUYỆN ỦY NGÂN SƠN'), /<w:b\/>.*<w:sz w:val="28"\/>/);
    assert.ok(document.includes('>*</w:t>'));
    assert.match(runOf(document, 'Số 123-BC/HU'), /<w:sz w:val="28"\/>/);
    assert.match(runOf(document, 'Ngân Sơn, ngày 15 tháng 12 năm 2024'), /<w:i\/>.*<w:sz w:val="28"\/>/);
    assert.match(runOf(document, 'BÁO CÁO'), /<w:b\/>.*<w:sz w:val="32"\/>/);
    // The header is a borderless table.
    const firstTable = document.match(/<w:tbl>.*?<\/w:tblPr>/)![0];
    assert.match(firstTable, /<w:tblLayout w:type="fixed"\/>/);
    assert.ok(document.indexOf('ĐẢNG CỘNG SẢN VIỆT NAM') < document.indexOf('</w:tbl>'));
  });

  test('body justified with a first-line indent and ≥ 6 pt after', () => {
    const i = document.indexOf('Thực hiện Nghị quyết số 15-NQ/HU');
    const p = document.slice(document.lastIndexOf('<w:p>', i), i);
    assert.match(p, /<w:jc w:val="both"\/>/);
    assert.match(p, /<w:ind w:firstLine="720"\/>/);
    assert.match(p, /w:after="120"/);
  });

  test('signature and recipients', () => {
    assert.match(runOf(document, 'T/M BAN THƯỜNG VỤ'), /<w:b\/>/);
    assert.match(runOf(document, 'BÍ THƯ'), /<w:b w:val="false"\/>/);
    assert.match(runOf(document, 'Nông Bình Cương'), /<w:b\/>/);
    assert.match(runOf(document, 'Nơi nhận:'), /<w:sz w:val="28"\/>.*<w:u w:val="single"\/>/);
    assert.match(runOf(document, '- Lưu Văn phòng Huyện ủy.'), /<w:sz w:val="24"\/>/);
  });

  test('appendix: landscape section, repeated header row', () => {
    const sections = document.match(/<w:sectPr>.*?<\/w:sectPr>/g)!;
    assert.equal(sections.length, 2);
    assert.match(sections[1]!, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    assert.match(document, /<w:tblHeader\/>/);
    assert.ok(document.includes('>Trồng rừng mới</w:t>'));
  });
});

describe('DOCX, state layout (NĐ 30/2020)', async () => {
  const report = buildReport(model, { unitId: 'H', period: parsePeriod('2024'), document: { standard: 'state', number: '123', date: '2025-02-05' } });
  const { document } = await open(await renderDocx(report));
  test('quốc hiệu, tiêu ngữ, "Số:" with a colon, date with leading zeros', () => {
    assert.match(runOf(document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), /<w:b\/>.*<w:sz w:val="26"\/>/);
    assert.match(runOf(document, 'Độc lập - Tự do - Hạnh phúc'), /<w:b\/>.*<w:sz w:val="28"\/>/);
    assert.ok(document.includes('>ỦY BAN NHÂN DÂN</w:t>'));
    assert.ok(document.includes('>Số: 123/BC-UBND</w:t>'));
    assert.ok(document.includes('>Ngân Sơn, ngày 05 tháng 02 năm 2025</w:t>'));
  });
  test('"Nơi nhận:" bold italic 12 pt, "- Lưu: VT, VP."', () => {
    assert.match(runOf(document, 'Nơi nhận:'), /<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/);
    assert.match(runOf(document, '- Lưu: VT, VP.'), /<w:sz w:val="22"\/>/);
    assert.match(runOf(document, 'TM. ỦY BAN NHÂN DÂN'), /<w:b\/>/);
  });
});

describe('DOCX layout is configuration', async () => {
  test('margins and sizes from the settings', async () => {
    const report = buildReport(model, {
      unitId: 'H',
      period: parsePeriod('2024'),
      document: { page: { margins: { top: 1417, left: 1984 } }, sizes: { body: 13 } },
    });
    const { document, styles } = await open(await renderDocx(report));
    assert.match(document, /<w:pgMar w:top="1417" w:right="850" w:bottom="1134" w:left="1984"/);
    assert.match(styles, /<w:docDefaults>.*<w:sz w:val="26"\/>/s);
    assert.ok(document.includes('>Số       -BC/HU</w:t>') || document.includes('Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/HU'));
  });
});
