import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import type { AcceptDeps } from '../accept/accept.ts';
import { cachedLookups } from '../accept/lookups/index.ts';
import type { SecretBox } from '../domain/secret-box.ts';
import { maxDocumentBytes } from '../domain/documents.ts';
import { every } from 'hono/combine';
import { authenticate } from './auth/authenticate.ts';
import { operatorAuth } from './auth/operator.ts';
import { consoleSessions, sessionCookieName, type ConsoleSessionSettings } from './auth/console-session.ts';
import { consoleSessionRoutes } from './routes/console-session.ts';
import { adminConsoleUserRoutes } from './routes/admin-console-users.ts';
import { auditLogRoutes } from './routes/audit-log.ts';
import { adminWatchRoutes } from './routes/admin-watch.ts';
import { ownAppRoutes } from './routes/own-app.ts';
import { adminRoutes } from './routes/admin.ts';
import { rateLimit } from './rate-limit.ts';
import { limitBody } from './body-limit.ts';
import { ApiError, errorResponder, exactPathMethods, notFound, routeMethods } from './errors.ts';
import { docsRoutes } from './routes/docs.ts';
import { consoleRoutes } from './routes/console.ts';
import { healthRoutes } from './routes/health.ts';
import { noticesRoutes } from './routes/notices.ts';
import { statisticsRoutes } from './routes/statistics.ts';
import { repliesRoutes } from './routes/replies.ts';
import { apiKeysRoutes } from './routes/api-keys.ts';
import { messagesRoutes } from './routes/messages.ts';
import { campaignUploadsRoutes } from './routes/campaign-uploads.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { reviewsRoutes } from './routes/reviews.ts';
import { templatesRoutes } from './routes/templates.ts';
import type { TemplateReviews } from '../processes/template-review.ts';
import type { SignatureReviews } from '../processes/signature-review.ts';
import { signaturesRoutes } from './routes/signatures.ts';
import { controlsRoutes } from './routes/controls.ts';
import { adminBlocklistRoutes } from './routes/admin-blocklist.ts';
import { adminCarrierRoutes } from './routes/admin-carriers.ts';
import { adminRouteTableRoutes } from './routes/admin-route-table.ts';
import { adminPortedNumberRoutes } from './routes/admin-ported-numbers.ts';
import { adminSuspensionRoutes, trafficRoutes } from './routes/traffic.ts';
import type { Suspensions } from '../processes/sending-suspension.ts';
import type { Unblockings } from '../processes/blocklist-unblocking.ts';
import { adminUnblockingRoutes, unblockingRoutes } from './routes/unblocking.ts';
import { compatibleRoutes } from './compatible/routes.ts';
import { wsseAuth } from './compatible/wsse-auth.ts';
import { documentCompatibleApi } from './compatible/openapi.ts';
import type { ScheduledSends } from '../processes/scheduled-send.ts';
import { callbackTargetPolicyFromEnv, type CallbackTargetPolicy } from '../domain/callback-targets.ts';
import { failedAttempts, type FailedAttemptLimits } from './auth/failed-attempts.ts';
import { requestId } from 'hono/request-id';
import { accessLog } from './access-log.ts';
import { apiMetrics } from './metrics.ts';
import { acceptCommitter } from '../accept/store.ts';
import { auditChanges } from './audit.ts';
import { adminAuditRoutes } from './routes/admin-audit.ts';
import { adminBillingRoutes } from './routes/admin-billing.ts';
import { adminReceiptRoutes } from './routes/admin-receipts.ts';
import { billingRoutes } from './routes/billing.ts';
import type { QuotaHolds } from '../processes/quota-runout.ts';
import type { Campaigns } from '../processes/campaigns.ts';
import type { MessageExports } from '../processes/message-exports.ts';
import { messageExportsRoutes } from './routes/message-exports.ts';
import { campaignsRoutes } from './routes/campaigns.ts';

