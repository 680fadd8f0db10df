import { useState } from 'preact/hooks';
import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { useAction, useLoad } from '../../ui/load';
import { messageTypes, regions, type MessageType, type Region } from '../../ui/choices';
import { ChoiceField, Failure, Field, Link, Loading, Page, Section, State, Submit, Table } from '../../ui/parts';

const maxBody = 500;

/** The tenant's templates, and the application for a new one. */
export function Templates() {
  const { t } = useI18n();
  const list = useLoad(async () => must(await api.GET('/v1/templates')).templates, []);
  const [name, setName] = useState('');
  const [region, setRegion] = useState<Region>('mainland');
  const [type, setType] = useState<MessageType>('verification');
  const [body, setBody] = useState('');
  const apply = useAction(async () => must(await api.POST('/v1/templates', { body: { name, region, type, body } })));
  return (
    <Page title={t('nav.templates')}>
      <Section title={t('templates.list')}>
        <Failure error={list.error} />
        {list.data ? (
          <Table
            caption={t('templates.list')}
            rows={list.data}
            rowKey={(x) => x.id}
            columns={[
              { title: t('common.name'), cell: (x) => <Link href={`/templates/${x.id}`}>{x.name}</Link> },
              { title: t('templates.region'), cell: (x) => t(`region.${x.region}`) },
              { title: t('templates.type'), cell: (x) => t(`type.${x.type}`) },
              { title: t('common.state'), cell: (x) => <State prefix="templateStatus" value={x.status} /> },
              { title: t('templates.body'), cell: (x) => x.body },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('templates.apply')}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const made = await apply.run();
            if (made) navigate(`/templates/${made.id}`);
          }}
        >
          <Field id="tpl-name" label={t('common.name')}>
            <input id="tpl-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <div class="row">
            <ChoiceField id="tpl-region" label={t('templates.region')} value={region} onChange={setRegion} choices={regions.map((r) => ({ value: r, label: t(`region.${r}`) }))} />
            <ChoiceField id="tpl-type" label={t('templates.type')} value={type} onChange={setType} choices={messageTypes.map((x) => ({ value: x, label: t(`type.${x}`) }))} />
          </div>
          <Field id="tpl-body" label={t('templates.body')} hint={t('templates.bodyHint', { used: body.length, max: maxBody })}>
            <textarea id="tpl-body" rows={4} required maxLength={maxBody} value={body} onInput={(e) => setBody(e.currentTarget.value)} aria-describedby="tpl-body-hint" />
          </Field>
          <Failure error={apply.error} />
          <Submit busy={apply.busy}>{t('templates.submit')}</Submit>
        </form>
      </Section>
    </Page>
  );
}
