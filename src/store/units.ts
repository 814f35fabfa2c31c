/**
 * Units (đơn vị) and their parent links over time: queries only.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { foldForSearch } from '../core/text.ts';
import { type ParentLink, type Unit, type UnitKind, unitDisplayName } from '../core/units.ts';
import { chunk, column } from './batch.ts';
import type { DB, UnitParentsTable, UnitsTable } from './tables.ts';

/** Maps a row and its parent links (in order) to the domain object. */
export function rowToUnit(row: Selectable<UnitsTable>, parents: readonly Selectable<UnitParentsTable>[]): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as UnitKind,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    parents: [...parents].sort((a, b) => a.position - b.position).map(rowToParentLink),
    counterpartId: row.counterpart_id,
    note: row.note,
  };
}

function rowToParentLink(row: Selectable<UnitParentsTable>): ParentLink {
  return { parentId: row.parent_id, from: row.valid_from, to: row.valid_to };
}

export interface ListUnitsOptions {
  /** Only these ids. */
  ids?: readonly string[];
  /** Only units valid on this ISO date. */
  at?: string;
  /** Words that must all occur in the display name, ignoring diacritics ("ngan son"); or an exact code or id. */
  search?: string;
  kind?: UnitKind;
}

/** Units with their parent links, sorted by Vietnamese name then id. Two queries whatever the count. */
export async function listUnits(db: Kysely<DB>, opts: ListUnitsOptions = {}): Promise<Unit[]> {
  let q = db.selectFrom('units').selectAll();
  if (opts.ids) q = q.where('id', '=', sql<string>`any(${[...opts.ids]}::text[])`);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  if (opts.at) {
    const at = opts.at;
    q = q.where((eb) => eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', at)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', at)])]));
  }
  if (opts.search) {
    const raw = opts.search.normalize('NFC').trim();
    const words = foldForSearch(raw).split(' ').filter(Boolean);
    q = q.where((eb) =>
      eb.or([
        eb('code', '=', raw),
        eb('id', '=', raw),
        eb.and(words.map((w) => eb('search_name', 'like', `%${escapeLike(w)}%`))),
      ]),
    );
  }
  const rows = await q.execute();
  const parents = await parentsOf(db, opts.ids || opts.kind || opts.at || opts.search ? rows.map((r) => r.id) : null);
  const collator = new Intl.Collator('vi');
  return rows
    .map((r) => rowToUnit(r, parents.get(r.id) ?? []))
    .sort((a, b) => collator.compare(unitDisplayName(a), unitDisplayName(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One unit with its parent links, or null. */
export async function getUnit(db: Kysely<DB>, id: string): Promise<Unit | null> {
  return (await listUnits(db, { ids: [id] }))[0] ?? null;
}

/** Every unit id in the store. */
export async function listUnitIds(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('units').select('id').execute();
  return new Set(rows.map((r) => r.id));
}

/** Ids of the units whose parent link names `parentId` at any time. */
export async function listChildIds(db: Kysely<DB>, parentId: string): Promise<string[]> {
  const rows = await db.selectFrom('unit_parents').select('unit_id').distinct().where('parent_id', '=', parentId).execute();
  return rows.map((r) => r.unit_id);
}

/** Parent links grouped by unit; `null` = all units. */
async function parentsOf(db: Kysely<DB>, unitIds: readonly string[] | null): Promise<Map<string, Selectable<UnitParentsTable>[]>> {
  let q = db.selectFrom('unit_parents').selectAll();
  if (unitIds) q = q.where('unit_id', '=', sql<string>`any(${[...unitIds]}::text[])`);
  const out = new Map<string, Selectable<UnitParentsTable>[]>();
  for (const p of await q.execute()) (out.get(p.unit_id) ?? out.set(p.unit_id, []).get(p.unit_id)!).push(p);
  return out;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface UpsertUnitsOptions {
  /**
   * 'replace': the units are written exactly as given (counterpart included) and their parent links
   * replaced. 'merge' (official lists such as dvhcvn): name, code, kind and validity are updated, a
   * counterpart set by the user is kept, and a parent link is only added when the unit has no link to
   * that parent yet, so links the user added survive a re-import.
   */
  mode: 'replace' | 'merge';
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/** Inserts or updates units and their parent links, in batches. */
export async function upsertUnits(db: Kysely<DB>, units: readonly Unit[], opts: UpsertUnitsOptions, onBatch?: (n: number) => void): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0 };
  for (const batch of chunk(units)) {
    const r = await sql<{ inserted: boolean }>`
      insert into units (id, code, name, kind, valid_from, valid_to, counterpart_id, note, search_name)
      select id, code, name, kind, valid_from::date, valid_to::date, counterpart_id, note, search_name
      from unnest(${column(batch, (u) => u.id)}::text[], ${column(batch, (u) => u.code)}::text[], ${column(batch, (u) => u.name)}::text[],
                  ${column(batch, (u) => u.kind)}::text[], ${column(batch, (u) => u.validFrom)}::text[], ${column(batch, (u) => u.validTo)}::text[],
                  ${column(batch, (u) => u.counterpartId)}::text[], ${column(batch, (u) => u.note)}::text[],
                  ${column(batch, (u) => foldForSearch(unitDisplayName(u)))}::text[])
        as t(id, code, name, kind, valid_from, valid_to, counterpart_id, note, search_name)
      on conflict (id) do update set
        code = excluded.code, name = excluded.name, kind = excluded.kind, valid_from = excluded.valid_from,
        valid_to = excluded.valid_to, note = excluded.note, search_name = excluded.search_name,
        counterpart_id = ${opts.mode === 'merge' ? sql`coalesce(excluded.counterpart_id, units.counterpart_id)` : sql`excluded.counterpart_id`}
      returning (xmax = 0) as inserted`.execute(db);
    for (const row of r.rows) row.inserted ? counts.inserted++ : counts.updated++;
    onBatch?.(batch.length);
  }
  const links = units.flatMap((u) => u.parents.map((p, position) => ({ unitId: u.id, position, ...p })));
  if (opts.mode === 'replace') {
    for (const ids of chunk(units.map((u) => u.id))) await db.deleteFrom('unit_parents').where('unit_id', '=', sql<string>`any(${ids}::text[])`).execute();
    await insertParentLinks(db, links);
  } else await addMissingParentLinks(db, links);
  return counts;
}

type LinkRow = ParentLink & { unitId: string; position: number };

async function insertParentLinks(db: Kysely<DB>, links: readonly LinkRow[]): Promise<void> {
  for (const b of chunk(links))
    await sql`
      insert into unit_parents (unit_id, position, parent_id, valid_from, valid_to)
      select unit_id, position, parent_id, valid_from::date, valid_to::date
      from unnest(${column(b, (l) => l.unitId)}::text[], ${column(b, (l) => l.position)}::int[], ${column(b, (l) => l.parentId)}::text[],
                  ${column(b, (l) => l.from)}::text[], ${column(b, (l) => l.to)}::text[]) as t(unit_id, position, parent_id, valid_from, valid_to)`.execute(db);
}

/**
 * Adds the links whose (unit, parent) pair is not there yet, after the unit's existing links. The
 * position is computed per row in SQL, so a batch must not hold two new links of the same unit to
 * the same parent (official lists give one parent per unit).
 */
async function addMissingParentLinks(db: Kysely<DB>, links: readonly LinkRow[]): Promise<void> {
  for (const b of chunk(links))
    await sql`
      insert into unit_parents (unit_id, position, parent_id, valid_from, valid_to)
      select t.unit_id,
             coalesce((select max(p.position) + 1 from unit_parents p where p.unit_id = t.unit_id), 0) + t.position,
             t.parent_id, t.valid_from::date, t.valid_to::date
      from unnest(${column(b, (l) => l.unitId)}::text[], ${column(b, (l) => l.position)}::int[], ${column(b, (l) => l.parentId)}::text[],
                  ${column(b, (l) => l.from)}::text[], ${column(b, (l) => l.to)}::text[]) as t(unit_id, position, parent_id, valid_from, valid_to)
      where not exists (select 1 from unit_parents p where p.unit_id = t.unit_id and p.parent_id = t.parent_id)`.execute(db);
}
