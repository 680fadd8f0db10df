import { useState } from 'preact/hooks';
import { api, must, type Session } from '../client/client';
import { useI18n, type Locale } from '../i18n';
import { LocaleSwitch } from '../ui/locale-switch';
import { useAction } from '../ui/load';
import { Failure, Field, Page, Submit } from '../ui/parts';

export function SignIn(props: { locale: Locale; onLocale: (locale: Locale) => void; onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction(async () => must(await api.POST('/v1/console/session', { body: { email, password } })));
  return (
    <div class="solo">
      <Page title={t('signIn.title')}>
        <form
          class="card narrow"
          onSubmit={async (e) => {
            e.preventDefault();
            const session = await signIn.run();
            if (session) props.onSignedIn(session);
          }}
        >
          <Field id="email" label={t('signIn.email')}>
            <input id="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </Field>
          <Field id="password" label={t('signIn.password')}>
            <input id="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </Field>
          <Failure error={signIn.error} />
          <Submit busy={signIn.busy}>{t('signIn.submit')}</Submit>
        </form>
        <LocaleSwitch locale={props.locale} onLocale={props.onLocale} />
      </Page>
    </div>
  );
}
