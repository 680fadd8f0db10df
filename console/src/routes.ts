import type { FunctionComponent } from 'preact';
import type { MessageKey } from './i18n';
import type { Role } from './session';

export type PageProps = { params: Record<string, string> };
type Area = Record<string, FunctionComponent<PageProps>>;

/** Each group of pages is a chunk of its own: a tenant's browser never loads the operators' pages. */
const areas = {
  tenant: () => import('./pages/tenant/index') as Promise<{ pages: Area }>,
  review: () => import('./pages/review/index') as Promise<{ pages: Area }>,
  operate: () => import('./pages/operate/index') as Promise<{ pages: Area }>,
};

export interface RouteDef {
  path: string;
  area: keyof typeof areas;
  page: string;
  title: MessageKey;
  roles: readonly Role[];
  /** Listed in the navigation. */
  nav: boolean;
}

const tenant: readonly Role[] = ['tenant_owner', 'tenant_member'];
const staff: readonly Role[] = ['reviewer', 'operator', 'admin'];
const operators: readonly Role[] = ['operator', 'admin'];

export const routes: RouteDef[] = [
  { path: '/', area: 'tenant', page: 'overview', title: 'nav.overview', roles: tenant, nav: true },
  { path: '/send', area: 'tenant', page: 'send', title: 'nav.send', roles: tenant, nav: true },
  { path: '/templates', area: 'tenant', page: 'templates', title: 'nav.templates', roles: tenant, nav: true },
  { path: '/templates/:id', area: 'tenant', page: 'template', title: 'nav.templates', roles: tenant, nav: false },
  { path: '/signatures', area: 'tenant', page: 'signatures', title: 'nav.signatures', roles: tenant, nav: true },
  { path: '/campaigns', area: 'tenant', page: 'campaigns', title: 'nav.campaigns', roles: tenant, nav: true },
  { path: '/campaigns/:id', area: 'tenant', page: 'campaign', title: 'nav.campaigns', roles: tenant, nav: false },
  { path: '/messages', area: 'tenant', page: 'messages', title: 'nav.messages', roles: tenant, nav: true },
  { path: '/statistics', area: 'tenant', page: 'statistics', title: 'nav.statistics', roles: tenant, nav: true },
  { path: '/replies', area: 'tenant', page: 'replies', title: 'nav.replies', roles: tenant, nav: true },
  { path: '/billing', area: 'tenant', page: 'billing', title: 'nav.billing', roles: tenant, nav: true },
  { path: '/blocklist', area: 'tenant', page: 'blocklist', title: 'nav.blocklist', roles: tenant, nav: true },
  { path: '/settings', area: 'tenant', page: 'settings', title: 'nav.settings', roles: tenant, nav: true },
  { path: '/reviews', area: 'review', page: 'queue', title: 'nav.reviews', roles: staff, nav: true },
  { path: '/reviews/:id', area: 'review', page: 'review', title: 'nav.reviews', roles: staff, nav: false },
  { path: '/tenants', area: 'operate', page: 'tenants', title: 'nav.tenants', roles: operators, nav: true },
  { path: '/tenants/:id', area: 'operate', page: 'tenant', title: 'nav.tenants', roles: operators, nav: false },
  { path: '/carriers', area: 'operate', page: 'carriers', title: 'nav.carriers', roles: operators, nav: true },
  { path: '/suspensions', area: 'operate', page: 'suspensions', title: 'nav.suspensions', roles: operators, nav: true },
  { path: '/prices', area: 'operate', page: 'prices', title: 'nav.prices', roles: operators, nav: true },
  { path: '/calendar', area: 'operate', page: 'calendar', title: 'nav.calendar', roles: operators, nav: true },
  { path: '/users', area: 'operate', page: 'users', title: 'nav.users', roles: operators, nav: true },
  { path: '/audit', area: 'operate', page: 'audit', title: 'nav.audit', roles: ['admin'], nav: true },
];

export async function loadPage(route: RouteDef): Promise<FunctionComponent<PageProps>> {
  const { pages } = await areas[route.area]();
  const page = pages[route.page];
  if (!page) throw new Error(`no page ${route.page} in ${route.area}`);
  return page;
}

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
  return role === 'tenant_owner' || role === 'tenant_member' ? '/' : role === 'reviewer' ? '/reviews' : '/tenants';
}
