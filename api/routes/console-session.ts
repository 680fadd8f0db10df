import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../db/connect.ts';
import { acceptInvitation, findConsoleUserByEmail, setConsoleUserLocale, setConsoleUserPassword } from '../../db/console-users.ts';
import { closeConsoleSession, openConsoleSession } from '../../db/console-sessions.ts';
import { listAppsOfTenant } from '../../db/apps.ts';
import type { ConsoleUserRow } from '../../db/schema.ts';
import { decoyHash, hashPassword, passwordMatches } from '../../domain/passwords.ts';
import type { ConsoleSessions } from '../auth/console-session.ts';
import { clientAddress, type FailedAttempts } from '../auth/failed-attempts.ts';
import { consoleUserView } from '../console-user-view.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { AcceptInvitationBody, ChangePasswordBody, ConsoleSessionView, SignInBody, UpdateMeBody } from '../schemas/console.ts';

const tags = ['Console'];
const security = [{ consoleSession: [] as string[] }];

const signIn = apiRoute({
  tags,
  method: 'post',
  path: '/session',
  summary: 'Sign in to the console: sets the HTTP-only session cookie',
  request: jsonBody(SignInBody),
  responses: { 200: jsonResponse(ConsoleSessionView, 'Signed in; the cookie is set'), ...errorResponses(400, 401, 429) },
});
const current = apiRoute({
  tags,
  security,
  method: 'get',
  path: '/session',
  summary: 'The signed-in user, their CSRF token and apps',
  responses: { 200: jsonResponse(ConsoleSessionView, 'The session'), ...errorResponses(401) },
});
const signOut = apiRoute({
  tags,
  security,
  method: 'delete',
  path: '/session',
  summary: 'Sign out: ends the session and clears the cookie',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});
const updateMe = apiRoute({
  tags,
  security,
  method: 'patch',
  path: '/me',
  summary: 'Change the signed-in user’s language',
  request: jsonBody(UpdateMeBody),
  responses: { 200: jsonResponse(ConsoleSessionView, 'The session, in the new language'), ...errorResponses(401, 403) },
});
const changePassword = apiRoute({
  tags,
  security,
  method: 'post',
  path: '/password',
  summary: 'Change the signed-in user’s password; their other sessions end',
  request: jsonBody(ChangePasswordBody),
  responses: { 204: { description: 'Changed' }, ...errorResponses(401, 403, 422) },
});
const accept = apiRoute({
  tags,
  method: 'post',
  path: '/invitations/accept',
  summary: 'Accept an invitation: set the password and sign in',
  request: jsonBody(AcceptInvitationBody),
  responses: { 200: jsonResponse(ConsoleSessionView, 'Signed in; the cookie is set'), ...errorResponses(400, 404, 429) },
});

export interface ConsoleSessionRoutesDeps {
  db: Db;
  sessions: ConsoleSessions;
  attempts: FailedAttempts;
  /** The Temporal UI's address, shown to staff beside a review; null when unknown. */
  temporalUiUrl: string | null;
}

/** `/v1/console`: signing in and out of the console, and the signed-in user's own settings. */
export function consoleSessionRoutes(deps: ConsoleSessionRoutesDeps) {
  const { db, sessions, attempts } = deps;
  const app = new OpenAPIHono();

  async function view(user: ConsoleUserRow, csrfToken: string, expiresAt: Date): Promise<z.infer<typeof ConsoleSessionView>> {
    const apps = user.tenant_id ? await listAppsOfTenant(db, user.tenant_id) : [];
    return {
      user: consoleUserView(user),
      csrfToken,
      expiresAt: expiresAt.toISOString(),
      apps: apps.map((a) => ({ id: a.id, name: a.name, appKey: a.app_key })),
      links: { temporalUi: user.tenant_id ? null : deps.temporalUiUrl },
    };
  }

  async function open(c: Context, user: ConsoleUserRow) {
    const { token, csrfToken, expiresAt } = await openConsoleSession(db, user.id, sessions.settings.idleMs);
    sessions.setCookie(c, token, new Date(Date.now() + sessions.settings.absoluteMs));
    return view(user, csrfToken, expiresAt);
  }

  app.openapi(signIn, async (c) => {
    const { email, password } = c.req.valid('json');
    const address = clientAddress(c);
    const key = `console:${email.toLowerCase()}`;
    attempts.check(address, key);
    const user = await findConsoleUserByEmail(db, email);
    // An unknown email costs as much as a wrong password, so the answer's time tells nothing.
    const matches = await passwordMatches(password, user?.password_hash ?? (await decoyHash()));
    if (!user?.password_hash || !matches || user.disabled_at) {
      attempts.failed(address, key);
      throw new ApiError(401, 'sign_in_failed', 'The email or password is wrong, or the account is not active.');
    }
    return c.json(await open(c, user), 200);
  });

  app.openapi(current, async (c) => {
    const session = await sessions.require(c);
    return c.json(await view(session.user, session.csrfToken, session.expiresAt), 200);
  });

  app.openapi(signOut, async (c) => {
    const session = await sessions.require(c);
    await closeConsoleSession(db, session.tokenHash);
    sessions.clearCookie(c);
    return c.body(null, 204);
  });

  app.openapi(updateMe, async (c) => {
    const session = await sessions.require(c);
    const { locale } = c.req.valid('json');
    await setConsoleUserLocale(db, session.user.id, locale);
    return c.json(await view({ ...session.user, locale }, session.csrfToken, session.expiresAt), 200);
  });

  app.openapi(changePassword, async (c) => {
    const session = await sessions.require(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const address = clientAddress(c);
    const key = `console:${session.user.email}`;
    attempts.check(address, key);
    if (!session.user.password_hash || !(await passwordMatches(currentPassword, session.user.password_hash))) {
      attempts.failed(address, key);
      throw new ApiError(422, 'wrong_password', 'The current password is wrong.');
    }
    await setConsoleUserPassword(db, session.user.id, await hashPassword(newPassword), session.tokenHash);
    return c.body(null, 204);
  });

  app.openapi(accept, async (c) => {
    const { token, password } = c.req.valid('json');
    const address = clientAddress(c);
    attempts.check(address, null);
    const user = await acceptInvitation(db, token, await hashPassword(password));
    if (!user) {
      attempts.failed(address, null);
      throw new ApiError(404, 'invitation_not_found', 'This invitation link is unknown, used or expired; ask for a new one.');
    }
    return c.json(await open(c, user), 200);
  });
  return app;
}
