import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../ui/load';
import { InviteForm } from '../../ui/invite-form';
import { UserTable } from '../../ui/user-table';
import { Failure, Loading, Page, Section } from '../../ui/parts';

/** Every console user; staff are invited here (tenants' people from their tenant's page). */
export function Users() {
  const { t } = useI18n();
  const { session } = useSession();
  const users = useLoad(async () => must(await api.GET('/v1/admin/console-users')).users, []);
  const roles = session.user.role === 'admin' ? (['reviewer', 'operator', 'admin'] as const) : (['reviewer'] as const);
  return (
    <Page title={t('nav.users')}>
      <Section title={t('nav.users')}>
        <Failure error={users.error} />
        {users.data ? <UserTable users={users.data} onChanged={users.reload} /> : <Loading />}
      </Section>
      <Section title={t('users.inviteStaff')}>
        <InviteForm roles={roles} onInvited={users.reload} />
      </Section>
    </Page>
  );
}
