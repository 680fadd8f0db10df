import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/load';
import { Failure, Link, Loading, Page, Section, State, Table } from '../../ui/parts';

/** The review queue, overdue first (the API's order), refreshed while it is open. */
export function Queue() {
  const { t, dateTime } = useI18n();
  const queue = useLoad(async () => must(await api.GET('/v1/admin/reviews')).reviews, [], { everyMs: 10_000 });
  return (
    <Page title={t('nav.reviews')}>
      <Section title={t('reviews.open')}>
        <Failure error={queue.error} />
        {queue.data ? (
          <Table
            caption={t('reviews.open')}
            rows={queue.data}
            rowKey={(r) => r.reviewId}
            empty={t('reviews.empty')}
            columns={[
              {
                title: t('common.what'),
                cell: (r) => (
                  <Link href={`/reviews/${r.reviewId}`}>
                    {r.kind === 'template' ? t('reviews.template', { name: r.name }) : t('reviews.signature', { name: r.name })}
                  </Link>
                ),
              },
              { title: t('templates.type'), cell: (r) => t(`type.${r.type}`) },
              { title: t('signatures.submitted'), cell: (r) => dateTime(r.submittedAt) },
              {
                title: t('reviews.due'),
                cell: (r) =>
                  r.kind === 'template' ? (
                    <>
                      {r.overdue ? <strong class="state state-overdue">{t('reviews.overdue')}</strong> : null} {r.dueAt ? dateTime(r.dueAt) : '—'}
                    </>
                  ) : (
                    <State prefix="signatureState" value={r.state} />
                  ),
              },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
