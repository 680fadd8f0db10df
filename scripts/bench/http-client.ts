import http from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

/** A response handler that reads the whole body and resolves with it and the status. */
export function collectAnswer(resolve: (answer: HttpAnswer) => void, reject: (err: unknown) => void) {
  return (res: http.IncomingMessage) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    res.on('error', reject);
  };
}

/**
 * POSTs JSON over keep-alive connections with node:http, which costs the load generator less CPU than fetch:
 * on two cores every cycle it spends is one the platform does not get. `fifo` reuses the connection idle the longest
 * rather than the last one used, so that at a low rate none stays idle until the server closes it (Node's
 * `keepAliveTimeout`, 5 s), which can fail a request sent on it just then (ECONNRESET).
 */
export function jsonPoster(baseUrl: string, authorization: string, maxSockets = 64, scheduling: 'lifo' | 'fifo' = 'lifo') {
  const agent = new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 10_000, scheduling });
  const target = new URL(baseUrl);
  return {
    post(path: string, payload: unknown): Promise<HttpAnswer> {
      const body = Buffer.from(JSON.stringify(payload));
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json', 'content-length': body.length, authorization },
          },
          collectAnswer(resolve, reject),
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

export type JsonPoster = ReturnType<typeof jsonPoster>;
