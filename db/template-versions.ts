import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { newTemplateId } from './provisioning.ts';
import type { TemplateRow, TemplateVersionRow, TemplateVersionState } from './schema.ts';
import type { TemplateRegion, TemplateType, VariableType } from '../domain/templates.ts';

export const openVersionStates: readonly TemplateVersionState[] = ['waiting', 'in_review'];

export interface TemplateApplicationRow {
  tenantId: string;
  name: string;
  region: TemplateRegion;
  type: TemplateType;
  body: string;
  variables: VariableType[];
  submittedAt: Date;
}

/**
 * Runs inside the transaction that stores a version, before its commit: it starts the review process and returns
 * its id. Started before the commit, a process whose commit then fails finds no version and ends; the other
 * order could leave a committed version that no process reviews.
 */
export type StartReview = (versionId: string) => Promise<string>;

/** A new template and its first version, waiting for review, with its review process started. */
export async function insertTemplateApplication(
  db: Db,
  application: TemplateApplicationRow,
  startReview: StartReview,
): Promise<{ templateId: string; versionId: string }> {
  const templateId = newTemplateId();
  const variables = JSON.stringify(application.variables);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('templates')
      .values({ id: templateId, tenant_id: application.tenantId, name: application.name, region: application.region, type: application.type, body: application.body, variables, status: 'pending' })
      .execute();
    const version = await trx
      .insertInto('template_versions')
      .values({
        template_id: templateId,
        tenant_id: application.tenantId,
        version: 1,
        name: application.name,
        body: application.body,
        variables,
        state: 'waiting',
        submitted_at: application.submittedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setVersionWorkflow(trx, version.id, await startReview(version.id));
    return { templateId, versionId: version.id };
  });
}

/**
 * A new version of an existing template, waiting for review; `undefined` when the template already has a version
 * under review (one at a time). The approved version stays in use meanwhile.
 */
export async function insertTemplateVersion(
  db: Db,
  template: TemplateRow,
  change: { name: string; body: string; variables: VariableType[]; submittedAt: Date },
  startReview: StartReview,
): Promise<{ versionId: string; version: number } | undefined> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; version: number }>`
      insert into template_versions (template_id, tenant_id, version, name, body, variables, state, submitted_at)
      select ${template.id}, ${template.tenant_id}, coalesce(max(version), 0) + 1, ${change.name}, ${change.body},
             ${JSON.stringify(change.variables)}::jsonb, 'waiting', ${change.submittedAt}::timestamptz
      from template_versions where template_id = ${template.id}
      on conflict (template_id) where state in ('waiting', 'in_review') do nothing
      returning id, version`.execute(trx);
    const row = rows[0];
    if (!row) return undefined;
    // A template never approved is pending again with its new application.
    await trx.updateTable('templates').set({ status: 'pending' }).where('id', '=', template.id).where('approved_version', 'is', null).execute();
    await setVersionWorkflow(trx, row.id, await startReview(row.id));
    return { versionId: row.id, version: row.version };
  });
}

export async function setVersionWorkflow(db: Db, versionId: string, workflowId: string): Promise<void> {
  await db.updateTable('template_versions').set({ workflow_id: workflowId }).where('id', '=', versionId).execute();
}

export async function findTemplateVersions(db: Db, templateId: string): Promise<TemplateVersionRow[]> {
  return db.selectFrom('template_versions').selectAll().where('template_id', '=', templateId).orderBy('version').execute();
}

export async function listTenantTemplates(db: Db, tenantId: string): Promise<TemplateRow[]> {
  return db.selectFrom('templates').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();
}

export async function findVersion(db: Db, versionId: string): Promise<TemplateVersionRow | undefined> {
  return db.selectFrom('template_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
}

/** The open version of a tenant's template, if one is waiting or in review. */
export async function findOpenVersion(db: Db, tenantId: string, templateId: string): Promise<TemplateVersionRow | undefined> {
  return db
    .selectFrom('template_versions')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('tenant_id', '=', tenantId)
    .where('state', 'in', openVersionStates)
    .executeTakeFirst();
}
