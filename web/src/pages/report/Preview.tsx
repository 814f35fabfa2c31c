/**
 * The report as the office will sign it: title block, sections I–IV, the appendix table. Every number
 * that has stored values behind it is a button (Tab, Enter) that opens the source panel.
 */
import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { ReportView, Sentence, TracedNumber } from './types.ts';

export interface Picked {
  number: TracedNumber;
  sentence: string;
}

function SentenceText({ s, onPick, picked }: { s: Sentence; onPick(p: Picked): void; picked: TracedNumber | null }) {
  const { t } = useI18n();
  const parts: ReactNode[] = [];
  let at = 0;
  [...s.numbers]
    .sort((a, b) => a.start - b.start)
    .forEach((n, i) => {
      if (n.start > at) parts.push(s.text.slice(at, n.start));
      const text = s.text.slice(n.start, n.end);
      if (n.sources.length > 0 || n.kind === 'plan')
        parts.push(
          <button
            key={i}
            type="button"
            className={`traced-num${picked === n ? ' picked' : ''}`}
            data-kind={n.kind}
            data-sources={n.sources.join(',')}
            title={t('report.numberHint')}
            aria-pressed={picked === n}
            onClick={() => onPick({ number: n, sentence: s.text })}
          >
            {text}
          </button>,
        );
      else parts.push(<span key={i}>{text}</span>);
      at = Math.max(at, n.end);
    });
  if (at < s.text.length) parts.push(s.text.slice(at));
  return <>{parts}</>;
}

function Sentences({ list, onPick, picked }: { list: Sentence[]; onPick(p: Picked): void; picked: TracedNumber | null }) {
  return (
    <>
      {list.map((s, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <SentenceText s={s} onPick={onPick} picked={picked} />
        </Fragment>
      ))}
    </>
  );
}

export function Preview({ report, onPick, picked }: { report: ReportView; onPick(p: Picked): void; picked: TracedNumber | null }) {
  const { t } = useI18n();
  const h = report.header;
  return (
    <article className="report-doc" aria-label={t('report.preview')} data-testid="report-preview">
      <table className="report-head" role="presentation">
        <tbody>
          <tr>
            <td>
              {h.superior && <div>{h.superior}</div>}
              {h.issuer.map((l, i) => (
                <div key={i} className="bold">
                  {l}
                </div>
              ))}
              <div className="star">*</div>
              <div>{h.numberLine}</div>
            </td>
            <td>
              <div className="bold national">{h.standard === 'party' ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'}</div>
              {h.standard === 'state' && <div className="bold">Độc lập - Tự do - Hạnh phúc</div>}
              <div className="italic place-date">{h.placeDate}</div>
            </td>
          </tr>
        </tbody>
      </table>
      <h2 className="doc-type">{h.docType}</h2>
      <div className="doc-summary">{h.summary}</div>
      <div className="doc-rule" />

      <p className="body">
        <Sentences list={report.intro} onPick={onPick} picked={picked} />
      </p>
      {report.introFree.map((p, i) => (
        <p key={i} className="body free">
          {p}
        </p>
      ))}

      {report.sections.map((sec) => (
        <section key={sec.id} data-section={sec.id}>
          <h3 className="section-title">
            {sec.number}. {sec.title}
          </h3>
          {sec.blocks.map((b, i) =>
            b.kind === 'heading' ? (
              <h4 key={i} className="block-heading">
                {b.text}
              </h4>
            ) : b.kind === 'paragraph' ? (
              <p key={i} className="body">
                {b.bullet ? '- ' : ''}
                <Sentences list={b.sentences} onPick={onPick} picked={picked} />
              </p>
            ) : (
              <div key={i} className="free" data-free={b.key}>
                {b.title && <h4 className="block-heading">{b.title}</h4>}
                {b.paragraphs.map((p, j) => (
                  <p key={j} className="body">
                    {p}
                  </p>
                ))}
              </div>
            ),
          )}
        </section>
      ))}

      <table className="report-sign" role="presentation">
        <tbody>
          <tr>
            <td className="recipients">
              <div className="underline">{t('report.signature')}:</div>
              {h.recipients.map((r, i) => (
                <div key={i}>- {r}</div>
              ))}
            </td>
            <td className="signature">
              <div className="bold">{h.signature.authority}</div>
              <div className="bold">{h.signature.title}</div>
              <div className="sign-space" />
              <div className="bold">{h.signature.name}</div>
            </td>
          </tr>
        </tbody>
      </table>

      <section className="appendix" aria-label={t('report.appendix')}>
        <h3 className="doc-type">{report.appendix.title}</h3>
        <div className="doc-summary">{report.appendix.subtitle}</div>
        <div className="table-wrap">
          <table className="appendix-table">
            <thead>
              <tr>
                {report.appendix.columns.map((c) => (
                  <th key={c.key}>{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.appendix.groups.map((g) => (
                <Fragment key={g.number}>
                  <tr className="group">
                    <td>{g.number}</td>
                    <td colSpan={report.appendix.columns.length - 1}>{g.title}</td>
                  </tr>
                  {g.rows.map((r) => (
                    <tr key={r.targetId} data-target={r.targetId}>
                      {report.appendix.columns.map((c) => (
                        <td key={c.key} className={c.key === 'name' ? 'name' : 'num'}>
                          {cell(r, c.key)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}

function cell(r: ReportView['appendix']['groups'][number]['rows'][number], key: string): string {
  const o = r as unknown as Record<string, unknown>;
  const v = o[`${key}Text`] ?? o[key];
  if (key === 'status') return r.statusLabel;
  return v === null || v === undefined ? '' : String(v);
}
