import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { CarrierBind } from '../carriers/carrier.ts';
import type { CarrierRouting } from '../carriers/routing.ts';
import { createSmppBind, smppBindDefaults, smppSettingsOptions, type SmppBindOptions } from '../carriers/smpp/bind.ts';
import { Upstream } from '../carriers/upstream.ts';
import { RemoteLane } from '../carriers/remote-lane.ts';
import { createBindOwnership } from './bind-ownership.ts';
import { retryWhileDatabaseAway } from './retry-while-database-away.ts';
import { bindKey } from '../db/bind-leases.ts';
import { reportBindStatus, type BindStatus } from '../db/carrier-status.ts';
import type { Db } from '../db/connect.ts';
import { loadRouting, routingVersion, type RoutingSnapshot } from '../db/routing-config.ts';
import { routeCandidates, type Route } from '../domain/routing.ts';
import type { SecretBox } from '../domain/secret-box.ts';

export interface CarrierRegistryOptions {
  db: Db;
  secrets: SecretBox;
  logger: Logger;
  /** How often the routing version is checked. Default 2 000. */
  reloadMs?: number;
  /** Settings every bind gets over its carrier's (tests shorten timeouts and back-off this way). */
  bindOverrides?: Partial<SmppBindOptions>;
  /** This worker in the bind status operators see and in the bind leases. Default host:pid:random. */
  workerName?: string;
  /** How long a bind lease holds unrenewed (a dead worker's binds move this long after its last round). Default 10 000. */
  bindLeaseMs?: number;
}

/** A status report is written when a bind changes, and at least this often while nothing does. */
export const bindStatusHeartbeatMs = 30_000;

export interface CarrierRegistry extends CarrierRouting {
  stop(): Promise<void>;
}

interface LiveBind {
  key: string;
  position: number;
  bind: CarrierBind;
  /** Bound state as last seen, and since when. */
  bound: boolean;
  since: Date;
}

/**
 * The worker's carriers as configured in Postgres: one Upstream per carrier, its SMPP binds opened, changed and
 * closed as operators edit them (checked every couple of seconds by the routing version), and the route table
 * for the dispatcher. A bind whose settings did not change keeps its session through a reload.
 */
