import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export type MetricFamilies = ReturnType<typeof parsePrometheusTextFormat>;

/** Parses Prometheus text exposition with an independent parser (parse-prometheus-text-format). */
export function parseMetrics(text: string): MetricFamilies {
  return parsePrometheusTextFormat(text);
}

/**
 * The value of one series: a counter's or gauge's value, an unlabelled histogram's count (this parser
 * merges the series of a labelled histogram); 0 when absent. `labels`
 * must all match (other labels of the series are ignored).
 */
export function sampleValue(families: MetricFamilies, name: string, labels: Record<string, string> = {}): number {
  const family = families.find((f) => f.name === name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (!sample) return 0;
  return Number(family?.type === 'HISTOGRAM' ? sample.count : sample.value);
}
