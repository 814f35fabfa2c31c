/**
 * Shapes of the JSON API (docs/api.md). Only what the UI reads; the server may send more.
 * Domain shapes (targets, rules, settings, evaluation results) come from src/core, which has no I/O.
 */
import type { EvaluationResult, Status } from '../../../src/core/evaluate.ts';
import type { Field, Indicator } from '../../../src/core/indicators.ts';
import type { EvaluationSettings, ResolutionScope, Target } from '../../../src/core/resolutions.ts';
import type { UnitKind } from '../../../src/core/units.ts';
import type { ValueStatus } from '../../../src/core/values.ts';

export type { EvaluationResult, Status, Field, Indicator, EvaluationSettings, ResolutionScope, Target, UnitKind, ValueStatus };

export type Role = 'quan_tri' | 'van_phong' | 'nhap_lieu' | 'lanh_dao' | 'kiem_tra';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitIds: string[];
  locale: string | null;
}

export interface Me {
  user: User;
  csrfToken: string;
}

export interface UnitView {
  id: string;
  code: string | null;
  name: string;
  displayName: string;
  kind: UnitKind;
  tree: 'state' | 'party';
  level: number;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  counterpartId: string | null;
}

export interface ParentLinkView {
  parentId: string;
  from: string | null;
  to: string | null;
  /** Some servers also name the parent. */
  name?: string;
  displayName?: string;
}

export interface SuccessionView {
  fromId?: string;
  toId?: string;
  from?: string;
  to?: string;
  kind: 'merge' | 'split' | 'rename';
  share: number | null;
  effectiveDate: string;
  legalBasis: string | null;
  unit?: UnitView;
  name?: string;
  displayName?: string;
}

export interface UnitDetail {
  unit: UnitView & { parents?: ParentLinkView[]; note?: string | null };
  parents: ParentLinkView[];
  predecessors: SuccessionView[];
  successors: SuccessionView[];
  children: UnitView[];
}

export type CellState = 'draft' | 'submitted' | 'approved' | 'returned';

export interface EntryCell {
  indicator: string;
  unitId: string;
  option: string | null;
  valueId: string | null;
  value: number | null;
  status: ValueStatus | null;
  state: CellState | null;
  version: number | null;
  note: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  reason?: string | null;
}

export interface EntryLock {
  unitId: string;
  lockedBy: string | null;
  lockedAt: string | null;
}

export type EntryIndicator = Pick<Indicator, 'code' | 'name' | 'measureUnit'> & Partial<Indicator>;

export interface EntryGrid {
  period: { code: string; label: string } | string;
  units: UnitView[];
  indicators: (EntryIndicator | string)[];
  cells: EntryCell[];
  locks: EntryLock[];
}

export interface ValueRevision {
  at: string;
  by: string | null;
  oldValue: number | null;
  newValue: number | null;
  oldStatus: ValueStatus | null;
  newStatus: ValueStatus | null;
  reason: string | null;
}

export interface ResolutionView {
  id: string;
  number: string;
  title: string;
  issuerId: string;
  issuedOn: string | null;
  scope: ResolutionScope;
  settings: EvaluationSettings;
  targets?: Target[];
  targetCount?: number;
}

export interface TargetHistory {
  years: { year: number; plan: number | null; actual: number | null; status: Status }[];
  children: { unitId: string; name: string; actual: number | null; plan: number | null; percentOfPlan: number | null; status: Status }[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface FieldProblem {
  path: string;
  message: string;
  sheet?: string;
  row?: number;
  column?: string | number;
}
