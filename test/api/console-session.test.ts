import { sql } from 'kysely';
import { expect } from 'vitest';
import { createOperator } from '../../db/operators.ts';
import { describe, test } from '../support/fixtures.ts';
import { createUser, sessionOf, signIn } from '../support/console-session.ts';

const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe('console sign-in and sessions', () => {
  test('a tenant owner signs in with an HTTP-only SameSite cookie and works on the tenants’ API with the CSRF token', async ({ database, api, tenant }) => {
    const owner = await createUser(database.db, 'owner@test.example', 'tenant_owner', tenant.tenantId);
    const res = await fetch(`${api.url}/v1/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tern_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const body = await json(res);
    expect(body).toMatchObject({ user: { email: 'owner@test.example', role: 'tenant_owner', tenantId: tenant.tenantId, state: 'active' }, apps: [{ id: tenant.appId }] });
    const session = sessionOf(api.url, cookie.split(';')[0] ?? '', body.csrfToken as string);

    expect((await session.call('GET', '/v1/console/session')).status).toBe(200);
    expect((await session.call('GET', '/v1/templates')).status).toBe(200);
    // A change without the CSRF token, or from another origin, is refused and changes nothing.
    const noCsrf = await session.call('PUT', '/v1/statistics/time-zone', { timeZone: 'Asia/Tokyo' }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect((await json(noCsrf)).code).toBe('csrf_token_mismatch');
    const crossOrigin = await session.call('PUT', '/v1/statistics/time-zone', { timeZone: 'Asia/Tokyo' }, { headers: { origin: 'https://evil.example' } });
    expect((await json(crossOrigin)).code).toBe('cross_origin');
    expect(await json(await session.call('GET', '/v1/statistics/time-zone'))).toEqual({ timeZone: 'Asia/Shanghai' });
    expect((await session.call('PUT', '/v1/statistics/time-zone', { timeZone: 'Asia/Tokyo' })).status).toBe(200);

    // The change is in the tenant's audit log, by the console user.
    const audit = (await json(await session.call('GET', '/v1/audit-log'))).entries as Record<string, unknown>[];
    expect(audit.map((e) => [e.actorKind, e.actorName, e.action, e.tenantId])).toEqual([['console_user', 'owner@test.example', 'PUT /v1/statistics/time-zone', tenant.tenantId]]);

    // The tenant's sign-in never opens /v1/admin; an app that is not the tenant's is refused.
    expect((await json(await session.call('GET', '/v1/admin/reviews'))).code).toBe('insufficient_role');
    const other = await session.call('GET', '/v1/templates', undefined, { headers: { 'x-tern-app': '00000000-0000-4000-8000-000000000000' } });
    expect([other.status, (await json(other)).code]).toEqual([403, 'app_not_yours']);

    // Signing out ends the session on the server, whatever the browser keeps.
    expect((await session.call('DELETE', '/v1/console/session')).status).toBe(204);
    const after = await session.call('GET', '/v1/templates');
    expect([after.status, (await json(after)).code]).toEqual([401, 'session_ended']);
  });

  test('a member sends and reads but manages no keys; a tenant sees only its own apps', async ({ database, api, tenant, otherTenant }) => {
    const member = await signIn(api.url, await createUser(database.db, 'member@test.example', 'tenant_member', tenant.tenantId));
    expect((await member.call('GET', '/v1/templates')).status).toBe(200);
    expect((await json(await member.call('POST', '/v1/api-keys', { name: 'mine', scopes: ['send'] }))).code).toBe('insufficient_scope');
    const foreign = await member.call('GET', '/v1/templates', undefined, { headers: { 'x-tern-app': otherTenant.appId } });
    expect((await json(foreign)).code).toBe('app_not_yours');
  });

  test('staff act as their operator role: a reviewer reads the queue, not the operators’ pages nor the tenants’ API', async ({ database, api }) => {
    const reviewer = await signIn(api.url, await createUser(database.db, 'reviewer@test.example', 'reviewer'));
    expect((await reviewer.call('GET', '/v1/admin/reviews')).status).toBe(200);
    const tenants = await reviewer.call('GET', '/v1/admin/tenants');
    expect([tenants.status, (await json(tenants)).code]).toEqual([403, 'insufficient_role']);
    expect((await json(await reviewer.call('GET', '/v1/templates'))).code).toBe('not_a_tenant_user');
    const operator = await signIn(api.url, await createUser(database.db, 'operator@test.example', 'operator'));
    expect((await operator.call('GET', '/v1/admin/tenants')).status).toBe(200);
  });

  test('wrong passwords and unknown emails get one answer, and guessing is throttled', async ({ database, api }) => {
    const user = await createUser(database.db, 'guessed@test.example', 'reviewer');
    const attempt = (email: string, password: string) =>
      fetch(`${api.url}/v1/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const wrong = await attempt(user.email, 'not the password');
    const unknown = await attempt('nobody@test.example', 'not the password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await json(wrong)).message).toBe((await json(unknown)).message);
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) status = (await attempt(user.email, `guess ${i}`)).status;
    expect(status).toBe(429);
    // Throttled, even the right password waits.
    expect((await attempt(user.email, user.password)).status).toBe(429);
  });

  test('an operator invites; the link sets the password once; a disabled user’s sessions end at once', async ({ database, api, tenant }) => {
    const { token } = await createOperator(database.db, 'inviter', 'operator');
    const invite = (body: unknown) =>
      fetch(`${api.url}/v1/admin/console-users`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await invite({ email: 'boss@test.example', name: 'Boss', role: 'admin' });
    expect([refused.status, (await json(refused)).code]).toEqual([403, 'insufficient_role']);
    const noTenant = await invite({ email: 'x@test.example', name: 'X', role: 'tenant_owner' });
    expect(noTenant.status).toBe(422);
    const res = await invite({ email: 'New.Owner@Test.example', name: 'New Owner', role: 'tenant_owner', tenantId: tenant.tenantId });
    expect(res.status).toBe(201);
    const made = await json(res);
    expect(made.user).toMatchObject({ email: 'new.owner@test.example', state: 'invited' });
    const link = new URL(made.invitationUrl as string);
    expect(link.pathname).toBe('/console/invitation');
    expect((await invite({ email: 'new.owner@test.example', name: 'Again', role: 'tenant_member', tenantId: tenant.tenantId })).status).toBe(409);

    const accept = (password: string) =>
      fetch(`${api.url}/v1/console/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: link.hash.slice(1), password }) });
    expect((await accept('short')).status).toBe(400);
    const accepted = await accept('a long enough password');
    expect(accepted.status).toBe(200);
    expect((await accept('another long password')).status, 'a link works once').toBe(404);
    const owner = await signIn(api.url, { email: 'new.owner@test.example', password: 'a long enough password' });
    expect((await owner.call('GET', '/v1/templates')).status).toBe(200);

    const disable = await fetch(`${api.url}/v1/admin/console-users/${(made.user as { id: string }).id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect((await json(disable)).state).toBe('disabled');
    expect((await owner.call('GET', '/v1/templates')).status).toBe(401);
  });

  test('a session ends when unused for its idle time, and at its absolute end however busy', async ({ database, api }) => {
    const user = await createUser(database.db, 'sessions@test.example', 'reviewer');
    const idle = await signIn(api.url, user);
    const busy = await signIn(api.url, user);
    expect((await idle.call('GET', '/v1/console/session')).status).toBe(200);
    // Unused past its idle end: over.
    await sql`update console_sessions set expires_at = now() - interval '1 second' where token_hash = encode(sha256(convert_to(${idle.cookie.split('=')[1] ?? ''}, 'UTF8')), 'hex')`.execute(database.db);
    const ended = await idle.call('GET', '/v1/admin/reviews');
    expect([ended.status, (await json(ended)).code]).toEqual([401, 'session_ended']);
    // In use, but signed in 12 hours ago: the next touch moves its end no further than that, so it is over too.
    await sql`update console_sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() - interval '2 minutes'
      where token_hash = encode(sha256(convert_to(${busy.cookie.split('=')[1] ?? ''}, 'UTF8')), 'hex')`.execute(database.db);
    expect((await busy.call('GET', '/v1/admin/reviews')).status, 'the request that touches it still passes').toBe(200);
    expect((await busy.call('GET', '/v1/admin/reviews')).status).toBe(401);
  });
});
