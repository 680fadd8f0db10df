import { api, must, type Schemas } from '../../client/client';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Loading, Page, Section, State, Table } from '../../ui/parts';

const states = ['active', 'draining', 'off'] as const;
type Session = Schemas['Carrier']['binds'][number]['sessions'][number];

/** Carriers with each bind's live sessions (refreshed every five seconds), the route table, and the latest failovers. */
export function Carriers() {
  const { t, dateTime } = useI18n();
  // Operators watch; admins also drain a carrier or switch it off (the API says the same).
  const admin = useSession().session.user.role === 'admin';
  const carriers = useLoad(async () => must(await api.GET('/v1/admin/carriers')).carriers, [], { everyMs: 5_000 });
  const routes = useLoad(async () => must(await api.GET('/v1/admin/routes')).routes, []);
  const failovers = useLoad(async () => must(await api.GET('/v1/admin/failovers', { params: { query: { limit: 50 } } })).failovers, [], { everyMs: 10_000 });
  const setState = useAction(async (id: string, state: (typeof states)[number]) => must(await api.PATCH('/v1/admin/carriers/{id}', { params: { path: { id } }, body: { state } })));
  return (
    <Page title={t('nav.carriers')}>
      <Failure error={carriers.error ?? setState.error} />
      {carriers.data ? (
        carriers.data.map((c) => (
          <Section title={`${c.name} (${c.id})`} key={c.id}>
            <p>
              <State prefix="carrierState" value={c.state} />{' '}
              {states
                .filter((s) => admin && s !== c.state)
                .map((s) => (
                  <button type="button" class="plain" key={s} disabled={setState.busy} onClick={async () => (await setState.run(c.id, s)) && carriers.reload()}>
                    {t('carriers.setState', { state: t(`carrierState.${s}`) })}
                  </button>
                ))}
            </p>
            <Table
              caption={t('carriers.binds', { name: c.name })}
              rows={c.binds.flatMap((b) => (b.sessions.length ? b.sessions.map((s) => ({ b, s: s as Session | undefined })) : [{ b, s: undefined }]))}
              rowKey={({ b, s }) => `${b.position}-${s?.worker ?? ''}`}
              columns={[
                { title: t('carriers.bind'), cell: ({ b }) => `#${b.position} ${b.host}:${b.port}` },
                { title: t('carriers.worker'), cell: ({ s }) => s?.worker ?? '—' },
                { title: t('common.state'), cell: ({ s }) => <State prefix="bound" value={s ? (s.bound ? 'up' : 'down') : 'none'} /> },
                { title: t('carriers.since'), cell: ({ s }) => (s ? dateTime(s.since) : '—') },
                { title: t('carriers.lastFailure'), cell: ({ s }) => s?.lastFailure ?? '—' },
              ]}
            />
          </Section>
        ))
      ) : (
        <Loading />
      )}
      <Section title={t('carriers.routes')}>
        <Failure error={routes.error} />
        {routes.data ? (
          <Table
            caption={t('carriers.routes')}
            rows={routes.data}
            rowKey={(r) => r.id}
            columns={[
              { title: t('filters.country'), cell: (r) => r.country },
              { title: t('carriers.network'), cell: (r) => r.network ?? '—' },
              { title: t('carriers.prefix'), cell: (r) => r.prefix ?? '—' },
              { title: t('carriers.carrier'), cell: (r) => r.carrierId },
              { title: t('carriers.priority'), cell: (r) => r.priority, numeric: true },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('carriers.failovers')}>
        <Failure error={failovers.error} />
        {failovers.data ? (
          <Table
            caption={t('carriers.failovers')}
            rows={failovers.data}
            rowKey={(f) => `${f.messageId}-${f.at}-${f.carrier}`}
            empty={t('carriers.noFailovers')}
            columns={[
              { title: t('common.when'), cell: (f) => dateTime(f.at) },
              { title: t('carriers.carrier'), cell: (f) => f.carrier },
              { title: t('common.code'), cell: (f) => <code>{f.code}</code> },
              { title: t('common.reason'), cell: (f) => f.reason },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
