import { useState } from 'preact/hooks';
import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/load';
import { SaveForm } from '../../ui/save-form';
import { Failure, Field, Loading, Page, Section, Table } from '../../ui/parts';

const days = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The workday calendar reviews follow: which years it knows and from where; an operator's declaration of a year. */
export function Calendar() {
  const { t } = useI18n();
  const calendar = useLoad(async () => must(await api.GET('/v1/admin/calendar')), []);
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const declare = useAction(async () => must(await api.PUT('/v1/admin/calendar/{year}', { params: { path: { year: Number(year) } }, body: { holidays: days(holidays), workdays: days(workdays) } })));
  return (
    <Page title={t('nav.calendar')}>
      <Section title={t('calendar.covered')}>
        <Failure error={calendar.error} />
        {calendar.data ? (
          <>
            <Table
              caption={t('calendar.covered')}
              rows={calendar.data.covered}
              rowKey={(c) => String(c.year)}
              columns={[
                { title: t('calendar.year'), cell: (c) => c.year, numeric: true },
                { title: t('calendar.source'), cell: (c) => t(`calendarSource.${c.source}`) },
              ]}
            />
            <p class="hint">{calendar.data.note}</p>
          </>
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('calendar.declare')}>
        <SaveForm action={declare} onSaved={() => calendar.reload()} submit={t('calendar.save')}>
          <Field id="cal-year" label={t('calendar.year')}>
            <input id="cal-year" type="number" min={2000} max={2100} required value={year} onInput={(e) => setYear(e.currentTarget.value)} />
          </Field>
          <Field id="cal-holidays" label={t('calendar.holidays')} hint={t('calendar.daysHint')}>
            <textarea id="cal-holidays" rows={3} value={holidays} onInput={(e) => setHolidays(e.currentTarget.value)} />
          </Field>
          <Field id="cal-workdays" label={t('calendar.workdays')} hint={t('calendar.daysHint')}>
            <textarea id="cal-workdays" rows={2} value={workdays} onInput={(e) => setWorkdays(e.currentTarget.value)} />
          </Field>
        </SaveForm>
      </Section>
    </Page>
  );
}
