import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { loadOperatorYears } from '../db/calendar.ts';
import { decideVersion, markVersionOverdue, openVersionReview, setReviewOpening, withdrawVersion } from '../db/template-review.ts';
import type { ReviewDecision } from '../domain/reviews.ts';
import { findVersion } from '../db/template-versions.ts';
import { packageHolidayYears } from '../domain/holiday-data.ts';
import { buildCalendar, reviewDeadline, reviewOpening, type ReviewHours } from '../domain/work-calendar.ts';

export interface TemplateReviewSettings {
  reviewHours: ReviewHours;
  /** Workdays a review may stay undecided before it is overdue and escalated. */
  overdueWorkdays: number;
  /**
   * Open every review at once, whatever the day and hour (`TERN_REVIEW_ANYTIME=1`): for trying approval in a dev
   * stack on a weekend or at night. Never in production, where reviews open on Shanghai workdays only.
   */
  anytime?: boolean;
}

/**
 * The template review's I/O. The calendar is read here, never in the workflow, so new holiday data (a package
 * update or an operator's declaration) changes future reviews without breaking the replay of running ones.
 */
export function createTemplateReviewActivities({ db, logger, settings }: { db: Db; logger: Logger; settings: TemplateReviewSettings }) {
  async function calendar() {
    return buildCalendar(packageHolidayYears(), await loadOperatorYears(db));
  }
  function warnFallback(versionId: string, fallbackDays: string[]) {
    if (fallbackDays.length > 0) {
      logger.warn({ versionId, fallbackDays }, 'no holiday data for these days; Monday to Friday assumed — declare the year in /v1/admin/calendar');
    }
  }

  return {
    /** When the review of a version opens: now if inside review hours on a workday, else the next window. */
    async scheduleTemplateReview(versionId: string): Promise<{ opensAt: string }> {
      const version = await findVersion(db, versionId);
      if (!version) throw new Error(`no template version ${versionId}`);
      const opening = settings.anytime ? { at: version.submitted_at, fallbackDays: [] } : reviewOpening(await calendar(), settings.reviewHours, version.submitted_at);
      warnFallback(versionId, opening.fallbackDays);
      await setReviewOpening(db, versionId, opening.at, opening.fallbackDays);
      return { opensAt: opening.at.toISOString() };
    },
    /** Puts the version in the reviewers' queue and fixes when it becomes overdue; null if it was withdrawn. */
    async openTemplateReview(versionId: string, opensAt: string): Promise<{ dueAt: string } | null> {
      const due = reviewDeadline(await calendar(), settings.reviewHours, new Date(opensAt), settings.overdueWorkdays);
      warnFallback(versionId, due.fallbackDays);
      return (await openVersionReview(db, versionId, due.at, due.fallbackDays)) ? { dueAt: due.at.toISOString() } : null;
    },
    async escalateTemplateReview(versionId: string): Promise<void> {
      if (await markVersionOverdue(db, versionId)) {
        logger.warn({ versionId, escalation: 'template-review-overdue' }, 'template review overdue; escalated to operators');
      }
    },
    async decideTemplateReview(versionId: string, decision: ReviewDecision): Promise<boolean> {
      return (await decideVersion(db, versionId, decision)) !== undefined;
    },
    async withdrawTemplateReview(versionId: string): Promise<boolean> {
      return withdrawVersion(db, versionId);
    },
  };
}

export type TemplateReviewActivities = ReturnType<typeof createTemplateReviewActivities>;
