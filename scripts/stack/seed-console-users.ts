import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import { createConsoleUser, findConsoleUserByEmail, resetConsolePassword, setConsoleUserDisabled } from '../../db/console-users.ts';
import { consoleRoles, isTenantRole, type ConsoleRole } from '../../domain/console-roles.ts';
import { hashPassword, passwordMatches } from '../../domain/passwords.ts';

export interface DevSignIn {
  role: ConsoleRole;
  email: string;
  password: string;
}

const names: Record<ConsoleRole, string> = {
  tenant_owner: '演示所有者 Demo Owner',
  tenant_member: '演示成员 Demo Member',
  reviewer: '审核员 Reviewer',
  operator: '运营 Operator',
  admin: '管理员 Admin',
};

/**
 * One console user per role for `npm run dev` (the tenant's people in the demo tenant), with passwords made once and
 * kept in `.tern/dev.json`; a user whose password no longer matches gets the kept one again.
 */
export async function seedConsoleUsers(db: Db, tenantId: string, kept: readonly DevSignIn[] = []): Promise<DevSignIn[]> {
  const signIns: DevSignIn[] = [];
  for (const role of consoleRoles) {
    const email = `${role.replace('tenant_', '')}@demo.tern.dev`;
    const password = kept.find((k) => k.email === email)?.password ?? randomBytes(9).toString('base64url');
    const user = await findConsoleUserByEmail(db, email);
    if (!user) {
      await createConsoleUser(db, { email, name: names[role], role, tenantId: isTenantRole(role) ? tenantId : null, invitedBy: 'npm run dev' }, await hashPassword(password));
    } else if (!user.password_hash || !(await passwordMatches(password, user.password_hash))) {
      await resetConsolePassword(db, user.id, await hashPassword(password));
    }
    if (user?.disabled_at) await setConsoleUserDisabled(db, user.id, false);
    signIns.push({ role, email, password });
  }
  return signIns;
}
