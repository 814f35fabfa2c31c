/**
 * Who is asking: the account, its session and, on first use, the catalogue and its scope. Attached to
 * each request by the auth hook (hook.ts).
 */
import { type Generations, readGenerations } from '../../store/generations.ts';
import { loadModel } from '../../store/load-model.ts';
import type { Session } from '../../store/sessions.ts';
import type { User } from '../../store/users.ts';
import type { Model } from '../../workspace/model.ts';
import type { Catalogue } from '../catalogue.ts';
import type { ServerDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { scopeRoots, type UnitGraph } from './scope.ts';

export class Scope {
  constructor(
    readonly ids: ReadonlySet<string>,
    /** The graph the scope was computed from (counterparts and kinds, for the entry grid). */
    readonly graph: UnitGraph,
  ) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * Refuses unless every unit named is in scope. An unknown id is refused the same way, so the answer
   * does not tell whether a unit outside the scope exists.
   */
  require(...ids: (string | null | undefined)[]): void {
    for (const id of ids)
      if (id !== null && id !== undefined && !this.ids.has(id))
        throw new ApiError('forbidden', { vi: `Tài khoản không có quyền với đơn vị "${id}"`, en: `This account has no access to unit "${id}"` });
  }
}

export class AuthContext {
  private generationsPromise: Promise<Generations> | null = null;
  private cataloguePromise: Promise<Catalogue> | null = null;

  constructor(
    private readonly deps: Pick<ServerDeps, 'db' | 'catalogue' | 'models'>,
    readonly user: User,
    readonly session: Session,
    /** Read by the auth hook before the session was looked up. */
    generations?: Generations,
  ) {
    if (generations) this.generationsPromise = Promise.resolve(generations);
  }

  /** The store's generation counters, read once per request before anything cached is used. */
  generations(): Promise<Generations> {
    this.generationsPromise ??= readGenerations(this.deps.db);
    return this.generationsPromise;
  }

  /** The catalogue for this request: at least as new as the generation this request read. */
  catalogue(): Promise<Catalogue> {
    this.cataloguePromise ??= this.generations().then((g) => this.deps.catalogue.get(this.deps.db, g.catalogue));
    return this.cataloguePromise;
  }

  /** The account's scope, from the catalogue of this request. */
  async scope(): Promise<Scope> {
    const c = await this.catalogue();
    return new Scope(c.scopeOf(scopeRoots(this.user)), c);
  }

  /** The evaluation model of a unit over some years (approved figures), reused while nothing changed. */
  async model(unitId: string, fromYear: number, toYear: number): Promise<Model> {
    const [g, c] = await Promise.all([this.generations(), this.catalogue()]);
    return this.deps.models.get(`${unitId}|${fromYear}|${toYear}`, g, () =>
      loadModel(this.deps.db, {
        unitId,
        fromYear,
        toYear,
        preloaded: { units: [...c.units], successions: [...c.successions], indicators: [...c.indicators], resolutions: [...c.resolutions] },
      }),
    );
  }
}
