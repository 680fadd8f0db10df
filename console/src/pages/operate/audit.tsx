import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/load';
import { Failure, Loading, Page, Section, Table } from '../../ui/parts';

/** Who changed what, when: every decision and setting change, newest first (admins). */
export function Audit() {
  const { t, dateTime } = useI18n();
  const entries = useLoad(async () => must(await api.GET('/v1/admin/audit-log', { params: { query: { limit: 200 } } })).entries, []);
  return (
    <Page title={t('nav.audit')}>
      <Section title={t('nav.audit')}>
        <Failure error={entries.error} />
        {entries.data ? (
          <Table
            caption={t('nav.audit')}
            rows={entries.data}
            rowKey={(e) => String(e.id)}
            columns={[
              { title: t('common.when'), cell: (e) => dateTime(e.at) },
              { title: t('audit.who'), cell: (e) => `${e.actorName} (${t(`actor.${e.actorKind}`)})` },
              { title: t('common.what'), cell: (e) => <code>{e.action}</code> },
              { title: t('audit.tenant'), cell: (e) => (e.tenantId ? <code>{e.tenantId.slice(0, 8)}</code> : '—') },
              { title: t('common.details'), cell: (e) => <code class="details">{JSON.stringify(e.details)}</code> },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
