import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import type { paths } from '../../client/openapi';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/load';
import { dayIn, dayStart, periodsBetween } from '../../ui/filters';
import { useTenantZone } from '../../ui/tenant-zone';
import { BarChart, type Series } from '../../ui/chart';
import { ChoiceField, Failure, Field, Loading, Page, Section, Submit, Table } from '../../ui/parts';

type StatsQuery = NonNullable<paths['/v1/statistics']['get']['parameters']['query']>;
type GroupBy = NonNullable<StatsQuery['groupBy']>;
const groupings: GroupBy[] = ['region', 'country', 'template', 'signature', 'carrier', 'campaign', 'status'];

type Row = Schemas['StatRow'];
const quiet = (period: string): Row => ({ period, start: null, key: null, messages: 0, segments: 0, pending: 0, delivered: 0, failed: 0, cancelled: 0, deliveryRate: null, deliveryTimeMs: null, failures: [] });

/** Service statistics: messages over time by day or hour, and broken down by one dimension; both exportable as CSV. */
export function Statistics() {
  const { t, number, percent } = useI18n();
  const zone = useTenantZone();
  const [form, setForm] = useState({ since: '', until: '', granularity: 'day' as 'day' | 'hour', groupBy: 'region' as GroupBy });
  const [shown, setShown] = useState(form);
  // The last seven days of the tenant's calendar, once its zone is known.
  useEffect(() => {
    if (!zone) return;
    // Only the dates: a grouping chosen meanwhile stays.
    const week = { since: dayIn(zone, 6), until: dayIn(zone) };
    setForm((f) => ({ ...f, ...week }));
    setShown((f) => ({ ...f, ...week }));
  }, [zone]);
  // Up to the start of the day after the last one chosen: that day whole.
  const range = zone ? { since: dayStart(shown.since, zone), until: dayStart(shown.until, zone, true) } : {};
  const ready = zone !== undefined && shown.since !== '';
  const overTime = useLoad(async () => (ready ? must(await api.GET('/v1/statistics', { params: { query: { ...range, granularity: shown.granularity } } })) : undefined), [shown, zone]);
  const breakdown = useLoad(async () => (ready ? must(await api.GET('/v1/statistics', { params: { query: { ...range, granularity: 'total', groupBy: shown.groupBy } } })) : undefined), [shown, zone]);
  const exportLink = (query: StatsQuery, file: string) => (
    <p>
      <a
        class="button"
        href={`/v1/statistics/export?${new URLSearchParams(Object.entries({ ...query, bom: 'true' }).filter((e): e is [string, string] => typeof e[1] === 'string'))}`}
        download={file}
      >
        {t('stats.export')}
      </a>
    </p>
  );
  // The quiet periods too, at zero, so the bars stand where their days and hours are.
  const counted = new Map((overTime.data?.rows ?? []).map((r) => [r.period ?? '', r]));
  const rows = overTime.data ? periodsBetween(shown.since, shown.until, shown.granularity).map((period) => counted.get(period) ?? quiet(period)) : [];
  /** Each row's messages by outcome, stacked: delivered, failed, and the rest (on their way or cancelled). */
  const outcomes = (list: typeof rows): Series[] => [
    { name: t('stats.delivered'), className: 'delivered', values: list.map((r) => r.delivered) },
    { name: t('stats.failed'), className: 'failed', values: list.map((r) => r.failed) },
    { name: t('stats.pending'), className: 'pending', values: list.map((r) => r.pending + r.cancelled) },
  ];
  const parts = breakdown.data?.rows ?? [];
  // Named by the answer's own grouping: while a new one loads, the figures shown and their title still agree.
  const by = (breakdown.data?.groupBy || shown.groupBy) as GroupBy;
  const breakdownTitle = t('stats.breakdown', { by: t(`stats.by.${by}`) });
  return (
    <Page title={t('nav.statistics')}>
      <Section title={t('messages.filters')}>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setShown(form);
          }}
        >
          <Field id="s-since" label={t('filters.since')}>
            <input id="s-since" type="date" required value={form.since} onInput={(e) => setForm({ ...form, since: e.currentTarget.value })} />
          </Field>
          <Field id="s-until" label={t('filters.until')}>
            <input id="s-until" type="date" required value={form.until} onInput={(e) => setForm({ ...form, until: e.currentTarget.value })} />
          </Field>
          <ChoiceField
            id="s-granularity"
            label={t('stats.granularity')}
            value={form.granularity}
            onChange={(granularity) => setForm({ ...form, granularity })}
            choices={[
              { value: 'day', label: t('stats.byDay') },
              { value: 'hour', label: t('stats.byHour') },
            ]}
          />
          <ChoiceField id="s-group" label={t('stats.groupBy')} value={form.groupBy} onChange={(groupBy) => setForm({ ...form, groupBy })} choices={groupings.map((g) => ({ value: g, label: t(`stats.by.${g}`) }))} />
          <div class="buttons">
            <Submit busy={overTime.loading}>{t('filters.apply')}</Submit>
          </div>
        </form>
        {overTime.data ? <p class="hint">{t('stats.timeZone', { zone: overTime.data.timeZone })}</p> : null}
      </Section>
      <Section title={t('stats.overTime')}>
        <Failure error={overTime.error} />
        {overTime.data ? (
          <>
            <BarChart
              title={t('stats.overTime')}
              labels={rows.map((r) => r.period ?? '')}
              format={(n) => number(n)}
              series={outcomes(rows)}
            />
            {exportLink({ ...range, granularity: shown.granularity }, 'statistics.csv')}
          </>
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={breakdownTitle}>
        <Failure error={breakdown.error} />
        {breakdown.data ? (
          <>
            <BarChart
              title={breakdownTitle}
              labels={parts.map((r) => r.key ?? '—')}
              format={(n) => number(n)}
              series={outcomes(parts)}
            />
            <Table
              caption={breakdownTitle}
              rows={parts}
              rowKey={(r) => r.key ?? '—'}
              columns={[
                { title: t(`stats.by.${by}`), cell: (r) => r.key ?? '—' },
                { title: t('stats.messages'), cell: (r) => number(r.messages), numeric: true },
                { title: t('stats.segments'), cell: (r) => number(r.segments), numeric: true },
                { title: t('stats.delivered'), cell: (r) => number(r.delivered), numeric: true },
                { title: t('stats.failed'), cell: (r) => number(r.failed), numeric: true },
                { title: t('stats.deliveryRate'), cell: (r) => (r.deliveryRate == null ? '—' : percent(r.deliveryRate)), numeric: true },
                { title: t('stats.p95'), cell: (r) => (r.deliveryTimeMs ? `${number(r.deliveryTimeMs.p95 / 1000)} s` : '—'), numeric: true },
              ]}
            />
            {exportLink({ ...range, granularity: 'total', groupBy: by }, 'statistics-breakdown.csv')}
          </>
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