export async function startCarrierRegistry(options: CarrierRegistryOptions): Promise<CarrierRegistry> {
  const { db, secrets, logger } = options;
  const upstreams = new Map<string, { upstream: Upstream; binds: LiveBind[] }>();
  const registrars: ((upstream: CarrierBind) => void)[] = [];
  let routes: Route[] = [];
  /** Carriers that are not off. */
  let live = new Set<string>();
  let hasPorted = false;
  let version = -1;
  let stopped = false;
  let reloading: Promise<void> | undefined;
  let snapshot: RoutingSnapshot | undefined;
  /** The routing version whose binds were last applied. */
  let appliedVersion = -1;
  const workerName = options.workerName ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const bindLeaseMs = options.bindLeaseMs ?? 10_000;
  const ownership = createBindOwnership({ db, worker: workerName, logger, ttlMs: bindLeaseMs, startingMs: bindLeaseMs });
  /** The carriers other workers hold, as routing sees them this round. */
  let remoteLanes = new Map<string, RemoteLane>();

  /** The carrier as this worker routes to it: its own binds, another worker's lane, or (neither) down. */
  function routable(id: string) {
    const entry = upstreams.get(id);
    if (entry && entry.binds.length > 0) return entry.upstream;
    return remoteLanes.get(id) ?? entry?.upstream;
  }

  function upstreamFor(id: string) {
    let entry = upstreams.get(id);
    if (!entry) {
      entry = { upstream: new Upstream(id, options.bindOverrides?.bindWaitMs ?? smppBindDefaults.bindWaitMs), binds: [] };
      upstreams.set(id, entry);
      for (const register of registrars) register(entry.upstream);
    }
    return entry;
  }

  /**
   * Brings one carrier's binds in line with its configuration and this worker's leases: it opens only the binds it
   * holds. Binds whose settings did not change stay up.
   */
  async function applyCarrier(carrier: RoutingSnapshot['carriers'][number]): Promise<void> {
    const entry = upstreamFor(carrier.id);
    const wanted = carrier.binds.flatMap((stored, i) => {
      if (!ownership.holds(carrier.id, i + 1)) return [];
      try {
        const password = secrets.open(stored.passwordSealed);
        const key = JSON.stringify([stored.host, stored.port, stored.systemId, password, stored.window, stored.throughput, carrier.messageIds, carrier.smpp]);
        return [{ stored, password, position: i + 1, key }];
      } catch (err) {
        logger.error({ err, carrier: carrier.id, bind: i + 1 }, 'cannot open the bind password (another master key?); bind skipped');
        return [];
      }
    });
    const kept: LiveBind[] = [];
    const toOpen: typeof wanted = [];
    for (const want of wanted) {
      const live = entry.binds.find((b) => b.key === want.key && !kept.includes(b));
      if (live) {
        live.position = want.position;
        kept.push(live);
      } else toOpen.push(want);
    }
    if (kept.length === entry.binds.length && toOpen.length === 0) return;
    // The binds that go are closed before new ones open: SMSCs often allow an account only so many sessions.
    entry.binds = kept;
    await entry.upstream.replaceBinds(kept.map((b) => b.bind));
    if (toOpen.length === 0) return;
    const opened = toOpen.map(({ stored, password, position, key }) => ({
      key,
      position,
      bound: false,
      since: new Date(),
      bind: createSmppBind({
        ...smppSettingsOptions(carrier.smpp),
        ...options.bindOverrides,
        name: carrier.binds.length > 1 ? `${carrier.id}#${position}` : carrier.id,
        host: stored.host,
        port: stored.port,
        systemId: stored.systemId,
        password,
        window: stored.window,
        throughput: stored.throughput,
        idFormats: carrier.messageIds,
        logger: logger.child({ component: 'smpp' }),
      }),
    }));
    entry.binds = [...kept, ...opened].sort((a, b) => a.position - b.position);
    await entry.upstream.replaceBinds(entry.binds.map((b) => b.bind));
  }

  /** Opens, keeps and closes binds as the routing and this worker's leases say. */
  async function applyBinds(): Promise<void> {
    if (!snapshot) return;
    const changes = snapshot.carriers.filter((c) => live.has(c.id)).map(applyCarrier);
    for (const [id, entry] of upstreams) {
      if (live.has(id) || entry.binds.length === 0) continue;
      entry.binds = [];
      changes.push(entry.upstream.replaceBinds([]));
    }
    await Promise.all(changes);
  }

  /** Renews and takes bind leases, applies them, then gives back what is beyond this worker's share. */
  async function ownBinds(): Promise<void> {
    if (!snapshot) return;
    const configured = snapshot.carriers.filter((c) => live.has(c.id)).flatMap((c) => c.binds.map((_, i) => ({ carrierId: c.id, position: i + 1 })));
    const bound = new Set<string>();
    for (const [carrierId, entry] of upstreams) for (const b of entry.binds) if (b.bind.isBound()) bound.add(bindKey({ carrierId, position: b.position }));
    const ownershipChanged = await ownership.round(configured, bound);
    remoteLanes = new Map(
      configured.flatMap(({ carrierId }) => {
        const lane = ownership.remoteLane(carrierId);
        return lane ? [[carrierId, new RemoteLane(carrierId, lane.usable)] as const] : [];
      }),
    );
    // Binds are opened and closed only when the routing or the leases moved, not on every round.
    if (!ownershipChanged && appliedVersion === version) return;
    await applyBinds();
    appliedVersion = version;
    await ownership.giveBack();
  }

  function load(loaded: RoutingSnapshot): void {
    snapshot = loaded;
    live = new Set(loaded.carriers.filter((c) => c.state !== 'off').map((c) => c.id));
    const active = new Set(loaded.carriers.filter((c) => c.state === 'active').map((c) => c.id));
    routes = loaded.routes.filter((r) => active.has(r.carrierId));
    hasPorted = loaded.hasPortedNumbers;
    version = loaded.version;
    logger.info(
      { version, carriers: loaded.carriers.map((c) => `${c.id}:${c.state}:${c.binds.length}`), routes: routes.length, hasPortedNumbers: hasPorted },
      'routing loaded',
    );
  }

  let reportedAt = 0;
  let reportedKey = '';

  /** Tells operators (through Postgres) what each bind session is doing, when something changed. */
  async function reportStatus(force = false): Promise<void> {
    const statuses: BindStatus[] = [];
    for (const [carrierId, entry] of upstreams) {
      for (const live of entry.binds) {
        const bound = live.bind.isBound();
        if (bound !== live.bound) Object.assign(live, { bound, since: new Date() });
        statuses.push({ carrierId, position: live.position, bound, since: live.since, lastFailure: live.bind.lastFailure() });
      }
    }
    const key = JSON.stringify(statuses.map((s) => [s.carrierId, s.position, s.bound, s.lastFailure]));
    if (!force && key === reportedKey && Date.now() - reportedAt < bindStatusHeartbeatMs) return;
    await reportBindStatus(db, workerName, stopped ? [] : statuses);
    reportedKey = key;
    reportedAt = Date.now();
  }

  async function refresh(): Promise<void> {
    reloading ??= (async () => {
      try {
        if ((await routingVersion(db)) !== version) load(await loadRouting(db));
        await ownBinds();
      } finally {
        reloading = undefined;
      }
    })();
    return reloading;
  }

  // A worker may start while Postgres restarts or its connections are cut: it waits for it instead of exiting.
  await retryWhileDatabaseAway('loading the routing at start', refresh, logger);
  const reloadMs = options.reloadMs ?? 2_000;
  let tick: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (stopped || tick) return;
    tick = refresh()
      .catch((err: unknown) => logger.warn({ err }, 'reloading the routing failed; keeping the last one'))
      .then(() => reportStatus())
      .catch((err: unknown) => logger.warn({ err }, 'reporting the bind status failed'))
      .finally(() => (tick = undefined));
  }, reloadMs);
  timer.unref();

  return {
    candidates(target) {
      return routeCandidates(routes, target).flatMap((id) => routable(id) ?? []);
    },
    named(id) {
      return live.has(id) ? routable(id) : undefined;
    },
    lanesNotHere: () => ownership.elsewhere(),
    onUpstream(register) {
      registrars.push(register);
      for (const { upstream } of upstreams.values()) register(upstream);
    },
    hasPortedNumbers: () => hasPorted,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await tick;
      await reloading?.catch(() => undefined);
      await Promise.all([...upstreams.values()].map((e) => e.upstream.close()));
      await ownership.leave().catch((err: unknown) => logger.warn({ err }, 'giving up the bind leases failed; they run out by themselves'));
      await reportStatus(true).catch((err: unknown) => logger.warn({ err }, 'clearing the bind status failed'));
    },
  };
}
