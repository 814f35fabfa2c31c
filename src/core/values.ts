/**
 * Values (số liệu): one figure of an indicator for a unit and a period, with its status and provenance,
 * and every revision kept.
 */

/** thực hiện (actual), ước thực hiện (estimate), sơ bộ (preliminary): domain-rules §1.1. */
export type ValueStatus = 'thuc_hien' | 'uoc' | 'so_bo';

export const VALUE_STATUS_LABEL: Record<ValueStatus, string> = {
  thuc_hien: 'thực hiện',
  uoc: 'ước thực hiện',
  so_bo: 'sơ bộ',
};

/** Where a figure comes from: a document and a place in it, or a person. */
export interface Provenance {
  document: string | null;
  /** Place in the document: a paragraph, a table row, or a character span "1129-1160". */
  place: string | null;
  person: string | null;
  note: string | null;
}

export interface Revision {
  at: string;
  by: string | null;
  oldValue: number | null;
  newValue: number | null;
  oldStatus: ValueStatus | null;
  newStatus: ValueStatus | null;
  reason: string | null;
}

export interface Value {
  /** Store id; evaluation results cite it. */
  id: string;
  indicator: string;
  unitId: string;
  /** Canonical period code: "2024", "2025-Q1". */
  period: string;
  /** Disaggregation option code, or null for the total. */
  option: string | null;
  value: number;
  status: ValueStatus;
  source: Provenance;
}

/** What the evaluation reads of a value: everything but its provenance (loaded on demand). */
export type Figure = Omit<Value, 'source'>;
