import { useState } from 'preact/hooks';
import { api, must, type Session } from '../client/client';
import { useI18n } from '../i18n';
import { useAction } from '../ui/load';
import { Failure, Field, Page, Submit } from '../ui/parts';

/** The invitation link (`/console/invitation#<token>`): the invited person chooses a password and is signed in. */
export function Invitation(props: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const token = location.hash.slice(1);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const accept = useAction(async () => must(await api.POST('/v1/console/invitations/accept', { body: { token, password } })));
  const mismatch = again !== '' && again !== password;
  return (
    <div class="solo">
      <Page title={t('invitation.title')}>
        <form
          class="card narrow"
          onSubmit={async (e) => {
            e.preventDefault();
            if (mismatch) return;
            const session = await accept.run();
            if (session) {
              history.replaceState(null, '', location.pathname);
              props.onSignedIn(session);
            }
          }}
        >
          <p>{t('invitation.intro')}</p>
          <Field id="new-password" label={t('invitation.password')} hint={t('invitation.rules')}>
            <input id="new-password" type="password" autocomplete="new-password" minLength={10} maxLength={200} required value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-describedby="new-password-hint" />
          </Field>
          <Field id="again" label={t('invitation.again')}>
            <input id="again" type="password" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} aria-invalid={mismatch} />
          </Field>
          {mismatch ? <p class="failure" role="alert">{t('invitation.mismatch')}</p> : null}
          <Failure error={accept.error} />
          <Submit busy={accept.busy}>{t('invitation.submit')}</Submit>
        </form>
      </Page>
    </div>
  );
}
