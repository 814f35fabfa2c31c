/**
 * Indicators (chỉ số): queries only. A store holds tens to a few hundred of them.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Direction, Field, Indicator, TimeAggregation, UnitAggregation, ValueType } from '../core/indicators.ts';
import { chunk } from './batch.ts';
import type { DB, IndicatorsTable } from './tables.ts';

export function rowToIndicator(row: Selectable<IndicatorsTable>): Indicator {
  return {
    code: row.code,
    name: row.name,
    aliases: row.aliases,
    measureUnit: row.measure_unit,
    field: row.field as Field,
    direction: row.direction as Direction,
    valueType: row.value_type as ValueType,
    timeAggregation: row.time_aggregation as TimeAggregation,
    unitAggregation: row.unit_aggregation as UnitAggregation,
    ratio: row.ratio,
    precision: row.precision,
    disaggregation: row.disaggregation,
    tree: row.tree as Indicator['tree'],
    priceBasis: row.price_basis,
    description: row.description,
  };
}

function indicatorToRow(i: Indicator): Insertable<IndicatorsTable> {
  return {
    code: i.code,
    name: i.name,
    aliases: JSON.stringify(i.aliases),
    measure_unit: i.measureUnit,
    field: i.field,
    direction: i.direction,
    value_type: i.valueType,
    time_aggregation: i.timeAggregation,
    unit_aggregation: i.unitAggregation,
    ratio: JSON.stringify(i.ratio),
    precision: i.precision,
    disaggregation: JSON.stringify(i.disaggregation),
    tree: i.tree,
    price_basis: i.priceBasis,
    description: i.description,
  };
}

/** Every indicator, by code. */
export async function listIndicators(db: Kysely<DB>): Promise<Indicator[]> {
  return (await db.selectFrom('indicators').selectAll().orderBy('code').execute()).map(rowToIndicator);
}

/** Inserts indicators or replaces those with the same code. Multi-row statements of 500. */
export async function upsertIndicators(db: Kysely<DB>, list: readonly Indicator[]): Promise<void> {
  for (const b of chunk(list, 500)) {
    await db
      .insertInto('indicators')
      .values(b.map(indicatorToRow))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          aliases: eb.ref('excluded.aliases'),
          measure_unit: eb.ref('excluded.measure_unit'),
          field: eb.ref('excluded.field'),
          direction: eb.ref('excluded.direction'),
          value_type: eb.ref('excluded.value_type'),
          time_aggregation: eb.ref('excluded.time_aggregation'),
          unit_aggregation: eb.ref('excluded.unit_aggregation'),
          ratio: eb.ref('excluded.ratio'),
          precision: eb.ref('excluded.precision'),
          disaggregation: eb.ref('excluded.disaggregation'),
          tree: eb.ref('excluded.tree'),
          price_basis: eb.ref('excluded.price_basis'),
          description: eb.ref('excluded.description'),
        })),
      )
      .execute();
  }
}
