import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/load';
import { SaveForm } from '../../ui/save-form';
import { Failure, Field, Loading, Page, Section, Table } from '../../ui/parts';

type Price = Schemas['PriceTable']['prices'][number];

/** The price table in force, and a new version of it (one line per price: scope, country, price in minor units). */
export function Prices() {
  const { t, number, dateTime } = useI18n();
  const table = useLoad(async () => must(await api.GET('/v1/admin/prices')), []);
  return (
    <Page title={t('nav.prices')}>
      <Section title={t('prices.current')}>
        <Failure error={table.error} />
        {table.data ? (
          <>
            <p>{t('prices.version', { version: table.data.version, at: dateTime(table.data.createdAt), currency: table.data.currency })}</p>
            <Table
              caption={t('prices.current')}
              rows={table.data.prices}
              rowKey={(p) => `${p.scope}-${p.country}`}
              columns={[
                { title: t('billing.scope'), cell: (p) => t(`scope.${p.scope}`) },
                { title: t('filters.country'), cell: (p) => p.country },
                { title: t('prices.segmentPrice'), cell: (p) => number(p.segmentPrice / 100, { style: 'currency', currency: table.data?.currency ?? 'CNY' }), numeric: true },
              ]}
            />
          </>
        ) : table.error ? null : (
          <Loading />
        )}
      </Section>
      <Section title={t('prices.publish')}>
        {/* Starts from the table in force (or empty when there is none), once that is known. */}
        {table.data || table.error ? <PublishForm current={table.data} onPublished={table.reload} /> : <Loading />}
      </Section>
    </Page>
  );
}

function PublishForm(props: { current: Schemas['PriceTable'] | undefined; onPublished: () => void }) {
  const { t } = useI18n();
  const [currency, setCurrency] = useState(props.current?.currency ?? 'CNY');
  const [text, setText] = useState((props.current?.prices ?? []).map((p) => `${p.scope} ${p.country} ${p.segmentPrice}`).join('\n'));
  const publish = useAction(async () => {
    const prices: Price[] = text
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => parts.length === 3)
      .map(([scope, country, price]) => ({ scope: scope as Price['scope'], country: country ?? '', segmentPrice: Number(price) }));
    return must(await api.PUT('/v1/admin/prices', { body: { currency, prices } }));
  });
  return (
    <SaveForm action={publish} onSaved={props.onPublished} submit={t('prices.publishButton')}>
      <Field id="price-currency" label={t('prices.currency')}>
        <input id="price-currency" required pattern="[A-Z]{3}" value={currency} onInput={(e) => setCurrency(e.currentTarget.value)} />
      </Field>
      <Field id="price-lines" label={t('prices.lines')} hint={t('prices.linesHint')}>
        <textarea id="price-lines" rows={8} required value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby="price-lines-hint" />
      </Field>
    </SaveForm>
  );
}
