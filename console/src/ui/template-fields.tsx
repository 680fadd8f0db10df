import { api, must } from '../client/client';
import { useI18n } from '../i18n';
import { useLoad } from './load';
import { Field, Failure } from './parts';

/** The tenant's approved templates and approved signature names: what a send or a campaign may use. */
export function useSendables() {
  const templates = useLoad(async () => must(await api.GET('/v1/templates')).templates.filter((x) => x.approvedVersion !== null), []);
  const signatures = useLoad(async () => [...new Set(must(await api.GET('/v1/signatures')).signatures.filter((s) => s.state === 'approved').map((s) => s.name))], []);
  return { templates, signatures };
}

/** The template to send, and for a mainland one the signature it goes out with. */
export function TemplateFields(props: {
  idPrefix: string;
  sendables: ReturnType<typeof useSendables>;
  templateId: string;
  onTemplate: (id: string) => void;
  signature: string;
  onSignature: (name: string) => void;
}) {
  const { t } = useI18n();
  const { templates, signatures } = props.sendables;
  const template = templates.data?.find((x) => x.id === props.templateId);
  return (
    <>
      <Failure error={templates.error ?? signatures.error} />
      <div class="row">
        <Field id={`${props.idPrefix}-template`} label={t('send.template')}>
          <select id={`${props.idPrefix}-template`} required value={props.templateId} onChange={(e) => props.onTemplate(e.currentTarget.value)}>
            <option value="">{t('common.choose')}</option>
            {(templates.data ?? []).map((x) => (
              <option value={x.id} key={x.id}>
                {x.name} ({t(`region.${x.region}`)})
              </option>
            ))}
          </select>
        </Field>
        {template?.region === 'mainland' ? (
          <Field id={`${props.idPrefix}-signature`} label={t('send.signature')}>
            <select id={`${props.idPrefix}-signature`} required value={props.signature} onChange={(e) => props.onSignature(e.currentTarget.value)}>
              <option value="">{t('common.choose')}</option>
              {(signatures.data ?? []).map((name) => (
                <option value={name} key={name}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </div>
    </>
  );
}
