import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import { upload } from '../../client/upload';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/load';
import { messageTypes, type MessageType } from '../../ui/choices';
import { ChoiceField, Failure, Field, Loading, Notice, Page, Progress, Section, State, Submit, Table } from '../../ui/parts';

type Signature = Schemas['Signature'];
const accept = 'application/pdf,image/png,image/jpeg';

/** Mainland signatures: apply with the two documents (upload progress shown), and answer a request for more. */
export function Signatures() {
  const { t, dateTime } = useI18n();
  // Refreshed while the page is open: a decision, or the review resuming after new documents, shows by itself.
  const list = useLoad(async () => must(await api.GET('/v1/signatures')).signatures, [], { everyMs: 3_000 });
  const [name, setName] = useState('');
  const [type, setType] = useState<MessageType>('verification');
  const [progress, setProgress] = useState<number | undefined>();
  const [applied, setApplied] = useState<Signature | undefined>();
  const apply = useAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    data.set('name', name);
    data.set('type', type);
    return upload<Signature>('POST', '/v1/signatures', data, setProgress);
  });
  const requested = (list.data ?? []).filter((s) => s.state === 'documents_requested');
  return (
    <Page title={t('nav.signatures')}>
      <Section title={t('signatures.list')}>
        <Failure error={list.error} />
        {list.data ? (
          <Table
            caption={t('signatures.list')}
            rows={list.data}
            rowKey={(s) => s.id}
            columns={[
              { title: t('common.name'), cell: (s) => s.name },
              { title: t('templates.type'), cell: (s) => t(`type.${s.type}`) },
              { title: t('common.state'), cell: (s) => <State prefix="signatureState" value={s.state} /> },
              { title: t('signatures.submitted'), cell: (s) => dateTime(s.submittedAt) },
              { title: t('signatures.reason'), cell: (s) => s.reason ?? '—' },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
      {requested.map((s) => (
        <MoreDocuments signature={s} key={s.id} onDone={list.reload} />
      ))}
      <Section title={t('signatures.apply')}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const made = await apply.run(e.currentTarget);
            if (made) {
              setApplied(made);
              list.reload();
            }
          }}
        >
          <div class="row">
            <Field id="sig-name" label={t('signatures.name')} hint={t('signatures.nameHint')}>
              <input id="sig-name" required maxLength={20} value={name} onInput={(e) => setName(e.currentTarget.value)} aria-describedby="sig-name-hint" />
            </Field>
            <ChoiceField id="sig-type" label={t('templates.type')} value={type} onChange={setType} choices={messageTypes.map((x) => ({ value: x, label: t(`type.${x}`) }))} />
          </div>
          <Field id="sig-attorney" label={t('signatures.attorneyLetter')} hint={t('signatures.fileHint')}>
            <input id="sig-attorney" name="attorneyLetter" type="file" accept={accept} required />
          </Field>
          <Field id="sig-license" label={t('signatures.businessLicense')} hint={t('signatures.fileHint')}>
            <input id="sig-license" name="businessLicense" type="file" accept={accept} required />
          </Field>
          {apply.busy && progress !== undefined ? <Progress label={t('common.uploading')} fraction={progress} /> : null}
          <Failure error={apply.error} />
          {applied && !apply.busy ? <Notice>{t('signatures.applied', { name: applied.name })}</Notice> : null}
          <Submit busy={apply.busy}>{t('signatures.submit')}</Submit>
        </form>
      </Section>
    </Page>
  );
}

function MoreDocuments(props: { signature: Signature; onDone: () => void }) {
  const { t, dateTime } = useI18n();
  const [progress, setProgress] = useState<number | undefined>();
  const send = useAction(async (form: HTMLFormElement) => {
    // Only the documents chosen: a file input left empty would send an empty part.
    const data = new FormData();
    for (const [name, value] of new FormData(form)) if (!(value instanceof File) || value.size > 0) data.append(name, value);
    return upload<Signature>('POST', `/v1/signatures/${props.signature.id}/documents`, data, setProgress);
  });
  const id = props.signature.id;
  return (
    <Section title={t('signatures.moreFor', { name: props.signature.name })}>
      <p class="notice warn">
        {props.signature.reason} {props.signature.expiresAt ? t('signatures.expiresAt', { at: dateTime(props.signature.expiresAt) }) : null}
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await send.run(e.currentTarget)) props.onDone();
        }}
      >
        <Field id={`more-attorney-${id}`} label={t('signatures.attorneyLetter')}>
          <input id={`more-attorney-${id}`} name="attorneyLetter" type="file" accept={accept} />
        </Field>
        <Field id={`more-license-${id}`} label={t('signatures.businessLicense')}>
          <input id={`more-license-${id}`} name="businessLicense" type="file" accept={accept} />
        </Field>
        {send.busy && progress !== undefined ? <Progress label={t('common.uploading')} fraction={progress} /> : null}
        <Failure error={send.error} />
        <Submit busy={send.busy}>{t('signatures.sendMore')}</Submit>
      </form>
    </Section>
  );
}
