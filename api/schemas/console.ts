import { z } from '@hono/zod-openapi';
import { consoleLocales, consoleRoles } from '../../domain/console-roles.ts';
import { passwordRules } from '../../domain/passwords.ts';
import { visibleText } from './common.ts';

/**
 * An email address as the console takes one: a local part and a dotted domain, no space, control character or
 * second `@`. One pattern is both the check and the document's, so the two cannot disagree (a `format: email`
 * would let each side judge the many odd forms RFC 5322 allows its own way).
 */
const emailPattern = '^[^\\s@\\x00-\\x1f\\x7f]{1,64}@[^\\s@\\x00-\\x1f\\x7f.]+(\\.[^\\s@\\x00-\\x1f\\x7f.]+)+$';
const Email = z
  .string()
  .max(254)
  .regex(new RegExp(emailPattern), 'is not an email address (name@example.com)')
  .openapi({ example: 'owner@example.com', pattern: emailPattern, maxLength: 254 });
const Password = z.string().min(1).max(passwordRules.max);
const NewPassword = z.string().min(passwordRules.min).max(passwordRules.max).openapi({ description: `${passwordRules.min} to ${passwordRules.max} characters.` });

export const ConsoleRole = z.enum(consoleRoles).openapi('ConsoleRole');
export const ConsoleLocale = z.enum(consoleLocales).openapi('ConsoleLocale');

export const ConsoleUserView = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: ConsoleRole,
    tenantId: z.uuid().nullable(),
    locale: ConsoleLocale,
    state: z.enum(['invited', 'active', 'disabled']).openapi({ description: 'Invited until the invitation is accepted; disabled users cannot sign in.' }),
    createdAt: z.string(),
  })
  .openapi('ConsoleUser');

export const ConsoleSessionView = z
  .object({
    user: ConsoleUserView,
    csrfToken: z.string().openapi({ description: 'Send it as `X-CSRF-Token` with every request that changes something.' }),
    expiresAt: z.string(),
    apps: z.array(z.object({ id: z.uuid(), name: z.string(), appKey: z.string() })).openapi({ description: 'A tenant user’s apps; the console works on one at a time (`X-Tern-App`).' }),
    links: z.object({ temporalUi: z.string().nullable().openapi({ description: 'The Temporal UI, for staff following a review’s workflow.' }) }),
  })
  .openapi('ConsoleSession');

export const SignInBody = z.object({ email: Email, password: Password }).openapi('SignIn');
export const AcceptInvitationBody = z.object({ token: z.string().min(20).max(100), password: NewPassword }).openapi('AcceptInvitation');
export const ChangePasswordBody = z.object({ currentPassword: Password, newPassword: NewPassword }).openapi('ChangePassword');
export const UpdateMeBody = z.object({ locale: ConsoleLocale }).openapi('UpdateConsoleUser');

export const InviteBody = z
  .object({
    email: Email,
    name: visibleText(1, 100),
    role: ConsoleRole,
    tenantId: z.uuid().optional().openapi({ description: 'Required for tenant owners and members; not given for staff.' }),
    locale: ConsoleLocale.optional(),
  })
  .refine((b) => (b.role === 'tenant_owner' || b.role === 'tenant_member') === (b.tenantId !== undefined), {
    message: 'tenant owners and members need a tenantId; staff have none',
    path: ['tenantId'],
  })
  .openapi('ConsoleInvitation');

export const Invitation = z
  .object({
    user: ConsoleUserView,
    invitationUrl: z.string().openapi({ description: 'Give it to the user: it sets their password once, until `expiresAt`. Shown only here.' }),
    expiresAt: z.string(),
  })
  .openapi('ConsoleInvitationLink');
