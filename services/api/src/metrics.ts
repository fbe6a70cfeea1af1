// A few Prometheus counters and a latency histogram, rendered in the text format.
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface Metrics {
  observe(route: string, method: string, status: number, seconds: number): void;
  render(extra?: Record<string, number>): string;
}

export function createMetrics(): Metrics {
  const requests = new Map<string, number>();
  const histogram = new Map<string, { counts: number[]; sum: number; count: number }>();
  return {
    observe(route, method, status, seconds) {
      const key = `method="${method}",route="${route}",status="${status}"`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
      const h = histogram.get(route) ?? { counts: buckets.map(() => 0), sum: 0, count: 0 };
      buckets.forEach((le, i) => {
        if (seconds <= le) h.counts[i] = (h.counts[i] ?? 0) + 1;
      });
      h.sum += seconds;
      h.count += 1;
      histogram.set(route, h);
    },
    render(extra = {}) {
      const lines = ['# TYPE motcua_http_requests_total counter'];
      for (const [labels, value] of requests) lines.push(`motcua_http_requests_total{${labels}} ${value}`);
      lines.push('# TYPE motcua_http_request_duration_seconds histogram');
      for (const [route, h] of histogram) {
        buckets.forEach((le, i) => {
          lines.push(
            `motcua_http_request_duration_seconds_bucket{route="${route}",le="${le}"} ${h.counts[i]}`,
          );
        });
        lines.push(`motcua_http_request_duration_seconds_bucket{route="${route}",le="+Inf"} ${h.count}`);
        lines.push(`motcua_http_request_duration_seconds_sum{route="${route}"} ${h.sum}`);
        lines.push(`motcua_http_request_duration_seconds_count{route="${route}"} ${h.count}`);
      }
      for (const [name, value] of Object.entries(extra)) {
        lines.push(`# TYPE ${name} gauge`, `${name} ${value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
