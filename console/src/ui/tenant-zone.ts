import { api, must } from '../client/client';
import { useLoad } from './load';

/** The zone the tenant's statistics days are kept in (Asia/Shanghai unless it chose another). */
export function useTenantZone(): string | undefined {
  return useLoad(async () => must(await api.GET('/v1/statistics/time-zone')).timeZone, []).data;
}
