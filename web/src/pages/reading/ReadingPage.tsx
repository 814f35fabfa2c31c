/**
 * Đọc văn bản: paste or upload a report (TXT/DOCX), see every figure highlighted by kind and the
 * checker's findings beside the text, review the figures (indicator, unit, period, value, status) and
 * import the chosen ones as draft values, after a confirmation listing exactly what will be saved.
 */
import { Fragment, useMemo, useRef, useState } from 'react';
import { NumberInput } from '../../components/NumberInput.tsx';
import { ErrorNote, Modal, PageHeader } from '../../components/ui.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { ApiError, get, post, upload } from '../../lib/api.ts';
import { useUser } from '../../lib/auth.tsx';
import { fmtNumber } from '../../lib/format.ts';
import { href } from '../../lib/router.ts';
import type { Indicator, UnitView } from '../../lib/types.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { type Analysis, checkPeriod, initialRow, quoteOf, type ReviewRow, segments, type ValueStatus } from './model.ts';
import './reading.css';

/** Who may import (docs/api.md, "Đọc văn bản"): those who enter figures and the office. */
const IMPORT_ROLES = new Set(['quan_tri', 'van_phong', 'nhap_lieu']);
const STATUSES: ValueStatus[] = ['thuc_hien', 'uoc', 'so_bo'];

interface ImportResult {
  created: number;
  cells: { valueId: string; indicator: string; unitId: string; period: string; value: number }[];
}

