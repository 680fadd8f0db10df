import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/load';
import { Failure, Link, Loading, Page, Section, Table } from '../../ui/parts';

/** Today at a glance: sends and delivery, the balance, and what the platform told the tenant lately. */
export function Overview() {
  const { t, number, percent, dateTime } = useI18n();
  const today = useLoad(async () => {
    const since = new Date();
    since.setHours(0, 0, 0, 0);
    return must(await api.GET('/v1/statistics', { params: { query: { since: since.toISOString(), granularity: 'total' } } }));
  }, []);
  const balance = useLoad(async () => must(await api.GET('/v1/balance')), []);
  const notices = useLoad(async () => must(await api.GET('/v1/notices', { params: { query: { limit: 5 } } })), []);
  const thresholds = useLoad(async () => must(await api.GET('/v1/traffic-thresholds')), []);
  const total = today.data?.rows[0];
  return (
    <Page title={t('nav.overview')}>
      <div class="tiles">
        <Section title={t('overview.today')}>
          <Failure error={today.error} />
          {today.data ? (
            <dl class="figures">
              <div>
                <dt>{t('stats.messages')}</dt>
                <dd data-figure="messages">{number(total?.messages ?? 0)}</dd>
              </div>
              <div>
                <dt>{t('stats.delivered')}</dt>
                <dd>{number(total?.delivered ?? 0)}</dd>
              </div>
              <div>
                <dt>{t('stats.deliveryRate')}</dt>
                <dd>{total?.deliveryRate == null ? '—' : percent(total.deliveryRate)}</dd>
              </div>
            </dl>
          ) : (
            <Loading />
          )}
          <p>
            <Link href="/statistics">{t('overview.moreStatistics')}</Link>
          </p>
        </Section>
        <Section title={t('overview.balance')}>
          <Failure error={balance.error} />
          {balance.data ? (
            <>
              <p>{t('billing.mode', { mode: balance.data.mode })}</p>
              <dl class="figures">
                {balance.data.scopes.map((s) => (
                  <div key={s.scope}>
                    <dt>{t(`scope.${s.scope}`)}</dt>
                    <dd>{t('billing.segments', { n: number(s.remaining) })}</dd>
                  </div>
                ))}
              </dl>
              {balance.data.hold ? <p class="notice warn">{t('billing.held')}</p> : null}
            </>
          ) : (
            <Loading />
          )}
        </Section>
        <Section title={t('overview.traffic')}>
          <Failure error={thresholds.error} />
          {thresholds.data ? (
            thresholds.data.suspension ? (
              <p class="notice warn">{t('overview.suspended')}</p>
            ) : (
              <p>{t('overview.notSuspended')}</p>
            )
          ) : (
            <Loading />
          )}
        </Section>
      </div>
      <Section title={t('overview.notices')}>
        <Failure error={notices.error} />
        {notices.data ? (
          <Table
            caption={t('overview.notices')}
            rows={notices.data.notices}
            rowKey={(n) => n.id}
            empty={t('overview.noNotices')}
            columns={[
              { title: t('common.when'), cell: (n) => dateTime(n.at) },
              { title: t('common.what'), cell: (n) => t(`notice.${n.kind}`) },
              { title: t('common.details'), cell: (n) => <code>{JSON.stringify(n.details)}</code> },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
