import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { networkByPrefix, type MainlandNetwork } from './mainland-networks.ts';

export interface Route {
  id: string;
  /** ISO 3166 alpha-2, or `*` for any country but the Chinese mainland (whose traffic stays on CN routes). */
  country: string;
  /** Mainland routes only: the network whose numbers this route carries. */
  network: MainlandNetwork | null;
  /** Leading digits of the E.164 number (without `+`), for routes narrower than a country. */
  prefix: string | null;
  carrierId: string;
  /** 1 is tried first. */
  priority: number;
}

/** What routing needs to know about a recipient. */
export interface RouteTarget {
  /** E.164 digits without `+`. */
  digits: string;
  /** The country calling code the digits start with ('' when unknown). */
  callingCode: string;
  country: string | null;
  network: MainlandNetwork | null;
  /** Where `network` came from: the number's prefix or the ported-numbers list. */
  networkSource: 'prefix' | 'ported' | null;
}

/** Country and network of a recipient; a ported network, when the number is on the list, wins over the prefix. */
export function routeTarget(e164: string, ported?: MainlandNetwork): RouteTarget {
  const digits = e164.replace(/^\+/, '');
  if (digits.startsWith('86')) {
    const byPrefix = networkByPrefix(`+${digits}`);
    const network = ported ?? byPrefix;
    return { digits, callingCode: '86', country: 'CN', network, networkSource: ported ? 'ported' : byPrefix ? 'prefix' : null };
  }
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return { digits, callingCode: parsed?.countryCallingCode ?? '', country: parsed?.country ?? null, network: null, networkSource: null };
}

function matches(route: Route, target: RouteTarget): boolean {
  // Mainland messages go over mainland channels only: a catch-all route never takes them abroad.
  if (route.country === '*' ? target.country === 'CN' : route.country !== target.country) return false;
  if (route.network && route.network !== target.network) return false;
  return !route.prefix || target.digits.startsWith(route.prefix);
}

/**
 * How narrow a route is for this number: a mainland network first (it follows number portability, a prefix does
 * not), then the national digits of its prefix (the calling code alone narrows nothing), then a named country.
 */
function specificity(route: Route, target: RouteTarget): number {
  const nationalDigits = Math.max(0, (route.prefix?.length ?? 0) - target.callingCode.length);
  return (route.network ? 1_000 : 0) + nationalDigits * 4 + (route.country === '*' ? 0 : 1);
}

/**
 * The carriers that may carry a message to `target`, in the order to try them: every matching route, the
 * narrowest first, then by priority. Wider routes stay in the list as the last fallbacks; a carrier appears once.
 */
export function routeCandidates(routes: readonly Route[], target: RouteTarget): string[] {
  const ordered = routes
    .filter((route) => matches(route, target))
    .sort((a, b) => specificity(b, target) - specificity(a, target) || a.priority - b.priority || a.carrierId.localeCompare(b.carrierId));
  return [...new Set(ordered.map((route) => route.carrierId))];
}
