import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ApiFailure } from '../client/client';
import { useI18n, type MessageKey } from '../i18n';
import { Link } from './link';

/** A page: its title in the tab and as the heading, which takes the focus on arrival (for keyboards and screen readers). */
export function Page(props: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Tern`;
    heading.current?.focus();
  }, [props.title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title" tabIndex={-1} ref={heading}>
          {props.title}
        </h1>
        {props.actions ? <div class="page-actions">{props.actions}</div> : null}
      </header>
      {props.children}
    </section>
  );
}

export function Section(props: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" aria-label={props.title} id={props.id}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** An API error as people read it: the message, and the stable code to quote. */
export function Failure(props: { error: ApiFailure | undefined }) {
  const { t } = useI18n();
  if (!props.error) return null;
  return (
    <p class="failure" role="alert">
      {props.error.status === 0 ? t('error.network') : props.error.message} <code>{props.error.code}</code>
    </p>
  );
}

export function Loading(props: { what?: string }) {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {props.what ?? t('common.loading')}
    </p>
  );
}

/** A status message announced to screen readers when it appears. */
export function Notice(props: { children: ComponentChildren; kind?: 'ok' | 'warn' }) {
  return (
    <p class={`notice ${props.kind ?? 'ok'}`} role="status">
      {props.children}
    </p>
  );
}

export function Field(props: { label: string; hint?: string; children: JSX.Element; id: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** The option's own language, when it is named in it. */
  lang?: string;
}

/** A labelled select of fixed choices. */
export function ChoiceField<V extends string>(props: { id: string; label: string; value: V; choices: readonly Choice<V>[]; onChange: (value: V) => void }) {
  return (
    <Field id={props.id} label={props.label}>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        {props.choices.map((c) => (
          <option value={c.value} key={c.value} lang={c.lang}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Submit(props: { busy: boolean; children: ComponentChildren; kind?: 'primary' | 'danger' | 'plain'; name?: string; value?: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" class={props.kind ?? 'primary'} disabled={props.busy} aria-busy={props.busy} name={props.name} value={props.value}>
      {props.busy ? t('common.working') : props.children}
    </button>
  );
}

export interface Column<T> {
  title: string;
  cell: (row: T) => ComponentChildren;
  numeric?: boolean;
}

export function Table<T>(props: { caption: string; columns: Column<T>[]; rows: readonly T[]; rowKey: (row: T) => string; empty?: string }) {
  const { t } = useI18n();
  if (props.rows.length === 0) return <p class="empty">{props.empty ?? t('common.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={c.numeric ? 'num' : undefined} key={c.title}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((c) => (
                <td class={c.numeric ? 'num' : undefined} key={c.title}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A state word (approved, failed…) as a coloured tag with its translation. */
export function State(props: { value: string; prefix: string }) {
  const { t } = useI18n();
  const key = `${props.prefix}.${props.value}` as MessageKey;
  return <span class={`state state-${props.value}`}>{t(key)}</span>;
}

export function Progress(props: { label: string; fraction: number }) {
  const { percent } = useI18n();
  return (
    <div class="progress">
      <progress max={1} value={props.fraction} aria-label={props.label} />
      <span aria-hidden="true">{percent(props.fraction)}</span>
    </div>
  );
}

export { Link };
