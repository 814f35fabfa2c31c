/**
 * The catalogue (units, successions, indicators, resolutions) kept between requests. Every request
 * reads the store's generation counter (one small row, bumped by triggers in the transaction of any
 * change, whoever makes it) and reloads the catalogue only when it moved: nothing stale is ever
 * served, and a dashboard request costs one query for the catalogue instead of seven.
 *
 * The objects are shared by concurrent requests: treat them as read-only.
 */
import type { Kysely } from 'kysely';
import type { Indicator } from '../core/indicators.ts';
import type { Resolution } from '../core/resolutions.ts';
import type { Model } from '../workspace/model.ts';
import { type Succession, type Unit, UnitIndex } from '../core/units.ts';
import { type Generations, readGenerations } from '../store/generations.ts';
import { listIndicators } from '../store/indicators.ts';
import { listResolutions } from '../store/resolutions.ts';
import { listSuccessions } from '../store/successions.ts';
import type { DB } from '../store/tables.ts';
import { listUnits } from '../store/units.ts';
import { computeScope } from './auth/scope.ts';

export class Catalogue {
  readonly index: UnitIndex;
  readonly indicatorsByCode: ReadonlyMap<string, Indicator>;
  private readonly scopes = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly generation: number,
    readonly units: readonly Unit[],
    readonly successions: readonly Succession[],
    readonly indicators: readonly Indicator[],
    readonly resolutions: readonly Resolution[],
  ) {
    this.index = new UnitIndex(units, successions);
    this.indicatorsByCode = new Map(indicators.map((i) => [i.code, i]));
  }

  /** The scope of a set of root units ('all': every unit), computed once per generation. */
  scopeOf(roots: readonly string[] | 'all'): ReadonlySet<string> {
    const key = roots === 'all' ? '*' : roots.join('\n');
    let s = this.scopes.get(key);
    if (!s) {
      s = roots === 'all' ? new Set(this.units.map((u) => u.id)) : computeScope(this, roots);
      this.scopes.set(key, s);
    }
    return s;
  }
}

export class CatalogueCache {
  private current: Catalogue | null = null;
  private loading: Promise<Catalogue> | null = null;

  /** The catalogue at least as new as `generation` (read by the caller from the store just before). */
  async get(db: Kysely<DB>, generation: number): Promise<Catalogue> {
    for (;;) {
      if (this.current && this.current.generation >= generation) return this.current;
      // Concurrent requests share one load; a load that began before a newer change is not enough.
      this.loading ??= this.load(db).finally(() => (this.loading = null));
      const c = await this.loading;
      if (!this.current || c.generation > this.current.generation) this.current = c;
      if (c.generation >= generation) return c;
    }
  }

  /** The generation and the data from one snapshot, so the two always match. */
  private load(db: Kysely<DB>): Promise<Catalogue> {
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const { catalogue } = await readGenerations(trx);
        const [units, successions, indicators, resolutions] = await Promise.all([listUnits(trx), listSuccessions(trx), listIndicators(trx), listResolutions(trx)]);
        return new Catalogue(catalogue, units, successions, indicators, resolutions);
      });
  }
}

/**
 * Models (catalogue + approved figures of a unit's closure over some years) between requests, keyed
 * by unit and years and tagged with the store generations the request read before loading: a model
 * is reused only while neither the catalogue nor any figure changed, so an evaluation is never
 * computed on stale figures. Least recently used entries go first.
 */
export class ModelCache {
  private readonly entries = new Map<string, { generations: string; model: Promise<Model> }>();

  constructor(private readonly max = 32) {}

  get(key: string, generations: Generations, load: () => Promise<Model>): Promise<Model> {
    const tag = `${generations.catalogue}/${generations.data}`;
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.generations === tag) {
      this.entries.set(key, hit);
      return hit.model;
    }
    const model = load();
    const entry = { generations: tag, model };
    this.entries.set(key, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    // A failed load must not stay cached; the caller gets the rejection from `model` itself, so this
    // handler only forgets the entry.
    model.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return model;
  }
}
