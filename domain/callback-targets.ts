import net from 'node:net';

/**
 * Where Tern may POST a tenant's reports. A callback URL is the tenant's, so it is hostile until checked: a target
 * inside the platform's network (loopback, private, link-local, metadata services, the simulators' control) would
 * let a tenant probe or drive internal services. The rule: every address a callback host resolves to must be a
 * public unicast address, checked on the address actually connected to; an operator may allow private targets
 * by address (`TERN_CALLBACK_ALLOW`), as the dev stack does for its own sink.
 */

/** Special-purpose ranges (IANA IPv4 and IPv6 special-purpose registries): no callback goes there. */
const notPublic = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID…)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: carries an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address an IPv4-mapped IPv6 address carries (`::ffff:7f00:1`, `::ffff:127.0.0.1`), or null. */
function mappedIpv4(address: string): string | null {
  const dotted = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = /^(?:0*:)*:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [Number.parseInt(hex[1] ?? '0', 16), Number.parseInt(hex[2] ?? '0', 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** Whether an IP address (v4 or v6, no brackets) is public unicast. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  const mapped = family === 6 ? mappedIpv4(address) : null;
  if (mapped) return isPublicAddress(mapped);
  // An IPv4 address is checked against the IPv4 ranges only (BlockList would also match it, mapped, to IPv6 ones).
  return !notPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface CallbackTargetPolicy {
  /** Whether a connection to this address and port may carry a callback. */
  allows(address: string, port: number): boolean;
  /** The operator's exceptions, as configured (for the logs). */
  readonly exceptions: readonly string[];
}

interface Exception {
  list: net.BlockList;
  port: number | null;
}

/**
 * The policy: public addresses, plus the operator's exceptions, a comma-separated list of addresses or networks,
 * each optionally with a port: `127.0.0.1:8090`, `10.0.0.0/8`, `[::1]:8090`, `[fd00::]/8`. Throws on an entry it
 * cannot read, so that a typo fails the start rather than letting everything through or nothing.
 */
export function callbackTargetPolicy(spec = ''): CallbackTargetPolicy {
  const entries = spec.split(',').map((e) => e.trim()).filter(Boolean);
  const exceptions = entries.map(parseException);
  return {
    exceptions: entries,
    allows(address, port) {
      const family = net.isIP(address);
      if (family === 0) return false;
      if (isPublicAddress(address)) return true;
      const plain = family === 6 ? (mappedIpv4(address) ?? address) : address;
      const type = net.isIP(plain) === 4 ? 'ipv4' : 'ipv6';
      return exceptions.some((e) => (e.port === null || e.port === port) && e.list.check(plain, type));
    },
  };
}

function parseException(entry: string): Exception {
  const match = /^(?:\[([0-9a-f:.]+)\]|([0-9.]+))(?:\/(\d{1,3}))?(?::(\d{1,5}))?$/i.exec(entry);
  const address = match?.[1] ?? match?.[2];
  const family = address ? net.isIP(address) : 0;
  const prefix = match?.[3] === undefined ? (family === 4 ? 32 : 128) : Number(match[3]);
  const port = match?.[4] === undefined ? null : Number(match[4]);
  if (!address || family === 0 || prefix > (family === 4 ? 32 : 128) || (port !== null && (port < 1 || port > 65_535))) {
    throw new Error(`TERN_CALLBACK_ALLOW: cannot read ${JSON.stringify(entry)}; write an address or network with an optional port, e.g. 127.0.0.1:8090, 10.0.0.0/8, [::1]:8090`);
  }
  const list = new net.BlockList();
  list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  return { list, port };
}

/** The policy of this process, from `TERN_CALLBACK_ALLOW`. */
export function callbackTargetPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): CallbackTargetPolicy {
  return callbackTargetPolicy(env.TERN_CALLBACK_ALLOW);
}

const localNames = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)\.?$/i;

/**
 * Checks a callback URL when a tenant gives it: http or https, no user name or password in it, and a host that
 * can be public (an IP literal in any spelling must be allowed; names like `localhost`, single labels and
 * `.internal` ones never are). The address a name resolves to is checked again at every send. Returns why not,
 * or null.
 */
export function callbackUrlProblem(url: string, policy: CallbackTargetPolicy): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return 'must be http or https';
  if (target.username || target.password) return 'must not carry a user name or password';
  // The URL parser has already turned `127.1`, `2130706433` or `0x7f.0.0.1` into 127.0.0.1.
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  if (net.isIP(host)) return policy.allows(host, port) ? null : 'must be a public address';
  if (!host.includes('.') || localNames.test(host)) return 'must be a public host name';
  return null;
}
