import type { Context } from 'hono';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The API's Prometheus metrics: requests by route and status, their latency, and the process's own. */
export function apiMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tern_api_' });
  const requests = new Counter({ name: 'tern_http_requests_total', help: 'Requests answered, by method, route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'tern_http_request_duration_seconds',
    help: 'Time to answer a request, by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const acceptGroups = new Histogram({
    name: 'tern_accept_group_requests',
    help: 'Plain send requests stored per accept statement (group commit: above 1 when concurrent accepts of a tenant share one)',
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers: [registry],
  });
  /** Counts an answered request under its route's pattern (`/v1/messages/:id`), never its path: labels stay few. */
  const record = (c: Context, seconds: number) => {
    // The last route matched is the handler's (earlier ones are middleware); `/*` when none handled it.
    const route = routePath(c, -1) || 'unmatched';
    requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    duration.observe({ method: c.req.method, route }, seconds);
  };
  return { registry, record, acceptGroups };
}
