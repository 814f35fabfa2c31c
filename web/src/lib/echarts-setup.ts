/**
 * ECharts, only the parts the charts use. Loaded with a dynamic import by the pages that draw charts,
 * so the first page never downloads it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
export type ECharts = ReturnType<typeof init>;
