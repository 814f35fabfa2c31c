import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { DvhcvnError, LEGAL_BASIS, newCommuneId, newProvinceId, oldCommuneId, oldProvinceId, parseProvinceCodes, readDvhcvnDir, splitKind, transformDvhcvn } from './parse.ts';

// The shared data folder sits beside the repository (/work/shared next to /work/main).
const dir = process.env.DVHCVN_DIR ?? fileURLToPath(new URL('../../../shared/data/dvhcvn-20250701', import.meta.url));
const hasData = existsSync(dir);

describe('the real dvhcvn/20250701 files', { skip: hasData ? false : `no dataset at ${dir}` }, () => {
  const files = hasData ? readDvhcvnDir(dir) : null;

  test('34 new provinces, 3,321 new communes, 63 old provinces, 10,047 old communes', () => {
    const d = transformDvhcvn(files!);
    assert.deepEqual(d.counts, { newProvinces: 34, newCommunes: 3321, oldProvinces: 63, oldCommunes: 10047, oldDistricts: 5 });
    const count = (pred: (u: (typeof d.units)[number]) => boolean) => d.units.filter(pred).length;
    assert.equal(count((u) => u.validFrom === '2025-07-01' && ['xa', 'phuong', 'dac_khu'].includes(u.kind)), 3321);
    // 2.621 xã + 687 phường + 13 đặc khu (domain-rules §5.1)
    assert.equal(count((u) => u.validFrom === '2025-07-01' && u.kind === 'xa'), 2621);
    assert.equal(count((u) => u.validFrom === '2025-07-01' && u.kind === 'phuong'), 687);
    assert.equal(count((u) => u.kind === 'dac_khu'), 13);
    assert.equal(count((u) => u.validTo === '2025-06-30' && ['xa', 'phuong', 'thi_tran'].includes(u.kind)), 10047);
    assert.equal(new Set(d.units.map((u) => u.id)).size, d.units.length, 'ids are unique although codes are reused');
    assert.equal(d.successions.filter((s) => s.fromId.startsWith('dvhcvn-tinh-old-')).length, 63);
  });

  test('Ngân Sơn (data README): new xã 01954 ← Cốc Đán 01945, Đức Vân 01951, Vân Tùng 01954, all full', () => {
    const d = transformDvhcvn(files!);
    const ns = d.units.find((u) => u.id === newCommuneId('01954'))!;
    assert.deepEqual(
      { code: ns.code, name: ns.name, kind: ns.kind, validFrom: ns.validFrom, validTo: ns.validTo, parents: ns.parents },
      { code: '01954', name: 'Ngân Sơn', kind: 'xa', validFrom: '2025-07-01', validTo: null, parents: [{ parentId: newProvinceId('19'), from: null, to: null }] },
    );
    const preds = d.successions.filter((s) => s.toId === ns.id);
    assert.deepEqual(
      preds.map((s) => [s.fromId, s.kind, s.share, s.effectiveDate, s.legalBasis]),
      ['01945', '01951', '01954'].map((c) => [oldCommuneId(c), 'merge', null, '2025-07-01', LEGAL_BASIS]),
    );
    const vanTung = d.units.find((u) => u.id === oldCommuneId('01954'))!;
    assert.deepEqual([vanTung.kind, vanTung.name, vanTung.validTo, vanTung.parents[0]!.parentId], ['thi_tran', 'Vân Tùng', '2025-06-30', oldProvinceId('06')]);
    assert.equal(d.units.find((u) => u.id === oldProvinceId('06'))!.name, 'Bắc Kạn');
    assert.deepEqual(
      d.successions.filter((s) => s.toId === newProvinceId('19')).map((s) => s.fromId),
      [oldProvinceId('06'), oldProvinceId('19')],
    );
  });

  test('a partial predecessor becomes a split with an unknown share', () => {
    const d = transformDvhcvn(files!);
    // Phường Ba Đình (00004) takes part of Phường Ngọc Hà (00016).
    const s = d.successions.find((x) => x.fromId === oldCommuneId('00016') && x.toId === newCommuneId('00004'))!;
    assert.deepEqual([s.kind, s.share], ['split', null]);
    assert.equal(d.successions.filter((x) => x.kind === 'split').length, 1012);
  });

  test('one province: only its units and the old units that went into it', () => {
    const d = transformDvhcvn(files!, { province: '19' });
    assert.deepEqual(d.counts, { newProvinces: 1, newCommunes: 92, oldProvinces: 2, oldCommunes: 280, oldDistricts: 0 });
    const ids = new Set(d.units.map((u) => u.id));
    for (const u of d.units) for (const p of u.parents) assert.ok(ids.has(p.parentId), `${u.id} → ${p.parentId}`);
    for (const s of d.successions) assert.ok(ids.has(s.fromId) && ids.has(s.toId));
    assert.throws(() => transformDvhcvn(files!, { province: '99' }), (e) => e instanceof DvhcvnError && /Không có tỉnh mã "99"/.test(e.message));
  });

  test('a province whose commune came from another old province still gets that old province as parent', () => {
    // Xã Tân Phú Trung (30259, Đồng Tháp) ← Xã Tân Phú (30622, old An Giang).
    const d = transformDvhcvn(files!, { province: '82' });
    const old = d.units.find((u) => u.id === oldCommuneId('30622'))!;
    assert.equal(old.parents[0]!.parentId, oldProvinceId('89'));
    assert.ok(d.units.some((u) => u.id === oldProvinceId('89')));
    assert.ok(!d.successions.some((s) => s.fromId === oldProvinceId('89')), 'An Giang went into An Giang, not Đồng Tháp');
  });
});

