import { Audit } from './audit';
import { Calendar } from './calendar';
import { Carriers } from './carriers';
import { Prices } from './prices';
import { Suspensions } from './suspensions';
import { Tenant } from './tenant';
import { Tenants } from './tenants';
import { Users } from './users';

export const pages = { tenants: Tenants, tenant: Tenant, carriers: Carriers, suspensions: Suspensions, prices: Prices, calendar: Calendar, users: Users, audit: Audit };