export default function ReadingPage() {
  const { t } = useI18n();
  const user = useUser();
  const mayImport = IMPORT_ROLES.has(user.role);
  const [input, setInput] = useState('');
  const [docTitle, setDocTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [activeFinding, setActiveFinding] = useState<number | null>(null);
  const [activeFact, setActiveFact] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [importError, setImportError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const indicators = useLoad((signal) => get<{ indicators: Indicator[] }>('/api/indicators', { signal }).then((r) => r.indicators), []);
  const units = useLoad((signal) => get<{ units: UnitView[] }>('/api/units', { signal }).then((r) => r.units), []);
  const indByCode = useMemo(() => new Map((indicators.data ?? []).map((i) => [i.code, i])), [indicators.data]);
  const unitById = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);

  function show(a: Analysis, title: string) {
    setAnalysis(a);
    setRows(a.facts.map(initialRow));
    setActiveFinding(null);
    setActiveFact(null);
    setResult(null);
    setImportError(null);
    setDocTitle(title);
  }

  async function analysePasted() {
    setBusy(true);
    setError(null);
    try {
      const a = await post<Analysis>('/api/reading/analyze', { text: input });
      const first = a.text.split('\n').find((l) => l.trim())?.trim() ?? '';
      show(a, first.length > 100 ? `${first.slice(0, 100)}…` : first);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function analyseFile(file: File) {
    setBusy(true);
    setError(null);
    try {
      const a = await upload<Analysis>('/api/reading/analyze', 'file', file);
      setInput(a.text);
      show(a, file.name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  const hits = activeFinding !== null && analysis ? analysis.findings[activeFinding]!.spans : [];
  const segs = useMemo(() => (analysis ? segments(analysis.text.length, analysis.facts, hits) : []), [analysis, hits]);

  function pickFinding(i: number) {
    setActiveFinding(i === activeFinding ? null : i);
    requestAnimationFrame(() => textRef.current?.querySelector('.rd-hit')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }
  function pickFact(i: number) {
    setActiveFact(i);
    requestAnimationFrame(() => document.getElementById(`rd-row-${i}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }
  const patch = (i: number, p: Partial<ReviewRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));

  const chosen = rows.map((r, i) => ({ r, i })).filter((x) => x.r.checked);
  const rowProblem = (r: ReviewRow): string | null => {
    if (!r.indicator) return t('reading.err.indicator');
    if (!r.unitId) return t('reading.err.unit');
    const p = checkPeriod(r.period);
    if (!p.ok) return p.error;
    if (r.value === null) return t('reading.err.value');
    return null;
  };
  const problems = chosen.map((x) => rowProblem(x.r)).filter(Boolean);
  const canImport = mayImport && chosen.length > 0 && problems.length === 0 && docTitle.trim() !== '';

  async function doImport() {
    if (!analysis) return;
    setBusy(true);
    setImportError(null);
    try {
      const body = {
        document: docTitle.trim(),
        rows: chosen.map(({ r, i }) => {
          const f = analysis.facts[i]!;
          return { indicator: r.indicator, unitId: r.unitId, period: r.period, value: r.value, status: r.status, start: f.start, end: f.end, quote: quoteOf(analysis.text, f.start, f.end) };
        }),
      };
      const res = await post<ImportResult>('/api/reading/import', body);
      setResult(res);
      setConfirming(false);
      setRows((rs) => rs.map((r) => ({ ...r, checked: false })));
    } catch (e) {
      setImportError(e);
    } finally {
      setBusy(false);
    }
  }

  const kindLabel = (k: string) => t(`reading.kind.${k}` as MsgKey);
  const statusLabel = (s: ValueStatus) => t(`reading.status.${s}` as MsgKey);
  const unitName = (id: string) => unitById.get(id)?.displayName ?? id;
  const indName = (code: string) => indByCode.get(code)?.name ?? code;

  return (
    <div className="reading-page">
      <PageHeader title={t('reading.title')} />
      <div className="card">
        <label className="field rd-input">
          <span>{t('reading.paste')}</span>
          <textarea name="text" rows={analysis ? 4 : 10} value={input} onChange={(e) => setInput(e.target.value)} placeholder={t('reading.placeholder')} />
        </label>
        <div className="rd-actions">
          <button type="button" className="btn btn-primary" disabled={busy || !input.trim()} onClick={() => void analysePasted()} data-testid="analyse">
            {t('reading.analyse')}
          </button>
          <label className="btn">
            {t('reading.upload')}
            <input ref={fileRef} type="file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" hidden onChange={(e) => e.target.files?.[0] && void analyseFile(e.target.files[0])} />
          </label>
          <span className="muted">{t('reading.uploadHint')}</span>
        </div>
        <ErrorNote error={error} />
      </div>

      {analysis && (
        <>
          <div className="rd-legend" aria-label={t('reading.legend')}>
            {(['actual', 'plan', 'percent_of_plan', 'percent_of_same_period', 'ratio', 'count_of_targets', 'change'] as const).map((k) => (
              <span key={k} className={`rd-fact rd-k-${k}`}>
                {kindLabel(k)}
              </span>
            ))}
            <span className="muted">{t('reading.counts', { facts: analysis.facts.length, findings: analysis.findings.length, bad: analysis.findings.filter((f) => !f.holds).length })}</span>
          </div>
          <div className="rd-split">
            <div className="card rd-text" ref={textRef} data-testid="reading-text">
              {segs.map((s, i) => {
                const piece = analysis.text.slice(s.start, s.end);
                if (s.fact === null) return s.hit ? <mark key={i} className="rd-hit">{piece}</mark> : <Fragment key={i}>{piece}</Fragment>;
                const f = analysis.facts[s.fact]!;
                const tip = `${fmtNumber(f.value, 4)}${f.unit ? ` ${f.unit}` : ''} · ${kindLabel(f.kind)}${f.indicator ? ` · ${f.indicator}` : ''}${f.period ? ` · ${f.period}` : ''}`;
                return (
                  <span
                    key={i}
                    className={`rd-fact rd-k-${f.kind}${s.hit ? ' rd-hit' : ''}${rows[s.fact]?.checked ? ' rd-chosen' : ''}${activeFact === s.fact ? ' rd-active' : ''}`}
                    title={tip}
                    data-fact={s.fact}
                    data-kind={f.kind}
                    onClick={() => pickFact(s.fact!)}
                  >
                    {piece}
                  </span>
                );
              })}
            </div>
            <aside className="card rd-findings" aria-label={t('reading.findings')}>
              <h2>{t('reading.findings')}</h2>
              {analysis.findings.length === 0 && <p className="muted">{t('reading.noFindings')}</p>}
              <ul>
                {analysis.findings.map((f, i) => (
                  <li key={i}>
                    <button type="button" className={`rd-finding${f.holds ? ' ok' : ' bad'}${activeFinding === i ? ' on' : ''}`} onClick={() => pickFinding(i)} data-holds={String(f.holds)}>
                      <span className="rd-mark" aria-label={f.holds ? t('reading.holds') : t('reading.fails')}>
                        {f.holds ? '✓' : '✗'}
                      </span>
                      <span>
                        <q>{f.claim}</q>
                        <span className="rd-expl">{f.explanation}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </aside>
          </div>

          <div className="card">
            <div className="card-head">
              <h2>{t('reading.review')}</h2>
              {!mayImport && <span className="muted">{t('reading.readOnly')}</span>}
            </div>
            <div className="table-wrap rd-review">
              <table className="table compact">
                <thead>
                  <tr>
                    <th>{t('reading.col.pick')}</th>
                    <th>{t('reading.col.figure')}</th>
                    <th>{t('reading.col.indicator')}</th>
                    <th>{t('reading.col.unit')}</th>
                    <th>{t('reading.col.period')}</th>
                    <th>{t('reading.col.value')}</th>
                    <th>{t('reading.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.facts.map((f, i) => {
                    const r = rows[i]!;
                    const p = checkPeriod(r.period);
                    return (
                      <tr key={i} id={`rd-row-${i}`} className={activeFact === i ? 'rd-active-row' : undefined} data-row={i}>
                        <td>
                          <input type="checkbox" checked={r.checked} disabled={!mayImport} aria-label={t('reading.pickFigure', { text: f.text })} onChange={(e) => patch(i, { checked: e.target.checked })} />
                        </td>
                        <td>
                          <span className={`rd-fact rd-k-${f.kind}`}>{f.text}</span>
                          <div className="muted small">
                            {kindLabel(f.kind)}
                            {f.indicator ? ` · ${f.indicator}` : ''}
                          </div>
                        </td>
                        <td>
                          <select name="indicator" value={r.indicator} onChange={(e) => patch(i, { indicator: e.target.value })} aria-label={t('reading.col.indicator')}>
                            <option value="">{t('reading.none')}</option>
                            {(indicators.data ?? []).map((ind) => (
                              <option key={ind.code} value={ind.code}>
                                {ind.name} ({ind.measureUnit})
                              </option>
                            ))}
                          </select>
                          {f.match.indicator && <div className="muted small">{t('reading.score', { score: fmtNumber(f.match.score * 100, 0) })}</div>}
                        </td>
                        <td>
                          <select name="unit" value={r.unitId} onChange={(e) => patch(i, { unitId: e.target.value })} aria-label={t('reading.col.unit')}>
                            <option value="">{t('reading.none')}</option>
                            {(units.data ?? []).map((u) => (
                              <option key={u.id} value={u.id}>
                                {u.displayName}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <input name="period" value={r.period} onChange={(e) => patch(i, { period: e.target.value })} aria-label={t('reading.col.period')} aria-invalid={!!r.period && !p.ok} className={r.period && !p.ok ? 'invalid' : undefined} />
                          <div className={`small ${p.ok ? 'muted' : 'field-error'}`}>{p.ok ? p.label : r.period ? p.error : f.period ? t('reading.periodAsWritten', { period: f.period }) : ''}</div>
                        </td>
                        <td>
                          <NumberInput value={r.value} onChange={(v) => patch(i, { value: v })} aria-label={t('reading.col.value')} />
                        </td>
                        <td>
                          <select name="status" value={r.status} onChange={(e) => patch(i, { status: e.target.value as ValueStatus })} aria-label={t('reading.col.status')}>
                            {STATUSES.map((s) => (
                              <option key={s} value={s}>
                                {statusLabel(s)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {mayImport && (
              <div className="rd-actions">
                <label className="field rd-doc">
                  <span>{t('reading.document')}</span>
                  <input name="document" value={docTitle} onChange={(e) => setDocTitle(e.target.value)} />
                </label>
                <button type="button" className="btn btn-primary" disabled={!canImport} onClick={() => setConfirming(true)} data-testid="import">
                  {t('reading.import', { n: chosen.length })}
                </button>
                {chosen.length > 0 && problems.length > 0 && <span className="field-error">{t('reading.fixRows', { n: problems.length })}</span>}
              </div>
            )}
            {result && (
              <div className="alert alert-ok" role="status" data-testid="import-result">
                {t('reading.created', { n: result.created })}{' '}
                {result.cells[0] && <a href={href('entry', { unit: result.cells[0].unitId, period: result.cells[0].period })}>{t('reading.openEntry')}</a>}
              </div>
            )}
          </div>
        </>
      )}

      {confirming && analysis && (
        <Modal
          title={t('reading.confirmTitle', { n: chosen.length })}
          onClose={() => setConfirming(false)}
          wide
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void doImport()} data-testid="confirm-import">
                {t('reading.confirm')}
              </button>
            </>
          }
        >
          <p>{t('reading.confirmLead', { document: docTitle.trim() })}</p>
          <table className="table compact" data-testid="confirm-list">
            <thead>
              <tr>
                <th>{t('reading.col.indicator')}</th>
                <th>{t('reading.col.unit')}</th>
                <th>{t('reading.col.period')}</th>
                <th className="num">{t('reading.col.value')}</th>
                <th>{t('reading.col.status')}</th>
                <th>{t('reading.col.source')}</th>
              </tr>
            </thead>
            <tbody>
              {chosen.map(({ r, i }) => {
                const f = analysis.facts[i]!;
                const p = checkPeriod(r.period);
                return (
                  <tr key={i}>
                    <td>{indName(r.indicator)}</td>
                    <td>{unitName(r.unitId)}</td>
                    <td>{p.ok ? p.label : r.period}</td>
                    <td className="num">
                      {fmtNumber(r.value, 4)} {indByCode.get(r.indicator)?.measureUnit ?? ''}
                    </td>
                    <td>{statusLabel(r.status)}</td>
                    <td className="small">
                      {t('reading.place', { start: f.start, end: f.end })}: «{quoteOf(analysis.text, f.start, f.end)}»
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted">{t('reading.confirmNote')}</p>
          <ImportErrorNote error={importError} unitName={unitName} indName={indName} />
        </Modal>
      )}
    </div>
  );
}

/** The import's refusal; a 409 lists the figures already stored. */
function ImportErrorNote({ error, unitName, indName }: { error: unknown; unitName(id: string): string; indName(c: string): string }) {
  const { t } = useI18n();
  if (!error) return null;
  const current = error instanceof ApiError && error.code === 'conflict' ? (error.current as unknown as { indicator: string; unitId: string; period: string; value: number; state: string }[]) : [];
  return (
    <>
      <ErrorNote error={error} />
      {current.length > 0 && (
        <ul className="rd-clashes">
          {current.map((c, i) => (
            <li key={i}>{t('reading.clash', { indicator: indName(c.indicator), unit: unitName(c.unitId), period: c.period, value: fmtNumber(c.value, 4), state: t(`reading.state.${c.state}` as MsgKey) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}
