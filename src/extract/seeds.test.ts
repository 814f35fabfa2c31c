/**
 * The five real articles in ../shared/seeds against their hand annotations in ../shared/seeds-gold:
 * extraction F1 (the scorer's rule), and the consistency claims.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripHeaderLines } from '../cli/commands/extract.ts';
import { checkText } from './check.ts';
import { extractFacts } from './extract.ts';

/** /work/main/../shared, resolved from this file (src/extract/ → repo root → ../shared). */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SEEDS = `${SHARED}seeds/`;
const GOLD = `${SHARED}seeds-gold/`;
const available = existsSync(SEEDS) && existsSync(GOLD);

interface GoldFact {
  text_span: string;
  start: number;
  value: number;
  kind: string;
  unit: string | null;
  numerator?: number;
  denominator?: number;
}
interface GoldClaim {
  file: string;
  claim: string;
  check: string;
  holds: boolean;
}

/** The seed text as the CLI reads it, and how many header characters were stripped. */
function seed(file: string): { text: string; shift: number } {
  const raw = readFileSync(`${SEEDS}${file}`, 'utf8').normalize('NFC');
  const text = stripHeaderLines(raw);
  return { text, shift: raw.length - text.length };
}

const stems = available
  ? readdirSync(GOLD)
      .filter((f) => /^\d.*\.json$/.test(f))
      .map((f) => f.replace(/\.json$/, ''))
      .sort()
  : [];

describe('seeds: extraction against the gold annotations', { skip: !available && 'no ../shared/seeds' }, () => {
  test('strict F1 ≥ 0.95 with the scorer’s matching rule (overlap, equal value, equal kind)', () => {
    let gold = 0;
    let pred = 0;
    let hit = 0;
    let unitOk = 0;
    const misses: string[] = [];
    for (const stem of stems) {
      const { text, shift } = seed(`${stem}.txt`);
      const facts = extractFacts(text);
      const golds = (JSON.parse(readFileSync(`${GOLD}${stem}.json`, 'utf8')) as GoldFact[]).map((g) => ({
        ...g,
        start: g.start - shift,
        end: g.start - shift + g.text_span.length,
      }));
      gold += golds.length;
      pred += facts.length;
      const used = new Set<number>();
      for (const g of golds) {
        const i = facts.findIndex(
          (p, j) =>
            !used.has(j) &&
            p.start < g.end &&
            g.start < p.end &&
            Math.abs(p.value - g.value) <= 1e-6 * Math.max(1, Math.abs(g.value)) &&
            p.kind === g.kind,
        );
        if (i < 0) {
          misses.push(`${stem} «${g.text_span}» ${g.kind} ${g.value}`);
          continue;
        }
        used.add(i);
        hit++;
        if ((facts[i]?.unit ?? '') === (g.unit ?? '')) unitOk++;
      }
    }
    const p = hit / pred;
    const r = hit / gold;
    const f1 = (2 * p * r) / (p + r);
    assert.ok(f1 >= 0.95, `strict F1 ${f1.toFixed(3)} (P ${p.toFixed(3)} R ${r.toFixed(3)}); misses:\n${misses.join('\n')}`);
    assert.ok(unitOk / hit >= 0.9, `unit agreement ${(unitOk / hit).toFixed(3)}`);
  });
});

/**
 * Where a gold claim sits in the text: the shortest stretch holding its pieces (split at "..." and ";")
 * in order. A piece not found whole is shortened from the end, by at most 40% (gold claims add
 * notes such as "(94,98%)").
 */
function claimRegion(text: string, claim: string): { start: number; end: number } | null {
  const pieces = claim
    .split(/\.\.\.|…|;/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const find = (piece: string, from: number): { at: number; len: number } | null => {
    let p = piece;
    let at = text.indexOf(p, from);
    // Shorten only the annotator's trailing note, never to a stub that matches anywhere.
    while (at < 0 && p.length > Math.max(4, piece.length * 0.6)) {
      p = p.slice(0, -1).trim();
      at = text.indexOf(p, from);
    }
    return at < 0 ? null : { at, len: p.length };
  };
  let best: { start: number; end: number } | null = null;
  for (let first = find(pieces[0] ?? '', 0); first !== null; first = find(pieces[0] ?? '', first.at + 1)) {
    let end = first.at + first.len;
    let ok = true;
    for (const piece of pieces.slice(1)) {
      const hit = find(piece, end);
      if (!hit) {
        ok = false;
        break;
      }
      end = hit.at + hit.len;
    }
    if (ok && (!best || end - first.at < best.end - best.start)) best = { start: first.at, end };
  }
  return best;
}

describe('seeds: the checker against seeds-gold/consistency.json', { skip: !available && 'no ../shared/seeds' }, () => {
  const claims = available ? (JSON.parse(readFileSync(`${GOLD}consistency.json`, 'utf8')) as GoldClaim[]) : [];
  const files = [...new Set(claims.map((c) => c.file))];

  test('consistency.json has the claims this test expects (3 that do not hold, 18 that do)', () => {
    assert.equal(claims.filter((c) => !c.holds).length, 3);
    assert.equal(claims.filter((c) => c.holds).length, 18);
  });

  for (const file of files) {
    test(`${file}: every claim that does not hold is found; no finding fails outside them`, () => {
      const { text } = seed(file);
      const findings = checkText(text);
      const regions = claims
        .filter((c) => c.file === file)
        .map((c) => ({ claim: c, region: claimRegion(text, c.claim) }));
      for (const r of regions) assert.ok(r.region, `claim not located in the text: ${r.claim.claim}`);
      const falseRegions = regions.filter((r) => !r.claim.holds);
      const inside = (f: { start: number; end: number }, g: { start: number; end: number }): boolean =>
        f.start >= g.start && f.end <= g.end;
      // A finding judges the figure at [start, end); it belongs to a claim whose text contains that figure.
      for (const r of falseRegions) {
        const region = r.region;
        assert.ok(region);
        assert.ok(
          findings.some((f) => !f.holds && inside(f, region)),
          `not found: ${r.claim.claim} (${r.claim.check})`,
        );
      }
      for (const f of findings.filter((x) => !x.holds)) {
        assert.ok(
          falseRegions.some((r) => r.region && inside(f, r.region)),
          `finding fails on a claim that holds (or on none): ${f.claim} — ${f.explanation}`,
        );
      }
    });
  }

  test('the checks that hold are found too (most of the 18)', () => {
    let found = 0;
    for (const c of claims.filter((x) => x.holds)) {
      const { text } = seed(c.file);
      const region = claimRegion(text, c.claim);
      if (region && checkText(text).some((f) => f.holds && f.start >= region.start && f.end <= region.end)) found++;
    }
    assert.ok(found >= 15, `only ${found} of 18 holding claims were checked`);
  });
});