export interface ApiDeps {
  db: Db;
  /** Opens the app secrets stored sealed under the master key. */
  secrets: SecretBox;
  scheduledSends: ScheduledSends;
  /** The template review process; without it, template applications and decisions answer 503. */
  templateReviews?: TemplateReviews;
  /** The signature approval process; without it, signature applications answer 503. */
  signatureReviews?: SignatureReviews;
  /** Sending suspensions, to lift them and to tell them of changed limits. */
  suspensions?: Suspensions;
  /** Blocklist unblocking workflows. */
  unblockings?: Unblockings;
  /** Mode-2 quota holds, told of top-ups, mode changes and releases. */
  quotaHolds?: QuotaHolds;
  /** Campaign workflows of the Group SMS Assistant; without them, starting or steering a campaign answers 503. */
  campaigns?: Campaigns;
  /** Background exports of the sending details; without them, starting one answers 503. */
  messageExports?: MessageExports;
  /** Whether Temporal answers, for `/readyz` (which reports it without depending on it). */
  temporalReachable?: () => Promise<boolean>;
  logger: Logger;
  now?: () => Date;
  /** Request rate for apps without one of their own (default 1,000/s per API process). */
  defaultRequestsPerSecond?: number;
  /** WSSE: how far Created may be from the server clock, and how long nonces are remembered (default 24 h). */
  wsseWindowMs?: number;
  /** Which callback URLs tenants and operators may give; default from `TERN_CALLBACK_ALLOW`. */
  callbackTargets?: CallbackTargetPolicy;
  /** Limits on failed authentications per client address and per key (defaults: `defaultFailedAttemptLimits`). */
  failedAttemptLimits?: FailedAttemptLimits;
  /** Console sessions' lifetimes and cookie (defaults: `defaultConsoleSessionSettings`). */
  consoleSessionSettings?: ConsoleSessionSettings;
  /** The Temporal UI's address, linked from the reviewers' pages (`TERN_TEMPORAL_UI_URL`). */
  temporalUiUrl?: string;
}

const maxBodyBytes = 256 * 1024;
const maxUploadBytes = 2 * maxDocumentBytes + 64 * 1024;

