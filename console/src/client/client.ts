import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi';

export type Schemas = components['schemas'];
export type Session = Schemas['ConsoleSession'];

/** What every request of the signed-in console carries: the CSRF token, and the app a tenant's user works on. */
const context: { csrfToken: string; appId: string | undefined; onSessionEnded: () => void } = { csrfToken: '', appId: undefined, onSessionEnded: () => {} };

export function setRequestContext(next: Partial<typeof context>): void {
  Object.assign(context, next);
}

export function requestHeaders(): Record<string, string> {
  return { 'x-csrf-token': context.csrfToken, ...(context.appId ? { 'x-tern-app': context.appId } : {}) };
}

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(requestHeaders())) request.headers.set(name, value);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && !new URL(response.url).pathname.startsWith('/v1/console/')) context.onSessionEnded();
    return response;
  },
};

/** The typed client: every path, parameter and field comes from the API's OpenAPI document (openapi.d.ts). */
export const api = createClient<paths>({ baseUrl: location.origin, credentials: 'same-origin' });
api.use(sessionHeaders);

/** An error answer of the API, with its stable code and a message for people. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the error answer said beyond its message (`details`), such as the checked list a refused upload left. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The data of an answer, or an ApiFailure with the API's code and message. */
export function must<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const error = (result.error ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiFailure(result.response.status, error.code ?? `http_${result.response.status}`, error.message ?? result.response.statusText, error.details);
  }
  return result.data;
}

/** An answer without a body (204), or an ApiFailure. */
export function mustSucceed(result: { error?: unknown; response: Response }): void {
  if (!result.response.ok) must(result as { data?: unknown; error?: unknown; response: Response });
}
