import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Field, Loading, Notice, Page, Section, Submit, Table } from '../../ui/parts';

type Price = Schemas['PriceTable']['prices'][number];

/** The price table in force, and a new version of it (one line per price: scope, country, price in minor units). */
export function Prices() {
  const { t, number, dateTime } = useI18n();
  const table = useLoad(async () => must(await api.GET('/v1/admin/prices')), []);
  const [text, setText] = useState('');
  const [currency, setCurrency] = useState('CNY');
  useEffect(() => {
    if (!table.data) return;
    setCurrency(table.data.currency);
    setText(table.data.prices.map((p) => `${p.scope} ${p.country} ${p.segmentPrice}`).join('\n'));
  }, [table.data]);
  const publish = useAction(async () => {
    const prices: Price[] = text
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => parts.length === 3)
      .map(([scope, country, price]) => ({ scope: scope as Price['scope'], country: country ?? '', segmentPrice: Number(price) }));
    return must(await api.PUT('/v1/admin/prices', { body: { currency, prices } }));
  });
  const [published, setPublished] = useState(false);
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
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setPublished(false);
            if (await publish.run()) {
              setPublished(true);
              table.reload();
            }
          }}
        >
          <Field id="price-currency" label={t('prices.currency')}>
            <input id="price-currency" required pattern="[A-Z]{3}" value={currency} onInput={(e) => setCurrency(e.currentTarget.value)} />
          </Field>
          <Field id="price-lines" label={t('prices.lines')} hint={t('prices.linesHint')}>
            <textarea id="price-lines" rows={8} required value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby="price-lines-hint" />
          </Field>
          <Failure error={publish.error} />
          {published ? <Notice>{t('common.saved')}</Notice> : null}
          <Submit busy={publish.busy}>{t('prices.publishButton')}</Submit>
        </form>
      </Section>
    </Page>
  );
}
