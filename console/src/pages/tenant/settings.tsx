import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../../client/client';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useAction, useLoad } from '../../ui/load';
import { AuditTable } from '../../ui/audit-table';
import { SaveForm } from '../../ui/save-form';
import { Failure, Field, Loading, Page, Section, Submit, Table } from '../../ui/parts';

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
const listOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The tenant's settings: the app's URLs and secrets, regions, traffic thresholds, the statistics zone, API keys, the audit log. */
export function Settings() {
  const { t } = useI18n();
  const { session } = useSession();
  const owner = session.user.role === 'tenant_owner';
  return (
    <Page title={t('nav.settings')}>
      {owner ? null : <p class="notice warn">{t('settings.memberReadOnly')}</p>}
      <AppSettings owner={owner} />
      <Regions />
      <Thresholds />
      <TimeZone />
      {owner ? <ApiKeys /> : null}
      <AuditLog />
    </Page>
  );
}

function AppSettings(props: { owner: boolean }) {
  const { t } = useI18n();
  const app = useLoad(async () => must(await api.GET('/v1/app')), []);
  const [shown, setShown] = useState<string | undefined>();
  const rotate = useAction(async () => must(await api.POST('/v1/app/secret', { body: { graceSeconds: 86_400 } })).appSecret);
  const rotateSigning = useAction(async () => must(await api.POST('/v1/app/signing-secret', { body: { graceSeconds: 86_400 } })).signingSecret);
  return (
    <Section title={t('settings.app')}>
      <Failure error={app.error} />
      {app.data ? (
        <>
          <dl class="pairs">
            <dt>{t('settings.appKey')}</dt>
            <dd>
              <code>{app.data.appKey}</code>
            </dd>
            <dt>{t('settings.from')}</dt>
            <dd>
              {app.data.from} · {app.data.mainlandFrom}
            </dd>
          </dl>
          <AppUrls app={app.data} owner={props.owner} />
          {props.owner ? (
            <div class="buttons">
              <button type="button" disabled={rotate.busy} onClick={async () => setShown(await rotate.run())}>
                {t('settings.rotateSecret')}
              </button>
              <button type="button" disabled={rotateSigning.busy} onClick={async () => setShown(await rotateSigning.run())}>
                {t('settings.rotateSigning')}
              </button>
            </div>
          ) : null}
          <Failure error={rotate.error ?? rotateSigning.error} />
          {shown ? (
            <p class="notice warn" role="status">
              {t('settings.shownOnce')} <code class="secret">{shown}</code>
            </p>
          ) : null}
        </>
      ) : (
        <Loading />
      )}
    </Section>
  );
}

/** The forms below start from the loaded values (mounted once they are loaded), so nothing typed is overwritten. */
function AppUrls(props: { app: Schemas['App']; owner: boolean }) {
  const { t } = useI18n();
  const [callbackUrl, setCallbackUrl] = useState(props.app.callbackUrl ?? '');
  const [uplinkUrl, setUplinkUrl] = useState(props.app.uplinkUrl ?? '');
  const save = useAction(async () => must(await api.PATCH('/v1/app', { body: { callbackUrl: callbackUrl || null, uplinkUrl: uplinkUrl || null } })));
  return (
    <SaveForm action={save} readOnly={!props.owner}>
      <Field id="set-callback" label={t('settings.callbackUrl')} hint={t('settings.urlHint')}>
        <input id="set-callback" type="url" disabled={!props.owner} value={callbackUrl} onInput={(e) => setCallbackUrl(e.currentTarget.value)} />
      </Field>
      <Field id="set-uplink" label={t('settings.uplinkUrl')}>
        <input id="set-uplink" type="url" disabled={!props.owner} value={uplinkUrl} onInput={(e) => setUplinkUrl(e.currentTarget.value)} />
      </Field>
    </SaveForm>
  );
}

function Regions() {
  const { t } = useI18n();
  const regions = useLoad(async () => must(await api.GET('/v1/region-settings')), []);
  return (
    <Section title={t('settings.regions')}>
      <Failure error={regions.error} />
      {regions.data ? <RegionsForm settings={regions.data} /> : <Loading />}
    </Section>
  );
}

function RegionsForm(props: { settings: Schemas['RegionSettingsView'] }) {
  const { t } = useI18n();
  const [countries, setCountries] = useState(props.settings.countries.join(', '));
  const save = useAction(async () => must(await api.PUT('/v1/region-settings', { body: { countries: listOf(countries).map((c) => c.toUpperCase()), rules: props.settings.rules } })));
  return (
    <SaveForm action={save}>
      <Field id="set-countries" label={t('settings.countries')} hint={t('settings.countriesHint')}>
        <input id="set-countries" value={countries} onInput={(e) => setCountries(e.currentTarget.value)} aria-describedby="set-countries-hint" />
      </Field>
    </SaveForm>
  );
}

function Thresholds() {
  const { t } = useI18n();
  const current = useLoad(async () => must(await api.GET('/v1/traffic-thresholds')), []);
  return (
    <Section title={t('settings.thresholds')}>
      <Failure error={current.error} />
      {current.data?.suspension ? <p class="notice warn">{t('overview.suspended')}</p> : null}
      {current.data ? <ThresholdsForm current={current.data} onSaved={current.reload} /> : <Loading />}
    </Section>
  );
}

