import { useEffect, useState } from 'preact/hooks';
import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Field, Loading, Notice, Page, Section, Submit, Table } from '../../ui/parts';

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
  const [callbackUrl, setCallbackUrl] = useState('');
  const [uplinkUrl, setUplinkUrl] = useState('');
  const [shown, setShown] = useState<string | undefined>();
  useEffect(() => {
    setCallbackUrl(app.data?.callbackUrl ?? '');
    setUplinkUrl(app.data?.uplinkUrl ?? '');
  }, [app.data]);
  const save = useAction(async () => must(await api.PATCH('/v1/app', { body: { callbackUrl: callbackUrl || null, uplinkUrl: uplinkUrl || null } })));
  const rotate = useAction(async () => must(await api.POST('/v1/app/secret', { body: { graceSeconds: 86_400 } })).appSecret);
  const rotateSigning = useAction(async () => must(await api.POST('/v1/app/signing-secret', { body: { graceSeconds: 86_400 } })).signingSecret);
  const [saved, setSaved] = useState(false);
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
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setSaved(false);
              if (await save.run()) setSaved(true);
            }}
          >
            <Field id="set-callback" label={t('settings.callbackUrl')} hint={t('settings.urlHint')}>
              <input id="set-callback" type="url" disabled={!props.owner} value={callbackUrl} onInput={(e) => setCallbackUrl(e.currentTarget.value)} />
            </Field>
            <Field id="set-uplink" label={t('settings.uplinkUrl')}>
              <input id="set-uplink" type="url" disabled={!props.owner} value={uplinkUrl} onInput={(e) => setUplinkUrl(e.currentTarget.value)} />
            </Field>
            <Failure error={save.error} />
            {saved ? <Notice>{t('common.saved')}</Notice> : null}
            {props.owner ? <Submit busy={save.busy}>{t('common.save')}</Submit> : null}
          </form>
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

function Regions() {
  const { t } = useI18n();
  const regions = useLoad(async () => must(await api.GET('/v1/region-settings')), []);
  const [countries, setCountries] = useState('');
  useEffect(() => setCountries(regions.data?.countries.join(', ') ?? ''), [regions.data]);
  const save = useAction(async () => must(await api.PUT('/v1/region-settings', { body: { countries: listOf(countries).map((c) => c.toUpperCase()), rules: regions.data?.rules ?? [] } })));
  const [saved, setSaved] = useState(false);
  return (
    <Section title={t('settings.regions')}>
      <Failure error={regions.error} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          if (await save.run()) setSaved(true);
        }}
      >
        <Field id="set-countries" label={t('settings.countries')} hint={t('settings.countriesHint')}>
          <input id="set-countries" value={countries} onInput={(e) => setCountries(e.currentTarget.value)} aria-describedby="set-countries-hint" />
        </Field>
        <Failure error={save.error} />
        {saved ? <Notice>{t('common.saved')}</Notice> : null}
        <Submit busy={save.busy}>{t('common.save')}</Submit>
      </form>
    </Section>
  );
}

function Thresholds() {
  const { t } = useI18n();
  const current = useLoad(async () => must(await api.GET('/v1/traffic-thresholds')), []);
  const [form, setForm] = useState({ dailyAlarm: '', dailyLimit: '', hourlyAlarm: '', hourlyLimit: '', contactNumbers: '' });
  useEffect(() => {
    const d = current.data;
    if (d) {
      const text = (n: number | null) => (n === null ? '' : String(n));
      setForm({ dailyAlarm: text(d.dailyAlarm), dailyLimit: text(d.dailyLimit), hourlyAlarm: text(d.hourlyAlarm), hourlyLimit: text(d.hourlyLimit), contactNumbers: d.contactNumbers.join(', ') });
    }
  }, [current.data]);
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
  const [saved, setSaved] = useState(false);
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
    <Section title={t('settings.thresholds')}>
      <Failure error={current.error} />
      {current.data?.suspension ? <p class="notice warn">{t('overview.suspended')}</p> : null}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          if (await save.run()) {
            setSaved(true);
            current.reload();
          }
        }}
      >
        <div class="row">
          {input('dailyAlarm', t('settings.dailyAlarm'))}
          {input('dailyLimit', t('settings.dailyLimit'))}
          {input('hourlyAlarm', t('settings.hourlyAlarm'))}
          {input('hourlyLimit', t('settings.hourlyLimit'))}
        </div>
        {input('contactNumbers', t('settings.contactNumbers'), 'text')}
        <Failure error={save.error} />
        {saved ? <Notice>{t('common.saved')}</Notice> : null}
        <Submit busy={save.busy}>{t('common.save')}</Submit>
      </form>
    </Section>
  );
}

function TimeZone() {
  const { t } = useI18n();
  const zone = useLoad(async () => must(await api.GET('/v1/statistics/time-zone')), []);
  const [value, setValue] = useState('');
  useEffect(() => setValue(zone.data?.timeZone ?? ''), [zone.data]);
  const save = useAction(async () => must(await api.PUT('/v1/statistics/time-zone', { body: { timeZone: value } })));
  const [saved, setSaved] = useState(false);
  return (
    <Section title={t('settings.timeZone')}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          if (await save.run()) setSaved(true);
        }}
      >
        <Field id="set-zone" label={t('settings.timeZone')} hint={t('settings.timeZoneHint')}>
          <input id="set-zone" required value={value} onInput={(e) => setValue(e.currentTarget.value)} aria-describedby="set-zone-hint" />
        </Field>
        <Failure error={zone.error ?? save.error} />
        {saved ? <Notice>{t('common.saved')}</Notice> : null}
        <Submit busy={save.busy}>{t('common.save')}</Submit>
      </form>
    </Section>
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
  const { t, dateTime } = useI18n();
  const entries = useLoad(async () => must(await api.GET('/v1/audit-log', { params: { query: { limit: 50 } } })).entries, []);
  return (
    <Section title={t('nav.audit')}>
      <Failure error={entries.error} />
      {entries.data ? (
        <Table
          caption={t('nav.audit')}
          rows={entries.data}
          rowKey={(e) => String(e.id)}
          columns={[
            { title: t('common.when'), cell: (e) => dateTime(e.at) },
            { title: t('audit.who'), cell: (e) => e.actorName },
            { title: t('common.what'), cell: (e) => <code>{e.action}</code> },
          ]}
        />
      ) : (
        <Loading />
      )}
    </Section>
  );
}
