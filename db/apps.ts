import type { Db } from './connect.ts';
import type { AppRow } from './schema.ts';

export async function findAppByKey(db: Db, appKey: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('app_key', '=', appKey).executeTakeFirst();
}

export async function findAppById(db: Db, id: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
}