function ThresholdsForm(props: { current: Schemas['TrafficThresholdsView']; onSaved: () => void }) {
  const { t } = useI18n();
  const d = props.current;
  const text = (n: number | null) => (n === null ? '' : String(n));
  const [form, setForm] = useState({ dailyAlarm: text(d.dailyAlarm), dailyLimit: text(d.dailyLimit), hourlyAlarm: text(d.hourlyAlarm), hourlyLimit: text(d.hourlyLimit), contactNumbers: d.contactNumbers.join(', ') });
  const save = useAction(async () =>
    must(
      await api.PUT('/v1/traffic-thresholds', {
        body: {
          dailyAlarm: numberOrNull(form.dailyAlarm),
          dailyLimit: numberOrNull(form.dailyLimit),
          hourlyAlarm: numberOrNull(form.hourlyAlarm),
          hourlyLimit: numberOrNull(form.hourlyLimit),
          contactNumbers: listOf(form.contactNumbers),
        },
      }),
    ),
  );
  const input = (key: keyof typeof form, label: string, type: 'number' | 'text' = 'number') => (
    <Field id={`th-${key}`} label={label}>
      {type === 'number' ? (
        <input id={`th-${key}`} type="number" min={1} value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
      ) : (
        <input id={`th-${key}`} value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
      )}
    </Field>
  );
  return (
    <SaveForm action={save} onSaved={props.onSaved}>
      <div class="row">
        {input('dailyAlarm', t('settings.dailyAlarm'))}
        {input('dailyLimit', t('settings.dailyLimit'))}
        {input('hourlyAlarm', t('settings.hourlyAlarm'))}
        {input('hourlyLimit', t('settings.hourlyLimit'))}
      </div>
      {input('contactNumbers', t('settings.contactNumbers'), 'text')}
    </SaveForm>
  );
}

function TimeZone() {
  const { t } = useI18n();
  const zone = useLoad(async () => must(await api.GET('/v1/statistics/time-zone')), []);
  return (
    <Section title={t('settings.timeZone')}>
      <Failure error={zone.error} />
      {zone.data ? <TimeZoneForm zone={zone.data.timeZone} /> : <Loading />}
    </Section>
  );
}

function TimeZoneForm(props: { zone: string }) {
  const { t } = useI18n();
  const [value, setValue] = useState(props.zone);
  const save = useAction(async () => must(await api.PUT('/v1/statistics/time-zone', { body: { timeZone: value } })));
  return (
    <SaveForm action={save}>
      <Field id="set-zone" label={t('settings.timeZone')} hint={t('settings.timeZoneHint')}>
        <input id="set-zone" required value={value} onInput={(e) => setValue(e.currentTarget.value)} aria-describedby="set-zone-hint" />
      </Field>
    </SaveForm>
  );
}

function ApiKeys() {
  const { t, dateTime } = useI18n();
  const keys = useLoad(async () => must(await api.GET('/v1/api-keys')).keys, []);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<('send' | 'read')[]>(['send']);
  const [made, setMade] = useState<string | undefined>();
  const create = useAction(async () => must(await api.POST('/v1/api-keys', { body: { name, scopes } })));
  const revoke = useAction(async (id: string) => must(await api.DELETE('/v1/api-keys/{id}', { params: { path: { id } } })));
  const toggle = (scope: 'send' | 'read') => setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));
  return (
    <Section title={t('settings.apiKeys')}>
      <Failure error={keys.error ?? revoke.error} />
      {keys.data ? (
        <Table
          caption={t('settings.apiKeys')}
          rows={keys.data}
          rowKey={(k) => k.id}
          columns={[
            { title: t('common.name'), cell: (k) => k.name },
            { title: t('settings.prefix'), cell: (k) => <code>{k.prefix}</code> },
            { title: t('settings.scopes'), cell: (k) => k.scopes.join(', ') },
            { title: t('common.created'), cell: (k) => dateTime(k.createdAt) },
            {
              title: t('common.state'),
              cell: (k) =>
                k.revokedAt ? (
                  t('settings.revoked')
                ) : (
                  <button type="button" class="danger" onClick={async () => (await revoke.run(k.id)) && keys.reload()}>
                    {t('settings.revoke')}
                  </button>
                ),
            },
          ]}
        />
      ) : (
        <Loading />
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const key = await create.run();
          if (key) {
            setMade(key.key);
            keys.reload();
          }
        }}
      >
        <Field id="key-name" label={t('common.name')}>
          <input id="key-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <fieldset>
          <legend>{t('settings.scopes')}</legend>
          {(['send', 'read'] as const).map((scope) => (
            <label class="check" key={scope}>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {t(`scopeName.${scope}`)}
            </label>
          ))}
        </fieldset>
        <Failure error={create.error} />
        {made ? (
          <p class="notice warn" role="status">
            {t('settings.shownOnce')} <code class="secret">{made}</code>
          </p>
        ) : null}
        <Submit busy={create.busy}>{t('settings.createKey')}</Submit>
      </form>
    </Section>
  );
}

function AuditLog() {
  const { t } = useI18n();
  const entries = useLoad(async () => must(await api.GET('/v1/audit-log', { params: { query: { limit: 50 } } })).entries, []);
  return (
    <Section title={t('nav.audit')}>
      <Failure error={entries.error} />
      {entries.data ? (
        <AuditTable entries={entries.data} />
      ) : (
        <Loading />
      )}
    </Section>
  );
}
