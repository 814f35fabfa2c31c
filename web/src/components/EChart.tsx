import { useEffect, useRef, useState } from 'react';
import type { ECharts } from '../lib/echarts-setup.ts';

type Option = Parameters<ECharts['setOption']>[0];

/** One chart; ECharts is fetched on first use and the chart follows its box's size. */
export function EChart({ option, height = 260, label }: { option: Option; height?: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | null = null;
    void import('../lib/echarts-setup.ts').then(({ init }) => {
      if (disposed || !el.current) return;
      chart.current = init(el.current, undefined, { renderer: 'canvas' });
      ro = new ResizeObserver(() => chart.current?.resize());
      ro.observe(el.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} data-ready={ready ? 'true' : 'false'} />;
}
