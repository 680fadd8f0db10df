/**
 * Operator roles, each able to do what the ones before it can: reviewers decide reviews; operators also manage
 * tenants, apps and channel numbers; admins also manage operators.
 */
export const operatorRoles = ['reviewer', 'operator', 'admin'] as const;
export type OperatorRole = (typeof operatorRoles)[number];

export function roleAtLeast(role: OperatorRole, needed: OperatorRole): boolean {
  return operatorRoles.indexOf(role) >= operatorRoles.indexOf(needed);
}
