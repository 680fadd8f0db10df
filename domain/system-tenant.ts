/**
 * The platform's own tenant, which sends the notices of the controls (traffic alarms, suspensions, unblocking
 * answers) to tenants' contact numbers, with its app and one approved template per region. Migration 0013 made
 * them with these ids (it keeps its own copy: a migration does not change with the code).
 */
export const systemTenantId = '00000000-0000-4000-8000-00000000000a';
export const systemAppId = '00000000-0000-4000-8000-00000000000b';
export const systemTemplates = { international: 'tern0system0notice0international', mainland: 'tern0system0notice0mainland0000' } as const;
