/** What an app's bearer key may do; the app secret (Basic) may do all of it and manage keys too. */
export const apiScopes = ['send', 'read'] as const;
export type ApiScope = (typeof apiScopes)[number];
