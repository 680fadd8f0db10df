import { api, must, type Schemas } from '../client/client';
import { useI18n } from '../i18n';
import { useAction } from './load';
import { Failure, State, Table } from './parts';

/** Console users with their state, and the buttons to disable or enable them. */
export function UserTable(props: { users: readonly Schemas['ConsoleUser'][]; onChanged: () => void }) {
  const { t, dateTime } = useI18n();
  const toggle = useAction(async (id: string, disabled: boolean) => must(await api.PATCH('/v1/admin/console-users/{id}', { params: { path: { id } }, body: { disabled } })));
  return (
    <>
      <Failure error={toggle.error} />
      <Table
        caption={t('nav.users')}
        rows={props.users}
        rowKey={(u) => u.id}
        columns={[
          { title: t('common.name'), cell: (u) => u.name },
          { title: t('signIn.email'), cell: (u) => u.email },
          { title: t('users.role'), cell: (u) => t(`role.${u.role}`) },
          { title: t('common.state'), cell: (u) => <State prefix="userState" value={u.state} /> },
          { title: t('common.created'), cell: (u) => dateTime(u.createdAt) },
          {
            title: '',
            cell: (u) => (
              <button type="button" class={u.state === 'disabled' ? 'plain' : 'danger'} disabled={toggle.busy} onClick={async () => (await toggle.run(u.id, u.state !== 'disabled')) && props.onChanged()}>
                {u.state === 'disabled' ? t('users.enable') : t('users.disable')}
              </button>
            ),
          },
        ]}
      />
    </>
  );
}
