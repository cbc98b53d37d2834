import type { IndicatorFigures } from '@familiespor/contracts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts a dashboard uses, so the page's chunk stays small (ECharts is tree-shaken).
use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Okabe–Ito colours, told apart by most colour-blind readers; the marker shapes differ too. */
const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const symbols = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'];

export type ChartSeries = { key: string; name: string; values: (number | null)[] };

/** The figures as series: one per breakdown value (or the total), over the period's buckets. */
export function chartSeries(
  figures: IndicatorFigures,
  nameOf: (p: IndicatorFigures['points'][number]) => string,
): { buckets: string[]; series: ChartSeries[] } {
  const buckets = [...new Set(figures.points.map((p) => p.bucket))];
  const byKey = new Map<string, ChartSeries>();
  for (const p of figures.points) {
    const key = p.value ?? '';
    let s = byKey.get(key);
    if (!s) {
      s = { key, name: nameOf(p), values: buckets.map(() => null) };
      byKey.set(key, s);
    }
    s.values[buckets.indexOf(p.bucket)] = p.result;
  }
  return { buckets, series: [...byKey.values()] };
}

/**
 * One indicator over time, drawn with ECharts for the eye. It is an image to assistive
 * technology (its label names the table below, which holds the same numbers), so a screen
 * reader is not walked through SVG paths.
 */
export function IndicatorChart({
  label,
  bucketLabels,
  series,
  format,
}: {
  label: string;
  bucketLabels: string[];
  series: ChartSeries[];
  format: (value: number) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'svg' });
    const bars = bucketLabels.length === 1;
    const option: Option = {
      animation: false,
      color: colours,
      grid: { left: 8, right: 16, top: series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
      legend: series.length > 1 ? { top: 0, textStyle: { fontSize: 14 } } : { show: false },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '–') },
      xAxis: { type: 'category', data: bucketLabels, axisLabel: { fontSize: 13 } },
      yAxis: { type: 'value', min: 0, axisLabel: { fontSize: 13, formatter: (v: number) => format(v) } },
      series: series.map((s, i) =>
        bars
          ? { type: 'bar', name: s.name, data: s.values }
          : {
              type: 'line',
              name: s.name,
              data: s.values,
              symbol: symbols[i % symbols.length] ?? 'circle',
              symbolSize: 8,
              lineStyle: { width: 3 },
              connectNulls: false,
            },
      ),
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bucketLabels, series, format]);
  return <div ref={ref} className="fs-indicator-chart" role="img" aria-label={label} />;
}
