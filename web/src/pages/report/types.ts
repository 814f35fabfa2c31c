/** GET /api/report and /api/report/sources (docs/api.md, "Báo cáo"). */
import type { Status } from '../../../../src/core/evaluate.ts';

export interface TracedNumber {
  start: number;
  end: number;
  text: string;
  value: number;
  kind: string;
  sources: string[];
  targetIds: string[];
}

export interface Sentence {
  text: string;
  numbers: TracedNumber[];
}

export type FreeTextKey = 'intro' | 'achievements' | 'limitations' | 'causes' | 'directions' | 'proposals';
export const FREE_TEXT_KEYS: FreeTextKey[] = ['intro', 'achievements', 'limitations', 'causes', 'directions', 'proposals'];
export type FreeText = Partial<Record<FreeTextKey, string>>;

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; sentences: Sentence[]; bullet?: boolean }
  | { kind: 'free_text'; key: FreeTextKey; title: string | null; paragraphs: string[] };

export interface AppendixRow {
  targetId: string;
  no: number;
  code: string;
  name: string;
  unit: string;
  planText: string;
  actualText: string;
  percentText: string;
  samePeriodText: string;
  status: Status;
  statusLabel: string;
  note: string;
  sources: string[];
}

export interface ReportView {
  unit: { id: string; code: string | null; name: string };
  period: { code: string; label: string };
  resolution: { id: string; number: string; title: string; citation: string };
  header: {
    standard: 'party' | 'state';
    superior: string;
    issuer: string[];
    numberLine: string;
    placeDate: string;
    docType: string;
    summary: string;
    signature: { authority: string; title: string; name: string };
    recipients: string[];
  };
  intro: Sentence[];
  introFree: string[];
  sections: { id: string; number: string; title: string; blocks: ReportBlock[] }[];
  appendix: { title: string; subtitle: string; columns: { key: string; label: string }[]; groups: { number: string; title: string; rows: AppendixRow[] }[] };
  freeText: FreeText;
  notesUpdatedAt: string | null;
  notesUpdatedBy: string | null;
}

export interface SourceValue {
  id: string;
  indicator: string;
  indicatorName: string;
  measureUnit: string;
  unitId: string;
  unitName: string;
  period: string;
  periodLabel: string;
  option: string | null;
  optionLabel: string | null;
  value: number;
  status: 'thuc_hien' | 'uoc' | 'so_bo';
  state: string;
  note: string | null;
  source: { document: string | null; place: string | null; person: string | null; note: string | null };
  updatedAt: string;
  updatedBy: string | null;
}
