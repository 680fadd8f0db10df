import { useState } from 'preact/hooks';
import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Field, Link, Loading, Page, Section, Submit, Table } from '../../ui/parts';

/** Every tenant, and a new one. */
export function Tenants() {
  const { t, dateTime } = useI18n();
  const tenants = useLoad(async () => must(await api.GET('/v1/admin/tenants')).tenants, []);
  const [name, setName] = useState('');
  const create = useAction(async () => must(await api.POST('/v1/admin/tenants', { body: { name } })));
  return (
    <Page title={t('nav.tenants')}>
      <Section title={t('nav.tenants')}>
        <Failure error={tenants.error} />
        {tenants.data ? (
          <Table
            caption={t('nav.tenants')}
            rows={tenants.data}
            rowKey={(x) => x.id}
            columns={[
              { title: t('common.name'), cell: (x) => <Link href={`/tenants/${x.id}`}>{x.name}</Link> },
              { title: t('common.created'), cell: (x) => dateTime(x.createdAt) },
              { title: 'ID', cell: (x) => <code>{x.id}</code> },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('tenants.new')}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const made = await create.run();
            if (made) navigate(`/tenants/${made.id}`);
          }}
        >
          <Field id="tenant-name" label={t('common.name')}>
            <input id="tenant-name" required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Failure error={create.error} />
          <Submit busy={create.busy}>{t('tenants.create')}</Submit>
        </form>
      </Section>
    </Page>
  );
}
