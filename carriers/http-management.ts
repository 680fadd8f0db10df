import type { CarrierManagement } from './management.ts';
import type { UnblockStatus } from '../domain/unblocking.ts';

/** The carrier management interface over HTTP/JSON (the reference carrier's, and the simulator's). */
export function httpCarrierManagement(baseUrl: string, timeoutMs = 10_000): CarrierManagement {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`carrier management ${method} ${path} answered ${res.status}`);
    return (await res.json()) as T;
  }
  return {
    requestUnblock: async (number, reason) => (await call<{ ticket: string }>('POST', '/unblock-requests', { number, reason })).ticket,
    unblockStatus: async (ticket) => (await call<{ status: UnblockStatus }>('GET', `/unblock-requests/${encodeURIComponent(ticket)}`)).status,
  };
}
