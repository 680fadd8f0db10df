import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { CarrierBind } from '../carriers/carrier.ts';
import type { CarrierRouting } from '../carriers/routing.ts';
import type { Db } from '../db/connect.ts';
import { queueFigures, type QueueFigure } from '../db/queue-figures.ts';

export interface WorkerMetrics {
  registry: Registry;
  /** Dispatch outcomes as written: submitted, failed, retry, unrecorded (an attempt found lost with its worker). */
  dispatched: Counter<'outcome'>;
  /** Callback attempts: delivered, retry, expired (given up), with the failure class (`HTTP 503`, `TIMEOUT`…). */
  callbacks: Counter<'outcome' | 'failure'>;
}

const queueStatuses = ['scheduled', 'accepted', 'submitted'] as const;

/**
 * The worker's Prometheus metrics. Queue depths and ages are read from Postgres when scraped (a few indexed
 * counts), so they are the platform's, not this worker's; counters and bind states are this worker's own.
 */
export function workerMetrics(db: Db, carriers: CarrierRouting): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tern_worker_' });
  const binds: CarrierBind[] = [];
  carriers.onUpstream((upstream) => binds.push(upstream));

  // One query reads every database-derived figure at scrape time; the gauges (collected in parallel) share it.
  let reading: { at: number; rows: Promise<QueueFigure[]> } | undefined;
  const figures = () => {
    // The gauges of one scrape are collected together: they share a reading made within the last 200 ms.
    if (!reading || Date.now() - reading.at > 200) {
      reading = { at: Date.now(), rows: queueFigures(db) };
    }
    return reading.rows;
  };
  const find = (rows: QueueFigure[], kind: string, label: string) => rows.find((r) => r.kind === kind && r.label === label);

  new Gauge({
    name: 'tern_queue_messages',
    help: 'Messages waiting, by status (scheduled; accepted: to dispatch; submitted: awaiting a receipt)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await figures();
      for (const status of queueStatuses) this.set({ status }, find(rows, 'queue', status)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'tern_queue_oldest_seconds',
    help: 'Age of the oldest message in each waiting status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await figures();
      for (const status of queueStatuses) this.set({ status }, find(rows, 'queue', status)?.oldest ?? 0);
    },
  });
  new Gauge({
    name: 'tern_callback_backlog',
    help: 'Status reports and reply notifications not yet delivered',
    registers: [registry],
    async collect() {
      this.set(find(await figures(), 'callbacks', '')?.n ?? 0);
    },
  });
  new Gauge({
    name: 'tern_callback_oldest_seconds',
    help: 'Age of the oldest report not yet delivered',
    registers: [registry],
    async collect() {
      this.set(find(await figures(), 'callbacks', '')?.oldest ?? 0);
    },
  });
  new Gauge({
    name: 'tern_receipts_unmatched',
    help: 'Delivery receipts matching no sent part: retrying, or parked for support',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const rows = await figures();
      for (const state of ['retrying', 'parked']) this.set({ state }, find(rows, 'receipts', state)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'tern_carrier_bound',
    help: 'Whether this worker has a bound session with each carrier (1) or not (0)',
    labelNames: ['carrier'],
    registers: [registry],
    collect() {
      for (const bind of binds) this.set({ carrier: bind.name }, bind.isBound() ? 1 : 0);
    },
  });
  const dispatched = new Counter({ name: 'tern_dispatch_outcomes_total', help: 'Dispatch outcomes written, by outcome', labelNames: ['outcome'], registers: [registry] });
  const callbacks = new Counter({ name: 'tern_callback_attempts_total', help: 'Callback attempts, by outcome and failure class', labelNames: ['outcome', 'failure'], registers: [registry] });
  return { registry, dispatched, callbacks };
}

/** Serves `/metrics` on its own port (for the scraper; keep it off the public network). */
export async function serveMetrics(registry: Registry, port: number, host = '0.0.0.0'): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end();
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
