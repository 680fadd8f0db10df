import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One recipient's entry in a send response (spec §3.1). */
export interface CompatibleResult {
  originTo: string;
  createTime: string;
  from: string;
  /** Absent for a number that was refused: no message exists to look up. */
  smsMsgId?: string;
  status: string;
  countryId?: string;
  total?: number;
}

/** The compatible API answers `application/json;charset=UTF-8`, as the spec shows. */
export function compatibleJson(c: Context, body: object, status: ContentfulStatusCode, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(body), status, { ...headers, 'content-type': 'application/json;charset=UTF-8' });
}
