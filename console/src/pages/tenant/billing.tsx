import { useState } from 'preact/hooks';
import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/load';
import { PackagesTable } from '../../ui/packages-table';
import { SaveForm } from '../../ui/save-form';
import { Failure, Field, Loading, Page, Section, Table } from '../../ui/parts';

/** Packages and the balance they leave, charges, and the alarms on the remaining segments. */
export function Billing() {
  const { t, number, dateTime } = useI18n();
  const balance = useLoad(async () => must(await api.GET('/v1/balance')), []);
  const packages = useLoad(async () => must(await api.GET('/v1/packages')).packages, []);
  const ledger = useLoad(async () => must(await api.GET('/v1/ledger', { params: { query: { limit: 20 } } })).entries, []);
  const alarms = useLoad(async () => must(await api.GET('/v1/quota-alarms')).alarms, []);
  const [mainland, setMainland] = useState('');
  const [international, setInternational] = useState('');
  const save = useAction(async () => {
    const list = [
      ...(mainland ? [{ scope: 'mainland' as const, threshold: Number(mainland) }] : []),
      ...(international ? [{ scope: 'international' as const, threshold: Number(international) }] : []),
    ];
    return must(await api.PUT('/v1/quota-alarms', { body: { alarms: list } }));
  });
  return (
    <Page title={t('nav.billing')}>
      <Section title={t('overview.balance')}>
        <Failure error={balance.error} />
        {balance.data ? (
          <>
            <p>{t('billing.mode', { mode: balance.data.mode })}</p>
            <Table
              caption={t('overview.balance')}
              rows={balance.data.scopes}
              rowKey={(s) => s.scope}
              columns={[
                { title: t('billing.scope'), cell: (s) => t(`scope.${s.scope}`) },
                { title: t('billing.remaining'), cell: (s) => number(s.remaining), numeric: true },
                { title: t('billing.upcoming'), cell: (s) => number(s.upcoming), numeric: true },
              ]}
            />
            {balance.data.hold ? <p class="notice warn">{t('billing.held')}</p> : null}
          </>
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('billing.packages')}>
        <Failure error={packages.error} />
        {packages.data ? (
          <PackagesTable packages={packages.data} />
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('billing.alarms')}>
        <Failure error={alarms.error} />
        {alarms.data ? (
          <Table
            caption={t('billing.alarms')}
            rows={alarms.data}
            rowKey={(a) => a.scope}
            empty={t('billing.noAlarms')}
            columns={[
              { title: t('billing.scope'), cell: (a) => t(`scope.${a.scope}`) },
              { title: t('billing.threshold'), cell: (a) => number(a.threshold), numeric: true },
              { title: t('common.state'), cell: (a) => (a.armed ? t('billing.armed') : t('billing.fired', { at: a.firedAt ? dateTime(a.firedAt) : '' })) },
            ]}
          />
        ) : null}
        <SaveForm action={save} onSaved={() => alarms.reload()}>
          <div class="row">
            <Field id="alarm-mainland" label={t('billing.alarmFor', { scope: t('scope.mainland') })}>
              <input id="alarm-mainland" type="number" min={1} value={mainland} onInput={(e) => setMainland(e.currentTarget.value)} />
            </Field>
            <Field id="alarm-international" label={t('billing.alarmFor', { scope: t('scope.international') })}>
              <input id="alarm-international" type="number" min={1} value={international} onInput={(e) => setInternational(e.currentTarget.value)} />
            </Field>
          </div>
        </SaveForm>
      </Section>
      <Section title={t('billing.ledger')}>
        <Failure error={ledger.error} />
        {ledger.data ? (
          <Table
            caption={t('billing.ledger')}
            rows={ledger.data}
            rowKey={(e) => String(e.id)}
            columns={[
              { title: t('common.when'), cell: (e) => dateTime(e.at) },
              { title: t('common.what'), cell: (e) => t(`ledger.${e.kind}`) },
              { title: t('billing.scope'), cell: (e) => t(`scope.${e.scope}`) },
              { title: t('billing.segmentsColumn'), cell: (e) => number(e.segments), numeric: true },
              { title: t('billing.amount'), cell: (e) => (e.amount ? number(e.amount / 100, { style: 'currency', currency: e.currency }) : t('billing.fromPackage')), numeric: true },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
