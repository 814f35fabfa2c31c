/**
 * Converts a validated workspace into the domain core's objects (pure), so that a file can be
 * evaluated in memory exactly as the store evaluates it.
 */
import type { Indicator } from '../core/indicators.ts';
import { ValueIndex, type MeasureContext } from '../core/measure.ts';
import type { Resolution } from '../core/resolutions.ts';
import { type Succession, type Unit, UnitIndex } from '../core/units.ts';
import type { Value } from '../core/values.ts';
import type { Workspace, WorkspaceIndicator, WorkspaceResolution, WorkspaceSuccession, WorkspaceUnit, WorkspaceValue } from './schema.ts';

export const toUnit = (u: WorkspaceUnit): Unit => ({ ...u });
export const toSuccession = (s: WorkspaceSuccession): Succession => ({
  fromId: s.from,
  toId: s.to,
  kind: s.kind,
  share: s.share,
  effectiveDate: s.effectiveDate,
  legalBasis: s.legalBasis,
});
export const toIndicator = (i: WorkspaceIndicator): Indicator => ({ ...i });
export const toResolution = (r: WorkspaceResolution): Resolution => ({ ...r, targets: r.targets.map((t) => ({ ...t })) });

/** The key of a value in a file, used as its id when evaluating in memory. */
export const valueKey = (v: Pick<WorkspaceValue, 'indicator' | 'unit' | 'period' | 'option'>): string =>
  `${v.indicator}|${v.unit}|${v.period}${v.option ? `|${v.option}` : ''}`;

export const toValue = (v: WorkspaceValue, id: string = valueKey(v)): Value => ({
  id,
  indicator: v.indicator,
  unitId: v.unit,
  period: v.period,
  option: v.option,
  value: v.value,
  status: v.status,
  source: v.source,
});

export interface Model {
  ctx: MeasureContext;
  units: Unit[];
  resolutions: Resolution[];
}

export function workspaceToModel(ws: Workspace): Model {
  const units = ws.units.map(toUnit);
  return {
    units,
    resolutions: ws.resolutions.map(toResolution),
    ctx: {
      units: new UnitIndex(units, ws.successions.map(toSuccession)),
      indicators: new Map(ws.indicators.map((i) => [i.code, toIndicator(i)])),
      values: new ValueIndex(ws.values.map((v) => toValue(v))),
    },
  };
}
