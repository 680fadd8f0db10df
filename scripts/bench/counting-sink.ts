import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { nowMs } from './stats.ts';

export interface SinkCounts {
  /** Distinct messages that reported a status. */
  messages: number;
  /** Every POST, duplicates included. */
  posts: number;
  duplicates: number;
  byStatus: Record<string, number>;
  firstAt: number | null;
  lastAt: number | null;
}

/**
 * The tenant's callback server for the benchmark: like scripts/stack/callback-sink.ts, but it keeps counts and
 * arrival times instead of bodies, so 100 000 reports cost little memory and no scanning.
 */
export async function startCountingSink() {
  let seen = new Map<string, number>();
  let counts: SinkCounts = fresh();

  function fresh(): SinkCounts {
    return { messages: 0, posts: 0, duplicates: 0, byStatus: {}, firstAt: null, lastAt: null };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = nowMs();
      res.writeHead(204).end();
      let body: { messageId?: string; status?: string } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return;
      }
      counts.posts++;
      if (!body.messageId) return;
      if (seen.has(body.messageId)) {
        counts.duplicates++;
        return;
      }
      seen.set(body.messageId, at);
      counts.messages++;
      counts.byStatus[body.status ?? '?'] = (counts.byStatus[body.status ?? '?'] ?? 0) + 1;
      counts.firstAt ??= at;
      counts.lastAt = at;
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    counts: (): SinkCounts => ({ ...counts, byStatus: { ...counts.byStatus } }),
    /** When each of these messages' report arrived (epoch ms), or null. */
    arrivals: (ids: readonly string[]) => ids.map((id) => seen.get(id) ?? null),
    reset() {
      seen = new Map();
      counts = fresh();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
