import { callbackUrlProblem, type CallbackTargetPolicy } from '../domain/callback-targets.ts';
import { ApiError } from './errors.ts';

/**
 * Refuses a callback URL a tenant (or an operator, for an app) gives that reports could not go to: 422
 * `callback_url_not_allowed`, naming the field. The address a host name resolves to is checked again at each send.
 */
export function checkCallbackUrl(field: string, url: string | null | undefined, policy: CallbackTargetPolicy): void {
  if (url === null || url === undefined) return;
  const problem = callbackUrlProblem(url, policy);
  if (problem) {
    throw new ApiError(422, 'callback_url_not_allowed', `${field} ${problem}: status reports and replies go only to public http(s) addresses.`);
  }
}

/** An app's two URLs, as an operator sets them: its default status callback and its uplink (replies) URL. */
export function checkAppUrls(input: { callbackUrl?: string | null; uplinkUrl?: string | null }, policy: CallbackTargetPolicy): void {
  checkCallbackUrl('callbackUrl', input.callbackUrl, policy);
  checkCallbackUrl('uplinkUrl', input.uplinkUrl, policy);
}
