import type { Schemas } from '../client/client';
import { useI18n } from '../i18n';
import { State, Table } from './parts';

/** Resource packages as a tenant and an operator see them: used of bought, state, validity. */
export function PackagesTable(props: { packages: readonly Schemas['Package'][] }) {
  const { t, number, dateTime } = useI18n();
  return (
    <Table
      caption={t('billing.packages')}
      rows={props.packages}
      rowKey={(p) => p.id}
      columns={[
        { title: t('billing.scope'), cell: (p) => t(`scope.${p.scope}`) },
        { title: t('billing.segmentsColumn'), cell: (p) => `${number(p.used)} / ${number(p.segments)}`, numeric: true },
        { title: t('common.state'), cell: (p) => <State prefix="packageState" value={p.state} /> },
        { title: t('billing.validUntil'), cell: (p) => dateTime(p.expiresAt) },
      ]}
    />
  );
}