/** The HTTP API (Hono) over `deps`: every route, the edge (auth, limits, logs, metrics) and the OpenAPI document. */
export function createApi(deps: ApiDeps) {
  const callbackTargets = deps.callbackTargets ?? callbackTargetPolicyFromEnv();
  // One count of failed authentications for every surface: guessing on one does not reset on another.
  const attempts = failedAttempts(deps.failedAttemptLimits);
  const metrics = apiMetrics();
  const committer = acceptCommitter(deps.db, (size) => metrics.acceptGroups.observe(size));
  const acceptDeps: AcceptDeps = { ...deps, callbackTargets, lookups: cachedLookups(deps.db), committer };
  const app = new OpenAPIHono({
    // Schema violations get the same `{ code, message }` shape as every other error.
    // A request the document's schemas refuse is a 400; one that only breaks a rule across fields (a refinement the
    // document cannot state, such as an alarm above its limit) is a 422.
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const first = issues[0];
        const status = result.error.issues.every((i) => i.code === 'custom') ? 422 : 400;
        throw new ApiError(status, 'invalid_request', first ? `${first.path || 'body'}: ${first.message}` : 'Invalid request.', {
          issues,
        });
      }
    },
  });
  app.onError(errorResponder(deps.logger));
  const routeTable = routeMethods(() => app.routes);
  app.notFound(notFound(routeTable));
  // Every answer carries X-Request-Id (the caller's, when it sends a sane one); errors name it in their body, and
  // the access log and error logs carry it, so a report from a tenant can be found in the logs.
  app.use('*', requestId());
  // Prometheus metrics at /metrics: meant for the scraper only, so the ingress should not route it from outside.
  app.use('*', accessLog(deps.logger.child({ component: 'access' }), metrics));
  app.get('/metrics', async (c) => c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }));

  app.route('/', healthRoutes(deps.db, deps.temporalReachable));
  app.route('/', docsRoutes());
  app.route('/', consoleRoutes());
  // Signature applications carry two documents of up to 5 MB each, a ported-numbers list can hold a few hundred
  // thousand lines, a whole route table thousands of routes; every other body is small JSON.
  const jsonLimit = limitBody(maxBodyBytes);
  const uploadLimit = limitBody(maxUploadBytes);
  const uploads = ['/v1/signatures', '/v1/admin/ported-numbers', '/v1/admin/routes'];
  // A campaign's recipient list holds up to a million rows with their values, up to 128 MiB: its route counts the
  // bytes as the file streams (campaigns/receive-upload.ts), because hono's bodyLimit holds a chunked body whole.
  const streamedUploads = ['/v1/campaigns/uploads'];
  app.use('/v1/*', (c, next) =>
    streamedUploads.some((p) => c.req.path.startsWith(p)) ? next() : uploads.some((p) => c.req.path.startsWith(p)) ? uploadLimit(c, next) : jsonLimit(c, next),
  );
  // /v1/admin is the operators' API with its own principal, /v1/console signs people in to the console; everything
  // else under /v1 is the tenants' API. Both principals also come from a console session's cookie (api/auth/console-session.ts).
  const sessions = consoleSessions(deps.db, deps.consoleSessionSettings);
  const tenantAuth = authenticate(deps.db, deps.secrets, attempts, sessions);
  const tenantRate = rateLimit({ defaultRequestsPerSecond: deps.defaultRequestsPerSecond ?? 1000 });
  const tenantOnly = every(tenantAuth, tenantRate);
  const ownAuth = ['/v1/admin/', '/v1/console/'];
  app.use('/v1/*', (c, next) => (ownAuth.some((p) => c.req.path.startsWith(p)) ? next() : tenantOnly(c, next)));
  app.use('/v1/admin/*', operatorAuth(deps.db, attempts, sessions));
  app.use('/v1/*', auditChanges(deps.db, deps.logger));
  app.use('/v1/*', exactPathMethods(routeTable));
  app.route('/v1/console', consoleSessionRoutes({ db: deps.db, sessions, attempts, temporalUiUrl: deps.temporalUiUrl ?? process.env.TERN_TEMPORAL_UI_URL ?? null }));
  app.route('/v1/admin/console-users', adminConsoleUserRoutes(deps.db));
  app.route('/v1/admin', adminWatchRoutes(deps.db, deps.now));
  app.route('/v1/audit-log', auditLogRoutes(deps.db));
  app.route('/v1/app', ownAppRoutes(deps.db, deps.secrets, callbackTargets));
  app.route('/v1/admin/audit-log', adminAuditRoutes(deps.db));
  app.route('/v1/admin', adminRoutes(deps.db, deps.secrets, callbackTargets));
  app.route('/v1/admin/reviews', reviewsRoutes(deps.db, { templates: deps.templateReviews, signatures: deps.signatureReviews }));
  app.route('/v1/admin/calendar', calendarRoutes(deps.db));
  app.route('/v1/admin/blocklist', adminBlocklistRoutes(deps.db));
  app.route('/v1/admin/carriers', adminCarrierRoutes(deps.db, deps.secrets));
  app.route('/v1/admin/receipts', adminReceiptRoutes(deps.db));
  app.route('/v1/admin/routes', adminRouteTableRoutes(deps.db));
  app.route('/v1/admin/ported-numbers', adminPortedNumberRoutes(deps.db));
  app.route('/v1/admin/tenants', adminSuspensionRoutes(deps.db, deps.suspensions));
  app.route('/v1/admin', adminBillingRoutes(deps.db, deps.quotaHolds, deps.now));
  app.route('/v1/traffic-thresholds', trafficRoutes(deps.db, deps.suspensions));
  app.route('/v1/admin/unblock-requests', adminUnblockingRoutes(deps.db, deps.unblockings));
  app.route('/v1', unblockingRoutes(deps.db, deps.unblockings));
  app.route('/v1/templates', templatesRoutes(deps.db, deps.templateReviews, deps.now));
  app.route('/v1', controlsRoutes(deps.db));
  app.route('/v1/signatures', signaturesRoutes(deps.db, deps.signatureReviews, deps.now));
  // Before `/v1/messages`, whose `/{id}` would take `exports` for a message id.
  app.route('/v1/messages/exports', messageExportsRoutes(deps.db, deps.messageExports, deps.now));
  app.route('/v1/messages', messagesRoutes(acceptDeps));
  app.route('/v1/campaigns/uploads', campaignUploadsRoutes(acceptDeps));
  app.route('/v1/campaigns', campaignsRoutes(deps.db, deps.campaigns, deps.now));
  app.route('/v1/api-keys', apiKeysRoutes(deps.db));
  app.route('/v1/notices', noticesRoutes(deps.db));
  app.route('/v1/statistics', statisticsRoutes(deps.db));
  app.route('/v1/replies', repliesRoutes(deps.db));
  app.route('/v1', billingRoutes(deps.db, deps.now));
  const wsse = wsseAuth({ db: deps.db, secrets: deps.secrets, now: deps.now, windowMs: deps.wsseWindowMs, attempts });
  app.route('/sms', compatibleRoutes({ accept: acceptDeps, logger: deps.logger, auth: wsse, rateLimit: tenantRate }));

  const securitySchemes = {
    basicAuth: { scheme: 'basic', description: 'The app key as user name and the app secret as password.' },
    bearerAuth: { scheme: 'bearer', description: 'An API key of the app (`tern_…`), limited to its scopes: `send`, `read`.' },
    operatorAuth: { scheme: 'bearer', description: 'An operator token (`ternop_…`), for `/v1/admin`.' },
  };
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    app.openAPIRegistry.registerComponent('securitySchemes', name, { type: 'http', ...scheme });
  }
  app.openAPIRegistry.registerComponent('securitySchemes', 'consoleSession', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description:
      'The console’s session (POST /v1/console/session). It also opens the tenants’ API (a tenant’s sign-in) and /v1/admin (a staff sign-in); a request that changes something must carry `X-CSRF-Token`.',
  });
  documentCompatibleApi(app);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Tern SMS API', version: '1.0.0', description: 'Send SMS from approved templates and follow them to the handset.' },
  });
  return app;
}
