import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/load';
import { TemplateFields, useSendables } from '../../ui/template-fields';
import { Failure, Field, Link, Loading, Page, Section, State, Submit, Table } from '../../ui/parts';
import { TemplateText, variableCount } from '../../ui/template-text';

type Sent = Schemas['SendMessagesResponse']['messages'][number];

/** Send a test SMS from an approved template to a few numbers, and follow each to the handset. */
export function Send() {
  const { t } = useI18n();
  const sendables = useSendables();
  const templates = sendables.templates;
  const [templateId, setTemplateId] = useState('');
  const [numbers, setNumbers] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [signature, setSignature] = useState('');
  const [sent, setSent] = useState<Sent[] | undefined>();
  const template = templates.data?.find((x) => x.id === templateId);
  const count = template ? variableCount(template.body) : 0;
  const send = useAction(async () => {
    const to = numbers
      .split(/[\s,;]+/)
      .map((n) => n.trim())
      .filter(Boolean);
    const body = { to, templateId, params: values.slice(0, count), ...(template?.region === 'mainland' && signature ? { signature } : {}) };
    return must(await api.POST('/v1/messages', { body }));
  });
  return (
    <Page title={t('nav.send')}>
      <Section title={t('send.form')}>
        {templates.data === undefined ? <Loading /> : null}
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await send.run();
            if (result) setSent(result.messages);
          }}
        >
          <TemplateFields idPrefix="send" sendables={sendables} templateId={templateId} onTemplate={(id) => (setTemplateId(id), setValues([]))} signature={signature} onSignature={setSignature} />
          {template ? <TemplateText body={template.body} /> : null}
          {Array.from({ length: count }, (_, i) => (
            <Field id={`send-value-${i + 1}`} label={t('send.value', { n: i + 1 })} key={i}>
              <input id={`send-value-${i + 1}`} required value={values[i] ?? ''} onInput={(e) => setValues((v) => Object.assign([...v], { [i]: e.currentTarget.value }))} />
            </Field>
          ))}
          <Field id="send-to" label={t('send.to')} hint={t('send.toHint')}>
            <textarea id="send-to" rows={3} required value={numbers} onInput={(e) => setNumbers(e.currentTarget.value)} aria-describedby="send-to-hint" />
          </Field>
          <Failure error={send.error} />
          <Submit busy={send.busy}>{t('send.submit')}</Submit>
        </form>
      </Section>
      {sent ? (
        <Section title={t('send.results')}>
          <Table
            caption={t('send.results')}
            rows={sent}
            rowKey={(m) => ('id' in m ? m.id : m.to)}
            columns={[
              { title: t('messages.to'), cell: (m) => m.to },
              { title: t('messages.status'), cell: (m) => <State prefix="status" value={m.status} /> },
              {
                title: t('common.details'),
                cell: (m) => ('id' in m ? <Link href={`/messages?id=${m.id}`}>{t('send.follow')}</Link> : `${m.error.message} (${m.error.code})`),
              },
            ]}
          />
        </Section>
      ) : null}
    </Page>
  );
}
