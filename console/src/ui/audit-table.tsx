import type { Schemas } from '../client/client';
import { useI18n } from '../i18n';
import { Table } from './parts';

/** Audit entries: when, who (and as what), the operation; operators also see the tenant and the fields. */
export function AuditTable(props: { entries: readonly Schemas['AuditEntry'][]; full?: boolean }) {
  const { t, dateTime } = useI18n();
  return (
    <Table
      caption={t('nav.audit')}
      rows={props.entries}
      rowKey={(e) => String(e.id)}
      columns={[
        { title: t('common.when'), cell: (e) => dateTime(e.at) },
        { title: t('audit.who'), cell: (e) => `${e.actorName} (${t(`actor.${e.actorKind}`)})` },
        { title: t('common.what'), cell: (e) => <code>{e.action}</code> },
        ...(props.full
          ? [
              { title: t('audit.tenant'), cell: (e: Schemas['AuditEntry']) => (e.tenantId ? <code>{e.tenantId.slice(0, 8)}</code> : '—') },
              { title: t('common.details'), cell: (e: Schemas['AuditEntry']) => <code class="details">{JSON.stringify(e.details)}</code> },
            ]
          : []),
      ]}
    />
  );
}
