import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../client/client';
import { useI18n, type Locale } from '../i18n';
import { useAction } from './load';
import { languages } from './choices';
import { ChoiceField, Failure, Field, Submit } from './parts';

type Role = Schemas['ConsoleRole'];

/** Invites a console user of one of `roles` (for a tenant when given) in the language they will read; the one-time link is shown to pass on. */
export function InviteForm(props: { roles: readonly Role[]; tenantId?: string; onInvited: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(props.roles[0] ?? 'tenant_member');
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [link, setLink] = useState<string | undefined>();
  const invite = useAction(async () => must(await api.POST('/v1/admin/console-users', { body: { email, name, role, locale, ...(props.tenantId ? { tenantId: props.tenantId } : {}) } })));
  const idPrefix = props.tenantId ? 'inv-tenant' : 'inv-staff';
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const made = await invite.run();
        if (made) {
          setLink(made.invitationUrl);
          props.onInvited();
        }
      }}
    >
      <div class="row">
        <Field id={`${idPrefix}-email`} label={t('signIn.email')}>
          <input id={`${idPrefix}-email`} type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Field id={`${idPrefix}-name`} label={t('common.name')}>
          <input id={`${idPrefix}-name`} required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <ChoiceField id={`${idPrefix}-role`} label={t('users.role')} value={role} onChange={setRole} choices={props.roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <ChoiceField id={`${idPrefix}-locale`} label={t('users.language')} value={locale} onChange={setLocale} choices={languages} />
      </div>
      <Failure error={invite.error} />
      {link ? (
        <p class="notice warn" role="status">
          {t('users.linkOnce')} <code class="secret">{link}</code>
        </p>
      ) : null}
      <Submit busy={invite.busy}>{t('users.invite')}</Submit>
    </form>
  );
}
