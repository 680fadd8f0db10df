import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiFailure } from '../client/client';
import { useI18n } from '../i18n';
import { Failure, Notice, Submit } from './parts';

/** A settings form: its fields, the action's error, "Saved." once it succeeded, and the save button (none when read-only). */
export function SaveForm(props: {
  action: { run: () => Promise<unknown>; busy: boolean; error: ApiFailure | undefined };
  onSaved?: () => void;
  submit?: string;
  readOnly?: boolean;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        if (await props.action.run()) {
          setSaved(true);
          props.onSaved?.();
        }
      }}
    >
      {props.children}
      <Failure error={props.action.error} />
      {saved ? <Notice>{t('common.saved')}</Notice> : null}
      {props.readOnly ? null : <Submit busy={props.action.busy}>{props.submit ?? t('common.save')}</Submit>}
    </form>
  );
}
