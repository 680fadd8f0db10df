import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/load';
import { Failure, Link, Loading, Page, Section, Table } from '../../ui/parts';

/** Replies from recipients, newest first, each with the message it answers where known. */
export function Replies() {
  const { t, dateTime } = useI18n();
  const replies = useLoad(async () => must(await api.GET('/v1/replies', { params: { query: { limit: 100 } } })).replies, [], { everyMs: 10_000 });
  return (
    <Page title={t('nav.replies')}>
      <Section title={t('nav.replies')}>
        <Failure error={replies.error} />
        {replies.data ? (
          <Table
            caption={t('nav.replies')}
            rows={replies.data}
            rowKey={(r) => r.id}
            empty={t('replies.none')}
            columns={[
              { title: t('common.when'), cell: (r) => dateTime(r.receivedAt) },
              { title: t('replies.from'), cell: (r) => r.from },
              { title: t('replies.text'), cell: (r) => r.text },
              { title: t('replies.answers'), cell: (r) => (r.answers ? <Link href={`/messages?id=${r.answers.messageId}`}>{t('replies.message')}</Link> : '—') },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
