import { expect } from 'vitest';
import { createTemplateReviewActivities } from '../../activities/template-review.ts';
import { insertTemplateApplication } from '../../db/template-versions.ts';
import { defaultTemplateReviewSettings } from '../../worker/temporal-worker.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';

describe('review hours in development', () => {
  test('TERN_REVIEW_ANYTIME opens a review submitted on a Saturday night at once; by default it waits for Monday 09:00 in Shanghai', async ({ database, tenant }) => {
    const saturdayNight = new Date('2026-11-28T14:00:00Z'); // 22:00 in Shanghai
    const apply = () =>
      insertTemplateApplication(
        database.db,
        { tenantId: tenant.tenantId, name: 'weekend', region: 'international', type: 'notification', body: 'Hello ${1}.', variables: ['other'], submittedAt: saturdayNight },
        async () => 'no-workflow',
      );
    const anytime = createTemplateReviewActivities({ db: database.db, logger: testLogger, settings: { ...defaultTemplateReviewSettings, anytime: true } });
    const usual = createTemplateReviewActivities({ db: database.db, logger: testLogger, settings: defaultTemplateReviewSettings });
    expect(await anytime.scheduleTemplateReview((await apply()).versionId)).toEqual({ opensAt: saturdayNight.toISOString() });
    expect(await usual.scheduleTemplateReview((await apply()).versionId)).toEqual({ opensAt: '2026-11-30T01:00:00.000Z' });
  });
});