describe('parsing helpers', () => {
  const kinds: [string, string, string][] = [
    ['Thị trấn Vân Tùng', 'thi_tran', 'Vân Tùng'],
    ['Thị Trấn Mường Chà', 'thi_tran', 'Mường Chà'],
    ['Xã  Mỹ Lộc', 'xa', 'Mỹ Lộc'],
    ['Đặc khu Côn Đảo', 'dac_khu', 'Côn Đảo'],
    ['Phường Ba Đình', 'phuong', 'Ba Đình'],
  ];
  for (const [full, kind, name] of kinds)
    test(`"${full}" → ${kind} "${name}"`, () => {
      assert.deepEqual(splitKind(full, [['Xã ', 'xa'], ['Phường ', 'phuong'], ['Thị trấn ', 'thi_tran'], ['Đặc khu ', 'dac_khu']]), { kind, name });
    });

  test('an unknown prefix is an error naming the unit', () => {
    assert.throws(() => splitKind('Ấp Một', [['Xã ', 'xa']]), /Không nhận ra loại đơn vị trong tên "Ấp Một"/);
  });

  test('province codes from the CSV; a bad line is named', () => {
    assert.deepEqual(parseProvinceCodes('\uFEFFStt,Mã số,Tên\r\n1,01,Thành phố Hà Nội\r\n2,04,Cao Bằng\r\n'), ['01', '04']);
    assert.throws(() => parseProvinceCodes('Stt,Mã số,Tên\n1,1,Hà Nội\n'), /dòng 2: mã tỉnh "1"/);
  });

  test('a missing directory is a clear error', () => {
    assert.throws(() => readDvhcvnDir('/khong/co'), (e) => e instanceof DvhcvnError && /Không thấy tệp \/khong\/co\/915_CTK-CSCL\.csv/.test(e.message));
  });

  test('files of another shape are refused with the place', () => {
    assert.throws(
      () => transformDvhcvn({ provincesCsv: 'Stt,Mã số,Tên\n', merges: { data: [{ level1_id: 1 }] }, splits: { data: [] } }),
      (e) => e instanceof DvhcvnError && /merges\.json không đúng cấu trúc dvhcvn\/20250701 tại \$\.data\[0\]\.level1_id/.test(e.message),
    );
  });
});
