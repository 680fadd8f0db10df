import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import type { paths } from '../../client/openapi';
import { useI18n } from '../../i18n';
import { useLocation } from '../../router';
import { useAction, useLoad } from '../../ui/load';
import { dayStart } from '../../ui/filters';
import { useTenantZone } from '../../ui/tenant-zone';
import { Failure, Field, Loading, Page, Section, State, Submit, Table } from '../../ui/parts';

type Summary = Schemas['MessageSummary'];
const statuses = ['scheduled', 'accepted', 'submitted', 'delivered', 'undelivered', 'expired', 'rejected', 'failed', 'cancelled'] as const;
type MessageQuery = NonNullable<paths['/v1/messages']['get']['parameters']['query']>;
const blank = { since: '', until: '', status: '', to: '', toPrefix: '', templateId: '', country: '', region: '', campaignId: '', requestId: '', errorCode: '' };

const or = (value: string) => value || undefined;

/** The form's values as the API's filters; empty ones left out. */
function toQuery(f: typeof blank, zone: string): MessageQuery {
  return {
    since: dayStart(f.since, zone),
    until: dayStart(f.until, zone, true),
    status: or(f.status) as MessageQuery['status'],
    to: or(f.to),
    toPrefix: or(f.toPrefix),
    templateId: or(f.templateId),
    country: or(f.country.toUpperCase()),
    region: or(f.region) as MessageQuery['region'],
    campaignId: or(f.campaignId),
    requestId: or(f.requestId),
    errorCode: or(f.errorCode),
  };
}

/** Sending details: the filters of the API, a page at a time, and the same filters as a CSV download or a background export. */
export function Messages() {
  const { t, dateTime } = useI18n();
  const { query } = useLocation();
  const [form, setForm] = useState(blank);
  const [filters, setFilters] = useState(blank);
  const [pages, setPages] = useState<{ rows: Summary[]; next: string | null }>({ rows: [], next: null });
  const [bom, setBom] = useState(true);
  // Days are the tenant's (its statistics zone), as on the statistics page.
  const zone = useTenantZone() ?? 'Asia/Shanghai';
  const apiFilters = () => toQuery(filters, zone);
  const first = useLoad(async () => {
    const page = must(await api.GET('/v1/messages', { params: { query: { ...apiFilters(), limit: 50 } } }));
    setPages({ rows: page.messages, next: page.nextCursor });
    return page;
  }, [filters]);
  const more = useAction(async () => {
    if (!pages.next) return;
    const page = must(await api.GET('/v1/messages', { params: { query: { ...apiFilters(), limit: 50, cursor: pages.next } } }));
    setPages((p) => ({ rows: [...p.rows, ...page.messages], next: page.nextCursor }));
  });
  const exportJob = useAction(async () => must(await api.POST('/v1/messages/exports', { body: { ...apiFilters(), bom } })));
  const [job, setJob] = useState<Schemas['MessageExport'] | undefined>();
  const focused = query.get('id');
  const set = (key: keyof typeof blank) => (e: { currentTarget: { value: string } }) => setForm((f) => ({ ...f, [key]: e.currentTarget.value }));
  const present = Object.entries({ ...apiFilters(), ...(bom ? { bom: 'true' } : {}) }).filter((e): e is [string, string] => e[1] !== undefined);
  const csvHref = `/v1/messages/export?${new URLSearchParams(present)}`;
  return (
    <Page title={t('nav.messages')}>
      {focused ? <MessageDetail id={focused} /> : null}
      <Section title={t('messages.filters')}>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters(form);
          }}
        >
          <Field id="f-since" label={t('filters.since')}>
            <input id="f-since" type="date" value={form.since} onInput={set('since')} />
          </Field>
          <Field id="f-until" label={t('filters.until')}>
            <input id="f-until" type="date" value={form.until} onInput={set('until')} />
          </Field>
          <Field id="f-status" label={t('messages.status')}>
            <select id="f-status" value={form.status} onChange={set('status')}>
              <option value="">{t('common.any')}</option>
              {statuses.map((s) => (
                <option value={s} key={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="f-to" label={t('messages.to')}>
            <input id="f-to" value={form.to} onInput={set('to')} placeholder="+8613800138000" />
          </Field>
          <Field id="f-prefix" label={t('filters.toPrefix')}>
            <input id="f-prefix" value={form.toPrefix} onInput={set('toPrefix')} placeholder="+86138" />
          </Field>
          <Field id="f-region" label={t('templates.region')}>
            <select id="f-region" value={form.region} onChange={set('region')}>
              <option value="">{t('common.any')}</option>
              <option value="mainland">{t('region.mainland')}</option>
              <option value="international">{t('region.international')}</option>
            </select>
          </Field>
          <Field id="f-country" label={t('filters.country')}>
            <input id="f-country" value={form.country} onInput={set('country')} placeholder="CN" maxLength={2} />
          </Field>
          <Field id="f-template" label={t('send.template')}>
            <input id="f-template" value={form.templateId} onInput={set('templateId')} />
          </Field>
          <Field id="f-error" label={t('filters.errorCode')}>
            <input id="f-error" value={form.errorCode} onInput={set('errorCode')} />
          </Field>
          <div class="buttons">
            <Submit busy={first.loading}>{t('filters.apply')}</Submit>
          </div>
        </form>
      </Section>
      <Section title={t('messages.list')}>
        <Failure error={first.error ?? more.error} />
        {first.data === undefined ? <Loading /> : null}
        <Table
          caption={t('messages.list')}
          rows={pages.rows}
          rowKey={(m) => m.id}
          empty={t('messages.none')}
          columns={[
            { title: t('common.created'), cell: (m) => dateTime(m.createdAt) },
            { title: t('messages.to'), cell: (m) => m.to },
            { title: t('messages.status'), cell: (m) => <State prefix="status" value={m.status} /> },
            { title: t('messages.segments'), cell: (m) => m.segments, numeric: true },
            { title: t('filters.country'), cell: (m) => m.country ?? '—' },
            { title: t('common.reason'), cell: (m) => (m.error ? `${m.error.code}` : '') },
          ]}
        />
        {pages.next ? (
          <button type="button" disabled={more.busy} onClick={() => void more.run()}>
            {t('common.more')}
          </button>
        ) : null}
      </Section>
      <Section title={t('messages.export')}>
        <label class="check">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.currentTarget.checked)} /> {t('messages.bom')}
        </label>
        <p>
          <a class="button" href={csvHref} download="messages.csv">
            {t('messages.downloadCsv')}
          </a>
        </p>
        <p>{t('messages.backgroundHint')}</p>
        <button
          type="button"
          disabled={exportJob.busy}
          onClick={async () => {
            const made = await exportJob.run();
            if (made) setJob(made);
          }}
        >
          {t('messages.startExport')}
        </button>
        <Failure error={exportJob.error} />
        {job ? <ExportJob id={job.id} /> : null}
      </Section>
    </Page>
  );
}

