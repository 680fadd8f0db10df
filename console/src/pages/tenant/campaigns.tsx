import { useState } from 'preact/hooks';
import { api, must, type ApiFailure, type Schemas } from '../../client/client';
import { upload } from '../../client/upload';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { useAction, useLoad } from '../../ui/load';
import { TemplateFields, useSendables } from '../../ui/template-fields';
import { Failure, Field, Link, Loading, Page, Progress, Section, State, Submit, Table } from '../../ui/parts';

type Upload = Schemas['CampaignUploadSummary'];

/** The checked list a refused upload left (no row could be sent, a bad row count): its refused rows say why. */
function refusedUpload(error: ApiFailure | undefined): Upload | undefined {
  const details = error?.details as { upload?: Upload } | undefined;
  return details?.upload;
}

/** The Group SMS Assistant: upload a list, see each refused line and the cost, then start (or schedule) the campaign. */
export function Campaigns() {
  const { t, dateTime } = useI18n();
  const list = useLoad(async () => must(await api.GET('/v1/campaigns')).campaigns, [], { everyMs: 5_000 });
  const sendables = useSendables();
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [signature, setSignature] = useState('');
  const [progress, setProgress] = useState<number | undefined>();
  const [uploaded, setUploaded] = useState<Upload | undefined>();
  const template = sendables.templates.data?.find((x) => x.id === templateId);
  const send = useAction(async (file: File) => {
    const query = new URLSearchParams({ templateId, name, ...(template?.region === 'mainland' && signature ? { signature } : {}) });
    const type = /\.txt$/i.test(file.name) ? 'text/plain' : 'text/csv';
    return upload<Upload>('POST', `/v1/campaigns/uploads?${query}`, file, setProgress, type);
  });
  return (
    <Page title={t('nav.campaigns')}>
      <Section title={t('campaigns.list')}>
        <Failure error={list.error} />
        {list.data ? (
          <Table
            caption={t('campaigns.list')}
            rows={list.data}
            rowKey={(c) => c.id}
            columns={[
              { title: t('common.name'), cell: (c) => <Link href={`/campaigns/${c.id}`}>{c.name}</Link> },
              { title: t('common.state'), cell: (c) => <State prefix="campaignStatus" value={c.status} /> },
              { title: t('campaigns.recipients'), cell: (c) => c.progress.recipients, numeric: true },
              { title: t('stats.delivered'), cell: (c) => c.progress.delivered, numeric: true },
              { title: t('common.created'), cell: (c) => dateTime(c.createdAt) },
            ]}
          />
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('campaigns.new')}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const file = (e.currentTarget.elements.namedItem('list') as HTMLInputElement).files?.[0];
            if (!file) return;
            setUploaded(undefined);
            const result = await send.run(file);
            if (result) setUploaded(result);
          }}
        >
          <Field id="cmp-name" label={t('common.name')}>
            <input id="cmp-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <TemplateFields idPrefix="cmp" sendables={sendables} templateId={templateId} onTemplate={setTemplateId} signature={signature} onSignature={setSignature} />
          <Field id="cmp-file" label={t('campaigns.file')} hint={t('campaigns.fileHint')}>
            <input id="cmp-file" name="list" type="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby="cmp-file-hint" />
          </Field>
          {send.busy && progress !== undefined ? <Progress label={t('common.uploading')} fraction={progress} /> : null}
          <Failure error={send.error} />
          <Submit busy={send.busy}>{t('campaigns.upload')}</Submit>
        </form>
      </Section>
      {uploaded ? <UploadResult upload={uploaded} /> : refusedUpload(send.error) ? <UploadResult upload={refusedUpload(send.error) as Upload} /> : null}
    </Page>
  );
}

function UploadResult(props: { upload: Upload }) {
  const { t, number } = useI18n();
  const { upload: u } = props;
  const [sendAt, setSendAt] = useState('');
  const [rate, setRate] = useState('');
  const start = useAction(async () =>
    must(
      await api.POST('/v1/campaigns', {
        body: { name: u.name, uploadId: u.id, ...(sendAt ? { sendAt: new Date(sendAt).toISOString() } : {}), ...(rate ? { ratePerSecond: Number(rate) } : {}) },
      }),
    ),
  );
  const cost = u.estimate.cost;
  return (
    <Section title={t('campaigns.checked', { name: u.name })} id="upload-result">
      <dl class="figures">
        <div>
          <dt>{t('campaigns.rowsRead')}</dt>
          <dd>{number(u.rows.read)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.rowsAccepted')}</dt>
          <dd data-figure="accepted">{number(u.rows.accepted)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.rowsInvalid')}</dt>
          <dd data-figure="invalid">{number(u.rows.invalid)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.rowsDuplicate')}</dt>
          <dd>{number(u.rows.duplicates)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.segments')}</dt>
          <dd>
            {t('scope.mainland')} {number(u.estimate.segments.mainland)} · {t('scope.international')} {number(u.estimate.segments.international)}
          </dd>
        </div>
        <div>
          <dt>{t('campaigns.cost')}</dt>
          <dd>{cost ? number(cost.amount / 100, { style: 'currency', currency: cost.currency }) : t('campaigns.noPrice')}</dd>
        </div>
      </dl>
      {u.error ? <p class="failure" role="alert">{u.error.message}</p> : null}
      {u.invalidRows.length > 0 ? (
        <>
          <Table
            caption={t('campaigns.invalidRows')}
            rows={u.invalidRows}
            rowKey={(r) => String(r.line)}
            columns={[
              { title: t('campaigns.line'), cell: (r) => r.line, numeric: true },
              { title: t('common.code'), cell: (r) => <code>{r.code}</code> },
              { title: t('common.reason'), cell: (r) => r.message },
            ]}
          />
          <p>
            <a href={`/v1/campaigns/uploads/${u.id}/errors`} download>
              {t('campaigns.allInvalid')}
            </a>
          </p>
        </>
      ) : null}
      {u.status === 'ready' && u.rows.accepted > 0 ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const made = await start.run();
            if (made) navigate(`/campaigns/${made.id}`);
          }}
        >
          <Field id="cmp-send-at" label={t('campaigns.sendAt')} hint={t('campaigns.sendAtHint')}>
            <input id="cmp-send-at" type="datetime-local" value={sendAt} onInput={(e) => setSendAt(e.currentTarget.value)} aria-describedby="cmp-send-at-hint" />
          </Field>
          <Field id="cmp-rate" label={t('campaigns.rate')} hint={t('campaigns.rateHint')}>
            <input id="cmp-rate" type="number" min={1} max={10_000} step={1} value={rate} onInput={(e) => setRate(e.currentTarget.value)} aria-describedby="cmp-rate-hint" />
          </Field>
          <Failure error={start.error} />
          <Submit busy={start.busy}>{sendAt ? t('campaigns.schedule') : t('campaigns.start')}</Submit>
        </form>
      ) : null}
    </Section>
  );
}
