import { useState } from 'preact/hooks';
import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import type { PageProps } from '../../routes';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Field, Loading, Page, Section, State, Submit, Table } from '../../ui/parts';
import { TemplateText } from '../../ui/template-text';

/** One template: its versions with their review state (and when a waiting review opens), a new version, withdrawal. */
export function Template({ params }: PageProps) {
  const { t, dateTime } = useI18n();
  const id = params.id ?? '';
  const template = useLoad(async () => must(await api.GET('/v1/templates/{id}', { params: { path: { id } } })), [id]);
  const [body, setBody] = useState('');
  const change = useAction(async () => must(await api.PUT('/v1/templates/{id}', { params: { path: { id } }, body: { body } })));
  const withdraw = useAction(async () => must(await api.POST('/v1/templates/{id}/withdraw', { params: { path: { id } } })));
  const data = template.data;
  const waiting = data?.versions.some((v) => v.state === 'waiting' || v.state === 'in_review');
  return (
    <Page title={data ? data.name : t('nav.templates')}>
      <Failure error={template.error} />
      {data ? (
        <>
          <Section title={t('templates.current')}>
            <p>
              {t(`region.${data.region}`)} · {t(`type.${data.type}`)} · <State prefix="templateStatus" value={data.status} />
            </p>
            <TemplateText body={data.body} />
          </Section>
          <Section title={t('templates.versions')}>
            <Table
              caption={t('templates.versions')}
              rows={[...data.versions].reverse()}
              rowKey={(v) => v.reviewId}
              columns={[
                { title: t('templates.version'), cell: (v) => v.version, numeric: true },
                { title: t('templates.body'), cell: (v) => <TemplateText body={v.body} variables={v.variables} /> },
                { title: t('common.state'), cell: (v) => <State prefix="versionState" value={v.state} /> },
                {
                  title: t('templates.review'),
                  cell: (v) =>
                    v.state === 'waiting' && v.opensAt
                      ? t('templates.opensAt', { at: dateTime(v.opensAt) })
                      : v.state === 'in_review' && v.dueAt
                        ? t('templates.dueAt', { at: dateTime(v.dueAt) })
                        : v.decidedAt
                          ? `${dateTime(v.decidedAt)}${v.reason ? ` — ${v.reason}` : ''}`
                          : '—',
                },
              ]}
            />
            {waiting ? (
              <form
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (await withdraw.run()) template.reload();
                }}
              >
                <Failure error={withdraw.error} />
                <Submit busy={withdraw.busy} kind="danger">
                  {t('templates.withdraw')}
                </Submit>
              </form>
            ) : null}
          </Section>
          <Section title={t('templates.change')}>
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                if (await change.run()) {
                  setBody('');
                  template.reload();
                }
              }}
            >
              <Field id="tpl-new-body" label={t('templates.body')} hint={t('templates.bodyHint', { used: body.length, max: 500 })}>
                <textarea id="tpl-new-body" rows={4} required maxLength={500} value={body} onInput={(e) => setBody(e.currentTarget.value)} aria-describedby="tpl-new-body-hint" />
              </Field>
              <Failure error={change.error} />
              <Submit busy={change.busy}>{t('templates.submitVersion')}</Submit>
            </form>
          </Section>
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