function ExportJob(props: { id: string }) {
  const { t, number, dateTime } = useI18n();
  const job = useLoad(async () => must(await api.GET('/v1/messages/exports/{id}', { params: { path: { id: props.id } } })), [props.id], { everyMs: 1_500 });
  const j = job.data;
  if (!j) return <Loading />;
  return (
    <p role="status">
      <State prefix="exportState" value={j.state} /> {t('messages.exportRows', { rows: number(j.rows) })}{' '}
      {j.downloadUrl ? (
        <a href={j.downloadUrl} download>
          {t('messages.downloadExport', { until: dateTime(j.expiresAt) })}
        </a>
      ) : null}
      {j.error ? <span class="failure">{j.error}</span> : null}
    </p>
  );
}

function MessageDetail(props: { id: string }) {
  const { t, dateTime } = useI18n();
  const message = useLoad(async () => must(await api.GET('/v1/messages/{id}', { params: { path: { id: props.id } } })), [props.id], { everyMs: 3_000 });
  const m = message.data;
  return (
    <Section title={t('messages.detail')}>
      <Failure error={message.error} />
      {m ? (
        <>
          <p>
            {m.to} · <State prefix="status" value={m.status} /> · {m.text}
          </p>
          <Table
            caption={t('messages.timeline')}
            rows={m.timeline}
            rowKey={(e) => `${e.at}-${e.event}`}
            columns={[
              { title: t('common.when'), cell: (e) => dateTime(e.at) },
              { title: t('common.what'), cell: (e) => e.event },
              { title: t('common.details'), cell: (e) => (e.detail ? <code>{JSON.stringify(e.detail)}</code> : '') },
            ]}
          />
        </>
      ) : (
        <Loading />
      )}
    </Section>
  );
}
