import { api, must } from '../../client/client';
import { useI18n } from '../../i18n';
import type { PageProps } from '../../routes';
import { useAction, useLoad } from '../../ui/load';
import { Failure, Loading, Page, Progress, Section, State, Table } from '../../ui/parts';

const ended = ['cancelled', 'stopped', 'completed'];

/** One campaign, live: progress every two seconds while it runs; pause, resume, cancel; the report once there is one. */
export function Campaign({ params }: PageProps) {
  const { t, number, dateTime } = useI18n();
  const id = params.id ?? '';
  const campaign = useLoad(async () => must(await api.GET('/v1/campaigns/{id}', { params: { path: { id } } })), [id], { everyMs: 2_000 });
  const steer = useAction(async (action: 'pause' | 'resume' | 'cancel') => must(await api.POST(`/v1/campaigns/{id}/${action}`, { params: { path: { id } } })));
  const c = campaign.data;
  const done = c ? c.progress.delivered + c.progress.failed + c.progress.refused : 0;
  return (
    <Page title={c?.name ?? t('nav.campaigns')}>
      <Failure error={campaign.error} />
      {c ? (
        <>
          <Section title={t('campaigns.progress')}>
            <p>
              <State prefix="campaignStatus" value={c.status} /> {c.eta ? t('campaigns.eta', { at: dateTime(c.eta) }) : null}
              {c.sendAt && c.status === 'scheduled' ? ` ${t('campaigns.startsAt', { at: dateTime(c.sendAt) })}` : null}
              {c.ratePerSecond ? ` ${t('campaigns.rateOf', { rate: number(c.ratePerSecond) })}` : null}
            </p>
            <Progress label={t('campaigns.progress')} fraction={c.progress.recipients ? done / c.progress.recipients : 0} />
            <dl class="figures" aria-live="polite">
              {(['recipients', 'queued', 'refused', 'remaining', 'submitted', 'delivered', 'failed'] as const).map((k) => (
                <div key={k}>
                  <dt>{t(`campaignProgress.${k}`)}</dt>
                  <dd data-figure={k}>{number(c.progress[k])}</dd>
                </div>
              ))}
            </dl>
            {ended.includes(c.status) ? null : (
              <div class="buttons">
                {c.status === 'paused' ? (
                  <button type="button" class="primary" disabled={steer.busy} onClick={async () => (await steer.run('resume')) && campaign.reload()}>
                    {t('campaigns.resume')}
                  </button>
                ) : (
                  <button type="button" disabled={steer.busy} onClick={async () => (await steer.run('pause')) && campaign.reload()}>
                    {t('campaigns.pause')}
                  </button>
                )}
                <button type="button" class="danger" disabled={steer.busy} onClick={async () => (await steer.run('cancel')) && campaign.reload()}>
                  {t('campaigns.cancel')}
                </button>
              </div>
            )}
            <Failure error={steer.error} />
            {c.stopReason ? <p class="notice warn">{c.stopReason}</p> : null}
            {c.waitingFor ? <p class="notice warn">{c.waitingFor}</p> : null}
          </Section>
          {Object.keys(c.progress.failureReasons).length > 0 ? (
            <Section title={t('campaigns.failures')}>
              <Table
                caption={t('campaigns.failures')}
                rows={Object.entries(c.progress.failureReasons as Record<string, number>)}
                rowKey={([code]) => code}
                columns={[
                  { title: t('common.code'), cell: ([code]) => <code>{code}</code> },
                  { title: t('common.count'), cell: ([, n]) => number(n), numeric: true },
                ]}
              />
            </Section>
          ) : null}
          <Section title={t('campaigns.report')}>
            <p>
              <a href={`/v1/campaigns/${c.id}/report`} download={`campaign-${c.id}.csv`} class="button">
                {t('campaigns.downloadReport')}
              </a>
            </p>
          </Section>
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
