import type { OperatorRole } from './operators.ts';

/**
 * Who signs in to the console. Tenant owners and members work for one tenant (members send and read; owners also
 * change its settings and keys); reviewers, operators and admins are the platform's staff, each an operator of that
 * role behind the scenes, so the console reaches /v1/admin with exactly the rights their operator token would give.
 */
export const consoleRoles = ['tenant_owner', 'tenant_member', 'reviewer', 'operator', 'admin'] as const;
export type ConsoleRole = (typeof consoleRoles)[number];

export const tenantRoles = ['tenant_owner', 'tenant_member'] as const satisfies readonly ConsoleRole[];
export type TenantRole = (typeof tenantRoles)[number];

export function isTenantRole(role: ConsoleRole): role is TenantRole {
  return (tenantRoles as readonly ConsoleRole[]).includes(role);
}

/** The operator role a staff console role acts with. */
export function operatorRoleOf(role: Exclude<ConsoleRole, TenantRole>): OperatorRole {
  return role;
}

export const consoleLocales = ['zh-CN', 'en'] as const;
export type ConsoleLocale = (typeof consoleLocales)[number];

/** Operators invite tenants' people and reviewers; only an admin makes operators and admins. */
export function mayInvite(inviter: OperatorRole, role: ConsoleRole): boolean {
  if (inviter === 'admin') return true;
  return inviter === 'operator' && (isTenantRole(role) || role === 'reviewer');
}
