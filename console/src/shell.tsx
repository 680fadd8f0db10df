import type { ComponentChildren } from 'preact';
import { useI18n, type Locale } from './i18n';
import { routes } from './routes';
import { matchPath, useLocation } from './router';
import { isTenant, useSession } from './session';
import { Link } from './ui/link';
import { LocaleSwitch } from './ui/locale-switch';

/** The frame around every page: who is signed in, the language, the app (tenants), the navigation for the role. */
export function Shell(props: { locale: Locale; onLocale: (locale: Locale) => void; children: ComponentChildren }) {
  const { t } = useI18n();
  const { session, appId, setAppId, signOut } = useSession();
  const { path } = useLocation();
  const { user } = session;
  const nav = routes.filter((r) => r.nav && r.roles.includes(user.role));
  const current = routes.find((r) => matchPath(r.path, path));
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t('shell.skip')}
      </a>
      <header class="top">
        <span class="brand">Tern</span>
        {isTenant(user.role) && session.apps.length > 1 ? (
          <label class="app-switch">
            <span>{t('shell.app')}</span>
            <select value={appId} onChange={(e) => setAppId(e.currentTarget.value)}>
              {session.apps.map((a) => (
                <option value={a.id} key={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <span class="spacer" />
        <LocaleSwitch locale={props.locale} onLocale={props.onLocale} />
        <span class="who" title={user.email}>
          {user.name} · {t(`role.${user.role}`)}
        </span>
        <button type="button" class="plain" onClick={() => void signOut()}>
          {t('shell.signOut')}
        </button>
      </header>
      <nav class="side" aria-label={t('shell.navigation')}>
        <ul>
          {nav.map((r) => (
            <li key={r.path}>
              <Link href={r.path} aria-current={current?.title === r.title ? 'page' : undefined}>
                {t(r.title)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{props.children}</main>
    </div>
  );
}
