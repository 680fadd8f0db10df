import type { FunctionComponent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, setRequestContext, type Session } from './client/client';
import { I18n, initialLocale, rememberLocale, translator, useI18n, type Locale } from './i18n';
import { SessionContext, type SessionState } from './session';
import { homeOf, loadPage, routes, type PageProps, type RouteDef } from './routes';
import { matchPath, navigate, useLocation } from './router';
import { SignIn } from './pages/sign-in';
import { Invitation } from './pages/invitation';
import { Shell } from './shell';
import { Loading, Page } from './ui/parts';

/** The console: who is signed in, in which language, and the page the address names. */
export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [appId, setAppId] = useState<string | undefined>(undefined);
  const i18n = useMemo(() => translator(locale), [locale]);
  const { path } = useLocation();

  const adopt = (next: Session | null) => {
    setSession(next);
    setRequestContext({ csrfToken: next?.csrfToken ?? '' });
    if (next) {
      setLocale(next.user.locale);
      rememberLocale(next.user.locale);
    }
  };

  useEffect(() => {
    setRequestContext({ onSessionEnded: () => adopt(null) });
    void api.GET('/v1/console/session').then(({ data }) => adopt(data ?? null));
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    const chosen = appId ?? session?.apps[0]?.id;
    setRequestContext({ appId: chosen });
  }, [appId, session]);

  const changeLocale = async (next: Locale) => {
    setLocale(next);
    rememberLocale(next);
    if (session) {
      const { data } = await api.PATCH('/v1/console/me', { body: { locale: next } });
      if (data) setSession(data);
    }
  };

  let content;
  if (path.startsWith('/invitation')) content = <Invitation onSignedIn={(s) => (adopt(s), navigate(homeOf(s.user.role), { replace: true }))} />;
  else if (session === undefined) content = <Loading />;
  else if (session === null) content = <SignIn locale={locale} onLocale={changeLocale} onSignedIn={(s) => (adopt(s), navigate(homeOf(s.user.role), { replace: true }))} />;
  else {
    const state: SessionState = {
      session,
      appId: appId ?? session.apps[0]?.id,
      setAppId: (id) => {
        setRequestContext({ appId: id });
        setAppId(id);
      },
      setSession: adopt,
      signOut: async () => {
        await api.DELETE('/v1/console/session');
        adopt(null);
        navigate('/', { replace: true });
      },
    };
    content = (
      <SessionContext.Provider value={state}>
        <Shell locale={locale} onLocale={changeLocale}>
          <Routed path={path} session={session} key={`${state.appId ?? ''}`} />
        </Shell>
      </SessionContext.Provider>
    );
  }
  return <I18n.Provider value={i18n}>{content}</I18n.Provider>;
}

function Routed(props: { path: string; session: Session }) {
  const { role } = props.session.user;
  const found = routes.map((route) => ({ route, params: matchPath(route.path, props.path) })).find((m) => m.params);
  const allowed = found && found.route.roles.includes(role);
  useEffect(() => {
    if (props.path === '/' && !allowed) navigate(homeOf(role), { replace: true });
  }, [props.path, allowed, role]);
  if (!found) return <Missing kind="notFound" />;
  if (!allowed) return props.path === '/' ? <Loading /> : <Missing kind="forbidden" />;
  return <Lazy route={found.route} params={found.params ?? {}} />;
}

function Lazy(props: { route: RouteDef; params: Record<string, string> }) {
  const [page, setPage] = useState<{ route: RouteDef; component: FunctionComponent<PageProps> } | undefined>();
  useEffect(() => {
    let live = true;
    void loadPage(props.route).then((component) => live && setPage({ route: props.route, component }));
    return () => void (live = false);
  }, [props.route]);
  if (!page || page.route !== props.route) return <Loading />;
  const Component = page.component;
  return <Component params={props.params} />;
}

function Missing(props: { kind: 'notFound' | 'forbidden' }) {
  const { t } = useI18n();
  return (
    <Page title={t(props.kind === 'forbidden' ? 'page.forbidden' : 'page.notFound')}>
      <p role="alert">{t(props.kind === 'forbidden' ? 'page.forbiddenText' : 'page.notFoundText')}</p>
    </Page>
  );
}
