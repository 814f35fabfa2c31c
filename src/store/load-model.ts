/**
 * Loads from the store the same {@link Model} that `workspaceToModel` builds from a file, so the pure
 * evaluation runs unchanged on either. Units, successions, indicators and resolutions are small and
 * loaded whole; values, the large part, only for the units an evaluation of one unit can reach.
 */
import type { Kysely } from 'kysely';
import type { Indicator } from '../core/indicators.ts';
import { ValueIndex } from '../core/measure.ts';
import { monthIndex } from '../core/periods.ts';
import type { Resolution } from '../core/resolutions.ts';
import { type Succession, type Unit, UnitIndex } from '../core/units.ts';
import type { Figure, Revision } from '../core/values.ts';
import type { Model } from '../workspace/model.ts';
import { listIndicators } from './indicators.ts';
import { listResolutions } from './resolutions.ts';
import { listSuccessions } from './successions.ts';
import type { DB } from './tables.ts';
import { listUnits } from './units.ts';
import { listFigures, listRevisions, listValues, type StoredValue } from './values.ts';

/**
 * The units whose figures can count for `rootId`: the unit, its counterpart, everything below it at
 * any time in either tree, the predecessors of any of those (a merged commune's history is its
 * predecessors' figures), and so on until nothing new is reached. Pure.
 */
export function unitClosure(units: readonly Unit[], successions: readonly Succession[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) for (const p of u.parents) (children.get(p.parentId) ?? children.set(p.parentId, []).get(p.parentId)!).push(u.id);
  const predecessors = new Map<string, string[]>();
  for (const s of successions) (predecessors.get(s.toId) ?? predecessors.set(s.toId, []).get(s.toId)!).push(s.fromId);
  const counterpart = new Map<string, string>();
  for (const u of units)
    if (u.counterpartId) {
      counterpart.set(u.id, u.counterpartId);
      if (!counterpart.has(u.counterpartId)) counterpart.set(u.counterpartId, u.id);
    }
  const seen = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const cp = counterpart.get(id);
    if (cp) stack.push(cp);
    stack.push(...(children.get(id) ?? []), ...(predecessors.get(id) ?? []));
  }
  return seen;
}

export interface LoadModelOptions {
  /** The unit to be evaluated. */
  unitId: string;
  /** First year of the evaluation; values from the year before are loaded too (cùng kỳ, base year). */
  fromYear: number;
  toYear: number;
  /** What the caller has already read (the web server keeps the catalogue between requests). */
  preloaded?: { units: Unit[]; successions: Succession[]; indicators?: Indicator[]; resolutions?: Resolution[] };
}

/**
 * The model for evaluating `unitId` over [fromYear, toYear]: all units, successions, indicators and
 * resolutions, and the values of {@link unitClosure} whose period overlaps the years
 * [fromYear − 1, toYear] (a term figure 2020–2025 overlaps 2025, so it is there for a 2025 evaluation).
 * Only approved figures count (drafts, submitted and returned figures are work in progress; imported
 * figures are approved). Value ids are the store ids as strings. Five queries whatever the size.
 */
export async function loadModel(db: Kysely<DB>, opts: LoadModelOptions): Promise<Model> {
  const [units, successions, indicators, resolutions] = await Promise.all([
    opts.preloaded ? opts.preloaded.units : listUnits(db),
    opts.preloaded ? opts.preloaded.successions : listSuccessions(db),
    opts.preloaded?.indicators ?? listIndicators(db),
    opts.preloaded?.resolutions ?? listResolutions(db),
  ]);
  const ids = unitClosure(units, successions, opts.unitId);
  const values = await listFigures(db, {
    unitIds: [...ids],
    overlapping: { from: monthIndex(opts.fromYear - 1, 1), to: monthIndex(opts.toYear, 12) },
    states: ['approved'],
  });
  return buildModel(units, successions, indicators, resolutions, values);
}

function buildModel(units: Unit[], successions: Succession[], indicators: Indicator[], resolutions: Resolution[], values: Figure[]): Model {
  return {
    units,
    resolutions,
    ctx: {
      units: new UnitIndex(units, successions),
      indicators: new Map(indicators.map((i) => [i.code, i])),
      values: new ValueIndex(values),
    },
  };
}

/** Everything in the store, for an export or a whole-store model. */
export interface StoreSnapshot {
  units: Unit[];
  successions: Succession[];
  indicators: Indicator[];
  resolutions: Resolution[];
  values: StoredValue[];
  /** Revisions by value id (the number behind `StoredValue.id`), oldest first. */
  revisions: Map<number, Revision[]>;
}

/** The whole store. Six queries. Sized for exports: values and revisions are held in memory. */
export async function loadAll(db: Kysely<DB>): Promise<StoreSnapshot> {
  // In parallel: PostgreSQL runs them on several connections; PGlite simply queues them.
  const [units, successions, indicators, resolutions, values, revisions] = await Promise.all([
    listUnits(db),
    listSuccessions(db),
    listIndicators(db),
    listResolutions(db),
    listValues(db),
    listRevisions(db),
  ]);
  return { units, successions, indicators, resolutions, values, revisions };
}

/** A model of the whole store (every value), like `workspaceToModel` of a full export. */
export function snapshotToModel(s: StoreSnapshot): Model {
  return buildModel(s.units, s.successions, s.indicators, s.resolutions, s.values);
}
