import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/load';
import { AuditTable } from '../../ui/audit-table';
import { Failure, Loading, Page, Section } from '../../ui/parts';

/** Who changed what, when: every decision and setting change, newest first (admins). */
export function Audit() {
  const { t } = useI18n();
  const entries = useLoad(async () => must(await api.GET('/v1/admin/audit-log', { params: { query: { limit: 200 } } })).entries, []);
  return (
    <Page title={t('nav.audit')}>
      <Section title={t('nav.audit')}>
        <Failure error={entries.error} />
        {entries.data ? (
          <AuditTable entries={entries.data} full />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
