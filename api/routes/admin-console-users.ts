import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../db/connect.ts';
import { findConsoleUser, findConsoleUserByEmail, inviteConsoleUser, listConsoleUsers, reinviteConsoleUser, setConsoleUserDisabled } from '../../db/console-users.ts';
import { tenantExists } from '../../db/provisioning.ts';
import { mayInvite, type ConsoleRole } from '../../domain/console-roles.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { consoleUserView } from '../console-user-view.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { ConsoleUserView, InviteBody, Invitation } from '../schemas/console.ts';

const common = { tags: ['Operators'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('operator') };
const IdParams = z.object({ id: z.uuid() });

const list = apiRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: 'Console users, or one tenant’s',
  request: { query: z.object({ tenantId: z.uuid().optional() }) },
  responses: { 200: jsonResponse(z.object({ users: z.array(ConsoleUserView) }), 'The users'), ...errorResponses(401, 403) },
});
const invite = apiRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'Invite a console user: the answer holds their one-time invitation link',
  request: jsonBody(InviteBody),
  responses: { 201: jsonResponse(Invitation, 'Invited'), ...errorResponses(401, 403, 404, 409) },
});
const reinvite = apiRoute({
  ...common,
  method: 'post',
  path: '/{id}/invitation',
  summary: 'A new invitation link (a lost link, a forgotten password): the user’s password and sessions end',
  request: { params: IdParams },
  responses: { 201: jsonResponse(Invitation, 'A new link'), ...errorResponses(401, 403, 404) },
});
const update = apiRoute({
  ...common,
  method: 'patch',
  path: '/{id}',
  summary: 'Disable a console user (their sessions end at once) or enable them again',
  request: { params: IdParams, ...jsonBody(z.object({ disabled: z.boolean() })) },
  responses: { 200: jsonResponse(ConsoleUserView, 'The user'), ...errorResponses(401, 403, 404) },
});

function invitationUrl(c: Context, token: string): string {
  // The token rides in the fragment, which browsers never send: it reaches no server's logs.
  return `${new URL(c.req.url).origin}/console/invitation#${token}`;
}

/** `/v1/admin/console-users`: operators invite tenants' people and reviewers; admins also staff of every role. */
export function adminConsoleUserRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  const allowed = (c: Context<{ Variables: OperatorVariables }>, role: ConsoleRole) => {
    const operator = c.get('operator');
    if (!mayInvite(operator.role, role)) throw new ApiError(403, 'insufficient_role', `A ${operator.role} cannot manage a console ${role}; an admin can.`);
  };

  /** The user `id`, if this operator may manage one of its role. */
  const managed = async (c: Context<{ Variables: OperatorVariables }>, id: string) => {
    const user = await findConsoleUser(db, id);
    if (!user) throw new ApiError(404, 'console_user_not_found', `No console user ${id}.`);
    allowed(c, user.role);
    return user;
  };

  app.openapi(list, async (c) => {
    const { tenantId } = c.req.valid('query');
    return c.json({ users: (await listConsoleUsers(db, tenantId ? { tenantId } : {})).map(consoleUserView) }, 200);
  });

  app.openapi(invite, async (c) => {
    const body = c.req.valid('json');
    allowed(c, body.role);
    if (body.tenantId && !(await tenantExists(db, body.tenantId))) throw new ApiError(404, 'tenant_not_found', `No tenant ${body.tenantId}.`);
    if (await findConsoleUserByEmail(db, body.email)) throw new ApiError(409, 'email_taken', `${body.email} already has a console account.`);
    const operator = c.get('operator');
    const { user, token, expiresAt } = await inviteConsoleUser(db, {
      email: body.email,
      name: body.name,
      role: body.role,
      tenantId: body.tenantId ?? null,
      ...(body.locale ? { locale: body.locale } : {}),
      invitedBy: operator.name,
    });
    return c.json({ user: consoleUserView(user), invitationUrl: invitationUrl(c, token), expiresAt: expiresAt.toISOString() }, 201);
  });

  app.openapi(reinvite, async (c) => {
    const { id } = c.req.valid('param');
    await managed(c, id);
    const link = await reinviteConsoleUser(db, id);
    if (!link) throw new ApiError(404, 'console_user_not_found', `No console user ${id}.`);
    return c.json({ user: consoleUserView(link.user), invitationUrl: invitationUrl(c, link.token), expiresAt: link.expiresAt.toISOString() }, 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const user = await managed(c, id);
    if (user.operator_id === c.get('operator').id) throw new ApiError(409, 'cannot_disable_self', 'You cannot disable your own account.');
    const row = await setConsoleUserDisabled(db, id, c.req.valid('json').disabled);
    if (!row) throw new ApiError(404, 'console_user_not_found', `No console user ${id}.`);
    return c.json(consoleUserView(row), 200);
  });
  return app;
}
