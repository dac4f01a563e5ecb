'use client';

import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { usePrefersDark } from '@/components/shell/use-prefers-dark';
import { alignedSeries, type MetricSpec, type StatsHistory } from '@/lib/client/stats/stats-history';
import { StatsSummary } from './stats-summary';

/** Line colours with at least 3:1 contrast on the page's white (light) and slate-950 (dark) backgrounds. */
const palette = {
  light: ['#2563eb', '#b45309', '#047857', '#a21caf', '#0e7490', '#be123c'],
  dark: ['#60a5fa', '#fbbf24', '#34d399', '#e879f9', '#22d3ee', '#fb7185'],
};
const limitColour = { light: '#dc2626', dark: '#f87171' };
const mib = 1024 * 1024;

export interface ChartContainer {
  id: string;
  name: string;
}

function chartOptions(width: number, height: number, dark: boolean, containers: readonly ChartContainer[], metric: MetricSpec, limitMiB: number | null): uPlot.Options {
  const text = dark ? '#cbd5e1' : '#334155';
  const grid = dark ? '#1e293b' : '#e2e8f0';
  const colours = dark ? palette.dark : palette.light;
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px system-ui, sans-serif' };
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, limitMiB ?? 0, metric.id === 'cpu' ? 1 : 0.01) * 1.1] } },
    axes: [axis, { ...axis, size: 48, values: (_u, ticks) => ticks.map((t) => `${+t.toPrecision(3)}`) }],
    series: [
      {},
      ...containers.map((c, i) => ({ label: c.name, stroke: colours[i % colours.length], width: 1.5, spanGaps: true, points: { show: false } })),
      ...(limitMiB === null ? [] : [{ label: 'Memory limit', stroke: dark ? limitColour.dark : limitColour.light, width: 1, dash: [6, 4], points: { show: false } }]),
    ],
  };
}

/**
 * One live chart of one metric, a line per container over the last 5 minutes, with its text summary
 * (current, lowest, highest, and the memory limit) for screen readers and for anyone who would rather
 * read numbers. The canvas follows its box's width, so a phone gets a narrow chart, not a scroll.
 */
export function StatsChart({ metric, history, containers, height = 120 }: { metric: MetricSpec; history: StatsHistory; containers: readonly ChartContainer[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dark = usePrefersDark();
  const limits = containers.map((c) => history.get(c.id)?.at(-1)?.memLimitBytes ?? null);
  const limitMiB = metric.id === 'memory' && limits.length > 0 && limits.every((l) => l !== null && l === limits[0]) ? (limits[0] as number) / mib : null;
  const shape = `${dark}|${containers.map((c) => c.id).join(',')}|${limitMiB}`;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const u = new uPlot(chartOptions(element.clientWidth, height, dark, containers, metric, limitMiB), [[]], element);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // The chart is rebuilt only when its lines change (shape); new points go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, height, metric.id]);

  useEffect(() => {
    const data = alignedSeries(history, containers.map((c) => c.id), metric);
    const withLimit = limitMiB === null ? data : [...data, data[0].map(() => limitMiB)];
    plot.current?.setData(withLimit as uPlot.AlignedData);
  }, [history, containers, metric, limitMiB, shape]);

  const titleId = useId();
  return (
    <figure className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800" aria-labelledby={titleId} data-testid={`stats-chart-${metric.id}`}>
      <figcaption id={titleId} className="text-sm font-medium">
        {metric.label} <span className="font-normal text-slate-600 dark:text-slate-400">({metric.unit}, last 5 minutes)</span>
      </figcaption>
      <div ref={box} className="mt-2 w-full overflow-hidden" aria-hidden="true" data-testid="stats-canvas" />
      <StatsSummary metric={metric} history={history} containers={containers} />
    </figure>
  );
}
