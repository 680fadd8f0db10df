import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { TemplateVersionRow } from './schema.ts';
import type { ReviewDecision } from '../domain/reviews.ts';


export async function setReviewOpening(db: Db, versionId: string, opensAt: Date, fallbackDays: string[]): Promise<void> {
  await db.updateTable('template_versions').set({ opens_at: opensAt, calendar_fallback_days: fallbackDays }).where('id', '=', versionId).execute();
}

/** Puts a waiting version in the reviewers' queue; false if it is no longer waiting (withdrawn meanwhile). */
export async function openVersionReview(db: Db, versionId: string, dueAt: Date, fallbackDays: string[]): Promise<boolean> {
  const result = await db
    .updateTable('template_versions')
    .set((eb) => ({ state: 'in_review', due_at: dueAt, calendar_fallback_days: sql<string[]>`array(select distinct unnest(${eb.ref('calendar_fallback_days')} || ${fallbackDays}::text[]) order by 1)` }))
    .where('id', '=', versionId)
    .where('state', '=', 'waiting')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markVersionOverdue(db: Db, versionId: string): Promise<boolean> {
  const result = await db
    .updateTable('template_versions')
    .set({ overdue: true, escalated_at: new Date() })
    .where('id', '=', versionId)
    .where('state', '=', 'in_review')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a decision on a version in review and, for an approval, makes it the template's text (the version
 * approved before it is superseded). One transaction; undefined if the version is not in review.
 */
export async function decideVersion(db: Db, versionId: string, decision: ReviewDecision): Promise<TemplateVersionRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const decided = await trx
      .updateTable('template_versions')
      .set({
        state: decision.decision === 'approve' ? 'approved' : 'rejected',
        decided_at: new Date(),
        decided_by: decision.reviewerId,
        reason: decision.decision === 'reject' ? decision.reason : null,
      })
      .where('id', '=', versionId)
      .where('state', '=', 'in_review')
      .returningAll()
      .executeTakeFirst();
    if (!decided) return undefined;
    if (decided.state === 'approved') {
      await trx
        .updateTable('template_versions')
        .set({ state: 'superseded' })
        .where('template_id', '=', decided.template_id)
        .where('state', '=', 'approved')
        .where('id', '!=', decided.id)
        .execute();
      await trx
        .updateTable('templates')
        .set({ name: decided.name, body: decided.body, variables: JSON.stringify(decided.variables), status: 'approved', approved_version: decided.version })
        .where('id', '=', decided.template_id)
        .execute();
    } else {
      await trx.updateTable('templates').set({ status: 'rejected' }).where('id', '=', decided.template_id).where('status', '=', 'pending').execute();
    }
    return decided;
  });
}

/** Withdraws a version still waiting or in review; a template never approved becomes withdrawn. */
export async function withdrawVersion(db: Db, versionId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const withdrawn = await trx
      .updateTable('template_versions')
      .set({ state: 'withdrawn', decided_at: new Date() })
      .where('id', '=', versionId)
      .where('state', 'in', ['waiting', 'in_review'])
      .returning('template_id')
      .executeTakeFirst();
    if (!withdrawn) return false;
    await trx.updateTable('templates').set({ status: 'withdrawn' }).where('id', '=', withdrawn.template_id).where('status', '=', 'pending').execute();
    return true;
  });
}

/** A version as reviewers see it, with its template's fixed attributes. */
export function reviewQuery(db: Db) {
  return db
    .selectFrom('template_versions as v')
    .innerJoin('templates as t', 't.id', 'v.template_id')
    .selectAll('v')
    .select(['t.region', 't.type', 't.approved_version']);
}

export type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirstOrThrow']>>;

/** The reviewers' queue: versions in review, overdue ones first, then the longest waiting. */
export async function listOpenReviews(db: Db): Promise<ReviewRow[]> {
  return reviewQuery(db).where('v.state', '=', 'in_review').orderBy('v.overdue', 'desc').orderBy('v.opens_at').execute();
}

export async function findReview(db: Db, versionId: string): Promise<ReviewRow | undefined> {
  return reviewQuery(db).where('v.id', '=', versionId).executeTakeFirst();
}
