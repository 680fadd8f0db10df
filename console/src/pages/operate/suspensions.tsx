import { useState } from 'preact/hooks';
import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Field, Link, Loading, Page, Section, State, Table } from '../../ui/parts';

/** Sending suspensions in force (lift one), and unblock requests waiting for an operator (approve or refuse). */
export function Suspensions() {
  const { t, dateTime } = useI18n();
  const suspensions = useLoad(async () => must(await api.GET('/v1/admin/suspensions')).suspensions, [], { everyMs: 10_000 });
  const lift = useAction(async (tenantId: string) => must(await api.POST('/v1/admin/tenants/{id}/suspension/lift', { params: { path: { id: tenantId } } })));
  return (
    <Page title={t('nav.suspensions')}>
      <Section title={t('suspensions.active')}>
        <Failure error={suspensions.error ?? lift.error} />
        {suspensions.data ? (
          <Table
            caption={t('suspensions.active')}
            rows={suspensions.data}
            rowKey={(s) => s.id}
            empty={t('suspensions.none')}
            columns={[
              { title: t('suspensions.tenant'), cell: (s) => <Link href={`/tenants/${s.tenantId}`}>{s.tenantName}</Link> },
              { title: t('suspensions.period'), cell: (s) => t(`period.${s.period}`) },
              { title: t('suspensions.until'), cell: (s) => dateTime(s.until) },
              { title: t('common.reason'), cell: (s) => s.reason },
              {
                title: '',
                cell: (s) => (
                  <button type="button" class="danger" disabled={lift.busy} onClick={async () => (await lift.run(s.tenantId)) && suspensions.reload()}>
                    {t('tenants.liftSuspension')}
                  </button>
                ),
              },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
      <Unblocking />
    </Page>
  );
}

function Unblocking() {
  const { t, dateTime } = useI18n();
  const requests = useLoad(async () => must(await api.GET('/v1/admin/unblock-requests')).requests, []);
  const [reason, setReason] = useState('');
  const decide = useAction(async (id: string, approve: boolean) =>
    must(await api.POST('/v1/admin/unblock-requests/{id}/decision', { params: { path: { id } }, body: approve ? { decision: 'approve' } : { decision: 'refuse', reason } })),
  );
  return (
    <Section title={t('suspensions.unblocking')}>
      <Failure error={requests.error ?? decide.error} />
      {requests.data ? (
        <>
          <Table
            caption={t('suspensions.unblocking')}
            rows={requests.data}
            rowKey={(r) => r.id}
            empty={t('suspensions.noRequests')}
            columns={[
              { title: t('blocklist.number'), cell: (r) => r.number },
              { title: t('common.reason'), cell: (r) => r.reason },
              { title: t('common.state'), cell: (r) => <State prefix="unblockState" value={r.state} /> },
              { title: t('signatures.submitted'), cell: (r) => dateTime(r.submittedAt) },
              {
                title: '',
                cell: (r) =>
                  r.state === 'in_review' ? (
                    <span class="buttons">
                      <button type="button" class="primary" disabled={decide.busy} onClick={async () => (await decide.run(r.id, true)) && requests.reload()}>
                        {t('decision.approve')}
                      </button>
                      <button type="button" class="danger" disabled={decide.busy || !reason} onClick={async () => (await decide.run(r.id, false)) && requests.reload()}>
                        {t('decision.refuse')}
                      </button>
                    </span>
                  ) : null,
              },
            ]}
          />
          <form onSubmit={(e) => e.preventDefault()}>
            <Field id="refuse-reason" label={t('suspensions.refuseReason')}>
              <input id="refuse-reason" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </Field>
          </form>
        </>
      ) : (
        <Loading />
      )}
    </Section>
  );
}
