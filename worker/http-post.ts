import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { CallbackTargetPolicy } from '../domain/callback-targets.ts';

/** Why no answer came, in the words a tenant may see: the raw network error stays in the operators' logs. */
export type PostFailure = 'target_not_allowed' | 'timeout' | 'network';

export interface PostAnswer {
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** Why the POST failed before an answer, as the network said it (for operators); null when one came. */
  error: string | null;
  failure: PostFailure | null;
}

class TargetNotAllowed extends Error {}
class NoAnswerInTime extends Error {}

export interface PostOptions {
  /** Deadline for the whole exchange, connection to the last byte of the answer. */
  timeoutMs: number;
  headers?: Record<string, string>;
}

/** Bytes of an answer's body read (and thrown away) before the connection is dropped instead of reused. */
const maxDrainBytes = 64 * 1024;

/**
 * A DNS lookup that lets a connection go only to addresses the policy allows: every address the name resolves to
 * must be allowed, and the connection uses one of those very addresses, so a name cannot resolve to a public
 * address for a check and a private one for the connection.
 */
function guardedLookup(policy: CallbackTargetPolicy, port: number): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const refused = addresses.find((a) => !policy.allows(a.address, port));
      const first = addresses[0];
      if (refused || !first) return callback(new TargetNotAllowed(`${hostname} resolves to ${refused?.address ?? 'nothing'}, which callbacks may not reach`), '', 0);
      if (options.all) return (callback as unknown as (err: null, addresses: dns.LookupAddress[]) => void)(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs over keep-alive connections with node:http(s): much less CPU per request than fetch, which matters for a
 * sender of thousands of reports a second, and at most `maxSocketsPerOrigin` connections to one tenant's server.
 * Redirects are not followed: a report goes to the URL the tenant gave, and a 3xx is a failed attempt. Only
 * targets the policy allows are reached (`domain/callback-targets.ts`), checked on the address connected to.
 */
export function createHttpPoster(options: { policy: CallbackTargetPolicy; maxSocketsPerOrigin?: number }) {
  const { policy } = options;
  const agentOptions = { keepAlive: true, maxSockets: options.maxSocketsPerOrigin ?? 100, scheduling: 'lifo' as const };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  function post(url: string, body: string, options: PostOptions): Promise<PostAnswer> {
    return new Promise((resolve) => {
      const notAllowed = (why: string) => resolve({ status: null, error: why, failure: 'target_not_allowed' });
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        notAllowed(`invalid URL ${url}`);
        return;
      }
      const protocol = target.protocol === 'https:' ? 'https:' : target.protocol === 'http:' ? 'http:' : null;
      if (!protocol) {
        notAllowed(`unsupported protocol ${target.protocol}`);
        return;
      }
      if (target.username || target.password) {
        notAllowed('a URL with a user name or password');
        return;
      }
      const port = Number(target.port || (protocol === 'https:' ? 443 : 80));
      // An address written in the URL is connected to without a lookup: it is checked here.
      const literal = target.hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(literal) && !policy.allows(literal, port)) {
        notAllowed(`${literal} is an address callbacks may not reach`);
        return;
      }
      let settled = false;
      const settle = (answer: PostAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
      };
      const payload = Buffer.from(body, 'utf8');
      const request = (protocol === 'https:' ? https : http).request(target, {
        method: 'POST',
        agent: agents[protocol],
        lookup: guardedLookup(policy, port),
        headers: { ...options.headers, 'content-length': String(payload.length) },
      });
      const timer = setTimeout(() => request.destroy(new NoAnswerInTime(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        let drained = 0;
        response.on('data', (chunk: Buffer) => {
          drained += chunk.length;
          if (drained > maxDrainBytes) response.destroy();
        });
        const answered = () => settle({ status, error: null, failure: null });
        response.on('end', answered);
        // The status is known; a body cut short does not change the answer.
        response.on('close', answered);
        response.on('error', answered);
      });
      request.on('error', (err) => {
        const failure = err instanceof TargetNotAllowed ? 'target_not_allowed' : err instanceof NoAnswerInTime ? 'timeout' : 'network';
        settle({ status: null, error: err.message, failure });
      });
      request.end(payload);
    });
  }

  return {
    post,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

export type HttpPoster = ReturnType<typeof createHttpPoster>;
