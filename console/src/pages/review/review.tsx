import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import { useI18n } from '../../i18n';
import type { PageProps } from '../../routes';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Field, Loading, Notice, Page, Section, State, Submit } from '../../ui/parts';
import { TemplateText } from '../../ui/template-text';

type Decision = Schemas['ReviewDecision'];
type Document = Extract<Schemas['Review'], { kind: 'signature' }>['documents'][number];
const previewable = ['application/pdf', 'image/png', 'image/jpeg'];

/** One review: the template with its variables marked, or the signature's documents shown inline; the decision. */
export function Review({ params }: PageProps) {
  const { t, dateTime } = useI18n();
  const { session } = useSession();
  const id = params.id ?? '';
  const review = useLoad(async () => must(await api.GET('/v1/admin/reviews/{id}', { params: { path: { id } } })), [id]);
  const [decision, setDecision] = useState<Decision['decision']>('approve');
  const [reason, setReason] = useState('');
  const decide = useAction(async () => {
    const body: Decision = decision === 'approve' ? { decision } : { decision, reason };
    return must(await api.POST('/v1/admin/reviews/{id}/decision', { params: { path: { id } }, body }));
  });
  const [decided, setDecided] = useState(false);
  const r = review.data;
  const open = r ? (r.kind === 'template' ? r.state === 'in_review' : r.state === 'in_review') : false;
  const workflows = session.links.temporalUi;
  return (
    <Page title={r ? (r.kind === 'template' ? t('reviews.template', { name: r.name }) : t('reviews.signature', { name: r.name })) : t('nav.reviews')}>
      <Failure error={review.error} />
      {r ? (
        <>
          <Section title={t('reviews.application')}>
            <p>
              {t(`type.${r.type}`)} · {r.kind === 'template' ? <State prefix="versionState" value={r.state} /> : <State prefix="signatureState" value={r.state} />} ·{' '}
              {t('signatures.submitted')} {dateTime(r.submittedAt)}
              {workflows ? (
                <>
                  {' · '}
                  <a href={`${workflows}/${encodeURIComponent(r.workflowId)}`} target="_blank" rel="noopener noreferrer">
                    {t('reviews.workflow')}
                  </a>
                </>
              ) : null}
            </p>
            {r.kind === 'template' ? (
              <>
                <TemplateText body={r.body} variables={r.variables} />
                <p class="hint">{t('reviews.region', { region: t(`region.${r.region}`) })}</p>
              </>
            ) : (
              r.documents.map((d) => <DocumentPreview reviewId={r.reviewId} document={d} key={d.id} />)
            )}
            {r.reason ? <p class="notice warn">{r.reason}</p> : null}
          </Section>
          {open ? (
            <Section title={t('reviews.decide')}>
              <form
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (await decide.run()) {
                    setDecided(true);
                    review.reload();
                  }
                }}
              >
                <fieldset>
                  <legend>{t('reviews.decision')}</legend>
                  {(['approve', 'reject', ...(r.kind === 'signature' ? (['request_documents'] as const) : [])] as const).map((d) => (
                    <label class="check" key={d}>
                      <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} /> {t(`decision.${d}`)}
                    </label>
                  ))}
                </fieldset>
                {decision === 'approve' ? null : (
                  <Field id="decision-reason" label={decision === 'reject' ? t('reviews.rejectReason') : t('reviews.documentsReason')}>
                    <textarea id="decision-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                  </Field>
                )}
                <Failure error={decide.error} />
                <Submit busy={decide.busy} kind={decision === 'approve' ? 'primary' : 'danger'}>
                  {t('reviews.submit')}
                </Submit>
              </form>
            </Section>
          ) : decided ? (
            <Notice>
              {t('reviews.decided')}{' '}
              <button type="button" class="plain" onClick={() => navigate('/reviews')}>
                {t('reviews.back')}
              </button>
            </Notice>
          ) : null}
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}

/**
 * A document shown inline. It is fetched with the session and shown from a blob of the type its content was checked
 * to be (PDF, PNG or JPEG only), so the browser renders it as a document or an image, never as a page of this origin.
 */
function DocumentPreview(props: { reviewId: string; document: Document }) {
  const { t, number } = useI18n();
  const d = props.document;
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!previewable.includes(d.contentType)) return;
    let objectUrl: string | undefined;
    void fetch(`/v1/admin/reviews/${props.reviewId}/documents/${d.id}`, { credentials: 'same-origin' })
      .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(String(res.status)))))
      .then((bytes) => {
        objectUrl = URL.createObjectURL(new Blob([bytes], { type: d.contentType }));
        setUrl(objectUrl);
      })
      .catch(() => setUrl(undefined));
    return () => objectUrl && URL.revokeObjectURL(objectUrl);
  }, [props.reviewId, d.id, d.contentType]);
  const title = `${t(`documentKind.${d.kind}`)} (${d.fileName ?? d.id}, ${number(Math.ceil(d.size / 1024))} KiB)`;
  return (
    <figure class="document">
      <figcaption>
        {title} —{' '}
        <a href={`/v1/admin/reviews/${props.reviewId}/documents/${d.id}`} download>
          {t('reviews.download')}
        </a>
      </figcaption>
      {url ? (
        d.contentType === 'application/pdf' ? (
          <iframe src={url} title={title} class="pdf" data-document={d.kind} />
        ) : (
          <img src={url} alt={title} data-document={d.kind} />
        )
      ) : (
        <Loading />
      )}
    </figure>
  );
}
