import { createHash, randomUUID } from 'node:crypto';
import type { CompatibleResult } from '../../api/compatible/responses.ts';

/**
 * A client of the compatible API written from the spec alone (compatible-api.md §1, §2), with its own digest
 * code, so the tests do not check the server against itself.
 */
export interface WsseOptions {
  nonce?: string;
  created?: string;
  /** A: Base64 of the raw SHA-256 (current samples); B: Base64 of its lowercase hex (older samples). */
  variant?: 'A' | 'B';
  secret?: string;
}

export function wsseHeaders(appKey: string, appSecret: string, options: WsseOptions = {}): Record<string, string> {
  const nonce = options.nonce ?? randomUUID().replaceAll('-', '');
  const created = options.created ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const hash = createHash('sha256').update(nonce + created + (options.secret ?? appSecret), 'utf8');
  const digest = options.variant === 'B' ? Buffer.from(hash.digest('hex')).toString('base64') : hash.digest('base64');
  return {
    authorization: 'WSSE realm="SDP",profile="UsernameToken",type="Appkey"',
    'x-wsse': `UsernameToken Username="${appKey}",PasswordDigest="${digest}",Nonce="${nonce}",Created="${created}"`,
  };
}

export interface CompatibleAnswer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: { code: string; description: string; result?: CompatibleResult[] };
}

export function compatibleClient(apiUrl: string, appKey: string, appSecret: string) {
  async function post(path: string, contentType: string, body: string, headers: Record<string, string>): Promise<CompatibleAnswer> {
    const res = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json', ...headers },
      body,
    });
    return { status: res.status, contentType: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), body: (await res.json()) as CompatibleAnswer['body'] };
  }
  return {
    batchSendSms(fields: Record<string, string>, options: WsseOptions & { headers?: Record<string, string>; contentType?: string } = {}) {
      const headers = { ...wsseHeaders(appKey, appSecret, options), ...options.headers };
      return post('/sms/batchSendSms/v1', options.contentType ?? 'application/x-www-form-urlencoded', new URLSearchParams(fields).toString(), headers);
    },
    batchSendDiffSms(body: unknown, options: WsseOptions & { headers?: Record<string, string>; contentType?: string } = {}) {
      const headers = { ...wsseHeaders(appKey, appSecret, options), ...options.headers };
      return post('/sms/batchSendDiffSms/v1', options.contentType ?? 'application/json', typeof body === 'string' ? body : JSON.stringify(body), headers);
    },
    /** A raw request with the given headers (for the authentication tests). */
    raw: (path: string, contentType: string, body: string, headers: Record<string, string>) => post(path, contentType, body, headers),
  };
}
