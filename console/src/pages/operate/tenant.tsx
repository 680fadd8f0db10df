import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import { useI18n } from '../../i18n';
import type { PageProps } from '../../routes';
import { useAction, useLoad } from '../../ui/load';
import { PackagesTable } from '../../ui/packages-table';
import { InviteForm } from '../../ui/invite-form';
import { UserTable } from '../../ui/user-table';
import { regions, type Region } from '../../ui/choices';
import { ChoiceField, Failure, Field, Loading, Notice, Page, Section, Submit, Table } from '../../ui/parts';

/** One tenant: its apps (and a new one), its people (and invitations), its billing (top-ups, mode) and any hold. */
export function Tenant({ params }: PageProps) {
  const { t } = useI18n();
  const id = params.id ?? '';
  const tenants = useLoad(async () => must(await api.GET('/v1/admin/tenants')).tenants, []);
  const name = tenants.data?.find((x) => x.id === id)?.name;
  return (
    <Page title={name ?? t('nav.tenants')}>
      <Apps tenantId={id} />
      <People tenantId={id} />
      <TenantBilling tenantId={id} />
    </Page>
  );
}

function Apps(props: { tenantId: string }) {
  const { t } = useI18n();
  const path = { id: props.tenantId };
  const apps = useLoad(async () => must(await api.GET('/v1/admin/tenants/{id}/apps', { params: { path } })).apps, [props.tenantId]);
  const [name, setName] = useState('');
  const [senderId, setSenderId] = useState('');
  const [made, setMade] = useState<Schemas['NewAppCredentials'] | undefined>();
  const create = useAction(async () => must(await api.POST('/v1/admin/tenants/{id}/apps', { params: { path }, body: { name, senderId } })));
  return (
    <Section title={t('tenants.apps')}>
      <Failure error={apps.error} />
      {apps.data ? (
        <Table
          caption={t('tenants.apps')}
          rows={apps.data}
          rowKey={(a) => a.id}
          columns={[
            { title: t('common.name'), cell: (a) => a.name },
            { title: t('settings.appKey'), cell: (a) => <code>{a.appKey}</code> },
            { title: t('settings.from'), cell: (a) => `${a.from} · ${a.mainlandFrom}` },
            { title: t('settings.callbackUrl'), cell: (a) => a.callbackUrl ?? '—' },
          ]}
        />
      ) : (
        <Loading />
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const credentials = await create.run();
          if (credentials) {
            setMade(credentials);
            apps.reload();
          }
        }}
      >
        <div class="row">
          <Field id="app-name" label={t('common.name')}>
            <input id="app-name" required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field id="app-sender" label={t('tenants.senderId')}>
            <input id="app-sender" required maxLength={21} value={senderId} onInput={(e) => setSenderId(e.currentTarget.value)} />
          </Field>
        </div>
        <Failure error={create.error} />
        {made ? (
          <p class="notice warn" role="status">
            {t('settings.shownOnce')} <code class="secret">{made.appKey}</code> <code class="secret">{made.appSecret}</code> <code class="secret">{made.signingSecret}</code>
          </p>
        ) : null}
        <Submit busy={create.busy}>{t('tenants.createApp')}</Submit>
      </form>
    </Section>
  );
}

function People(props: { tenantId: string }) {
  const { t } = useI18n();
  const users = useLoad(async () => must(await api.GET('/v1/admin/console-users', { params: { query: { tenantId: props.tenantId } } })).users, [props.tenantId]);
  return (
    <Section title={t('tenants.people')}>
      <Failure error={users.error} />
      {users.data ? <UserTable users={users.data} onChanged={users.reload} /> : <Loading />}
      <InviteForm roles={['tenant_owner', 'tenant_member']} tenantId={props.tenantId} onInvited={users.reload} />
    </Section>
  );
}

function TenantBilling(props: { tenantId: string }) {
  const { t } = useI18n();
  const path = { id: props.tenantId };
  const billing = useLoad(async () => must(await api.GET('/v1/admin/tenants/{id}/billing', { params: { path } })), [props.tenantId]);
  const [scope, setScope] = useState<Region>('mainland');
  const [segments, setSegments] = useState('');
  const topUp = useAction(async () => must(await api.POST('/v1/admin/tenants/{id}/packages', { params: { path }, body: { scope, segments: Number(segments), source: 'purchase', validDays: 365 } })));
  const mode = useAction(async (next: 1 | 2) => must(await api.PUT('/v1/admin/tenants/{id}/billing-mode', { params: { path }, body: { mode: next } })));
  const lift = useAction(async () => must(await api.POST('/v1/admin/tenants/{id}/suspension/lift', { params: { path } })));
  const [lifted, setLifted] = useState(false);
  const b = billing.data;
  return (
    <Section title={t('nav.billing')}>
      <Failure error={billing.error ?? mode.error} />
      {b ? (
        <>
          <p>
            {t('billing.mode', { mode: b.mode })}{' '}
            <button type="button" class="plain" disabled={mode.busy} onClick={async () => (await mode.run(b.mode === 1 ? 2 : 1)) && billing.reload()}>
              {t('tenants.switchMode', { mode: b.mode === 1 ? 2 : 1 })}
            </button>
          </p>
          <PackagesTable packages={b.packages} />
        </>
      ) : (
        <Loading />
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await topUp.run()) {
            setSegments('');
            billing.reload();
          }
        }}
      >
        <div class="row">
          <ChoiceField id="topup-scope" label={t('billing.scope')} value={scope} onChange={setScope} choices={regions.map((r) => ({ value: r, label: t(`scope.${r}`) }))} />
          <Field id="topup-segments" label={t('billing.segmentsColumn')}>
            <input id="topup-segments" type="number" min={1} required value={segments} onInput={(e) => setSegments(e.currentTarget.value)} />
          </Field>
        </div>
        <Failure error={topUp.error} />
        <Submit busy={topUp.busy}>{t('tenants.topUp')}</Submit>
      </form>
      <div class="buttons">
        <button type="button" class="danger" disabled={lift.busy} onClick={async () => setLifted(!!(await lift.run()))}>
          {t('tenants.liftSuspension')}
        </button>
      </div>
      <Failure error={lift.error} />
      {lifted ? <Notice>{t('tenants.lifted')}</Notice> : null}
    </Section>
  );
}
