// Charts of the follow-up dashboard, drawn on the server with Apache ECharts' SVG renderer (no DOM, no client
// JavaScript): the page sends a finished SVG, so the chart is there without JavaScript, and the same numbers
// stand in an accessible table beside it. Colours are dark enough for 3:1 against white (WCAG 1.4.11).
import * as echarts from 'echarts';

export interface ChartSeries {
  name: string;
  /** null: no value to draw (e.g. a suppressed count), a gap rather than a misleading zero. */
  values: (number | null)[];
}

export interface ChartSpec {
  kind: 'bar' | 'stackedBar' | 'line';
  categories: string[];
  series: ChartSeries[];
}

const palette = ['#1d4f91', '#b04a00', '#2b6b2f', '#6b2c91', '#8c1c3a', '#4a4a4a'];

export function chartSvg(spec: ChartSpec, size = { width: 640, height: 320 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13, color: '#1a1a1a' },
      legend: { top: 0, textStyle: { color: '#1a1a1a' } },
      grid: { left: 48, right: 16, top: 56, bottom: 64, containLabel: true },
      xAxis: {
        type: 'category',
        data: spec.categories,
        axisLabel: { interval: 0, color: '#1a1a1a', width: Math.max(60, (size.width - 120) / Math.max(1, spec.categories.length)), overflow: 'break' },
        axisLine: { lineStyle: { color: '#4a4a4a' } },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1a1a1a' }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
      series: spec.series.map((s) => ({
        name: s.name,
        type: spec.kind === 'line' ? 'line' : 'bar',
        stack: spec.kind === 'stackedBar' ? 'total' : undefined,
        data: s.values,
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: 3 },
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
