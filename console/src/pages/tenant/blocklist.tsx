import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Field, Loading, Notice, Page, Section, State, Submit, Table } from '../../ui/parts';

/** Whether a number is blocked and why; a request to unblock it, and how earlier requests ended. */
export function Blocklist() {
  const { t, dateTime } = useI18n();
  const [number, setNumber] = useState('');
  const [status, setStatus] = useState<Schemas['BlockStatus'] | undefined>();
  const [reason, setReason] = useState('');
  const requests = useLoad(async () => must(await api.GET('/v1/unblock-requests', { params: { query: { limit: 50 } } })).requests, [], { everyMs: 10_000 });
  const check = useAction(async () => must(await api.GET('/v1/blocklist/{number}', { params: { path: { number: number.trim() } } })));
  const ask = useAction(async () => must(await api.POST('/v1/blocklist/{number}/unblock', { params: { path: { number: number.trim() } }, body: { reason } })));
  const [asked, setAsked] = useState(false);
  return (
    <Page title={t('nav.blocklist')}>
      <Section title={t('blocklist.check')}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setAsked(false);
            setStatus(await check.run());
          }}
        >
          <Field id="bl-number" label={t('blocklist.number')}>
            <input id="bl-number" required value={number} onInput={(e) => setNumber(e.currentTarget.value)} placeholder="+8613800138000" />
          </Field>
          <Failure error={check.error} />
          <Submit busy={check.busy}>{t('blocklist.checkButton')}</Submit>
        </form>
        {status ? (
          status.blocked ? (
            <>
              <p class="notice warn" role="status">
                {t('blocklist.blocked', { number: status.number })}
              </p>
              <ul>
                {status.reasons.map((r) => (
                  <li key={`${r.kind}-${r.since}`}>
                    {r.reason} ({r.source}, {dateTime(r.since)}) — {r.remedy}
                  </li>
                ))}
              </ul>
              {status.reasons.some((r) => r.kind === 'platform') ? (
                <form
                  onSubmit={async (e) => {
                    e.preventDefault();
                    if (await ask.run()) {
                      setAsked(true);
                      requests.reload();
                    }
                  }}
                >
                  <Field id="bl-reason" label={t('blocklist.reason')}>
                    <textarea id="bl-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                  </Field>
                  <Failure error={ask.error} />
                  {asked ? <Notice>{t('blocklist.asked')}</Notice> : null}
                  <Submit busy={ask.busy}>{t('blocklist.askUnblock')}</Submit>
                </form>
              ) : null}
            </>
          ) : (
            <Notice>{t('blocklist.notBlocked', { number: status.number })}</Notice>
          )
        ) : null}
      </Section>
      <Section title={t('blocklist.requests')}>
        <Failure error={requests.error} />
        {requests.data ? (
          <Table
            caption={t('blocklist.requests')}
            rows={requests.data}
            rowKey={(r) => r.id}
            columns={[
              { title: t('blocklist.number'), cell: (r) => r.number },
              { title: t('common.state'), cell: (r) => <State prefix="unblockState" value={r.state} /> },
              { title: t('signatures.submitted'), cell: (r) => dateTime(r.submittedAt) },
              { title: t('common.reason'), cell: (r) => r.outcome ?? r.reason },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
