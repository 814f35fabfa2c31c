/**
 * Charts as SVG, rendered server-side by ECharts (no DOM, no browser). Numbers on axes and labels are
 * written the Vietnamese way. ECharts is loaded on first use, so building a report or writing XLSX does
 * not pay for it.
 */
import { formatViNumber } from '../../core/numbers.ts';
import type { ReportChart } from '../model.ts';

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 640, height: 320 };

type ECharts = typeof import('echarts');
let echartsModule: Promise<ECharts> | null = null;
const loadEcharts = (): Promise<ECharts> => (echartsModule ??= import('echarts'));

/** Renders a chart of the report to an SVG string. */
export async function renderChartSvg(chart: ReportChart, fontFamily: string, size: ChartSize = DEFAULT_CHART_SIZE): Promise<string> {
  const echarts = await loadEcharts();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    const vi = (v: number) => formatViNumber(v, { maxDecimals: 2 });
    instance.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily, fontSize: 13, color: '#000' },
      title: { text: chart.title, left: 'center', top: 4, textStyle: { fontFamily, fontSize: 14, fontWeight: 'bold', width: size.width - 40, overflow: 'break' } },
      legend: { bottom: 4, textStyle: { fontFamily } },
      grid: { left: 64, right: 24, top: 64, bottom: 56 },
      xAxis: { type: 'category', data: chart.categories, axisLabel: { fontFamily, interval: 0 } },
      yAxis: { type: 'value', name: chart.unit, nameTextStyle: { fontFamily }, axisLabel: { fontFamily, formatter: vi } },
      series: chart.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        itemStyle: { color: s.role === 'plan' ? '#b8b8b8' : '#1f4e8c' },
        // No text border: Chromium prints stroked text as a Type 3 font.
        label: { show: true, position: 'top', fontFamily, fontSize: 11, color: '#000', textBorderWidth: 0, textBorderColor: 'transparent', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? vi(p.value) : '') },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
