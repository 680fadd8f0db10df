// `npm run tern -- <command>`: operator tasks from the command line.
//   admin create --name <name> [--role admin|operator|reviewer]   make an operator and print its token (once)
//   ledger check                                                   prove the billing ledger adds up (exit 1 if not)
//   stats rebuild --since <time> [--tenant <id>]                   recompute the statistics from the messages sent since then
//   partitions list                                                the months of messages and reports kept, their size, and how far retention has gone
//   console invite --email <e> --name <n> --role <role> [--tenant <id>] [--url <origin>]
//                                                                  invite a console user (the first admin, say) and print their link
// DATABASE_URL selects the database; without it, the dev stack's (`npm run dev` must be running).
import { parseArgs } from 'node:util';
import { connectDb } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createOperator } from '../db/operators.ts';
import { operatorRoles, type OperatorRole } from '../domain/operators.ts';
import { checkLedger } from '../db/ledger-check.ts';
import type { Db } from '../db/connect.ts';
import { RebuildBeforeRetention, rebuildMessageStats } from '../db/message-stats.ts';
import { listCallbackMonths } from '../db/callback-partitions.ts';
import { listMessageMonths, retentionHorizon } from '../db/message-partitions.ts';
import type { TableMonth } from '../db/partition-ddl.ts';
import { findConsoleUserByEmail, inviteConsoleUser } from '../db/console-users.ts';
import { consoleRoles, isTenantRole, type ConsoleRole } from '../domain/console-roles.ts';

const usage = [
  'usage: npm run tern -- admin create --name <name> [--role admin|operator|reviewer]',
  '       npm run tern -- ledger check',
  '       npm run tern -- stats rebuild --since <ISO time> [--tenant <tenant id>]',
  '       npm run tern -- partitions list',
  '       npm run tern -- console invite --email <email> --name <name> --role tenant_owner|tenant_member|reviewer|operator|admin [--tenant <tenant id>] [--url <console origin>]',
].join('\n');
const devDatabaseUrl = `postgres://tern:tern@127.0.0.1:${process.env.TERN_PG_PORT ?? 54329}/tern`;

async function createAdmin(db: Db, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, role: { type: 'string', default: 'admin' } } });
  const role = values.role as OperatorRole;
  if (!values.name || !operatorRoles.includes(role)) {
    console.error(usage);
    return 2;
  }
  try {
    const { row, token } = await createOperator(db, values.name, role);
    console.log(`operator ${row.name} (${row.role}) created; its token, shown only now:\n${token}`);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(/duplicate key/.test(message) ? `an operator named ${values.name} already exists` : `failed: ${message}`);
    return 1;
  }
}

async function ledgerCheck(db: Db): Promise<number> {
  const { figures, problems } = await checkLedger(db);
  const summary = `${figures.packages} packages, ${figures.charges} charges, ${figures.refunds} refunds over ${figures.billedMessages} messages`;
  if (problems.length === 0) {
    console.log(`ledger check: every rule holds (${summary})`);
    return 0;
  }
  console.error(`ledger check FAILED (${summary}):`);
  for (const p of problems) console.error(`- ${p.rule}: ${p.count} broken, e.g. ${p.examples.join(', ')}`);
  return 1;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Recomputes the statistics cube from the messages still held (those before `since` are left as counted). */
async function statsRebuild(db: Db, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { since: { type: 'string' }, tenant: { type: 'string' } } });
  const since = values.since ? new Date(values.since) : undefined;
  if (!since || Number.isNaN(since.getTime()) || (values.tenant !== undefined && !uuid.test(values.tenant))) {
    console.error(usage);
    return 2;
  }
  const started = Date.now();
  let written: number;
  try {
    written = await rebuildMessageStats(db, { since, tenantId: values.tenant });
  } catch (err) {
    if (!(err instanceof RebuildBeforeRetention)) throw err;
    console.error(`stats rebuild refused: ${err.message}`);
    return 2;
  }
  console.log(`stats rebuilt from ${since.toISOString()} for ${values.tenant ?? 'every tenant'}: ${written} cube rows in ${Date.now() - started} ms`);
  return 0;
}

async function partitionsList(db: Db): Promise<number> {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '(legacy)  ');
  const table = (heading: string, months: TableMonth[]) => {
    console.log(`from        until       ${heading.padStart(15)}  size`);
    for (const m of months) console.log(`${day(m.fromAt)}  ${day(m.toAt)}  ${String(m.estimatedRows).padStart(15)}  ${(m.bytes / 1048576).toFixed(1)} MB`);
  };
  table('messages (est.)', await listMessageMonths(db));
  const horizon = await retentionHorizon(db);
  console.log(horizon ? `dropped by retention: every message before ${horizon.beforeAt.toISOString()}` : 'nothing dropped by retention yet');
  console.log('');
  table('reports (est.)', await listCallbackMonths(db));
  return 0;
}

/** Invites a console user from the command line: how the first admin gets in, before anyone can invite in the console. */
async function consoleInvite(db: Db, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, tenant: { type: 'string' }, url: { type: 'string', default: 'http://localhost:8080' } } });
  const role = values.role as ConsoleRole;
  if (!values.email || !values.name || !consoleRoles.includes(role) || isTenantRole(role) !== (values.tenant !== undefined)) {
    console.error(usage);
    return 2;
  }
  if (await findConsoleUserByEmail(db, values.email)) {
    console.error(`${values.email} already has a console account`);
    return 1;
  }
  const { token, expiresAt } = await inviteConsoleUser(db, { email: values.email, name: values.name, role, tenantId: values.tenant ?? null, invitedBy: 'command line' });
  console.log(`${values.email} (${role}) invited; the link works once, until ${expiresAt.toISOString()}:\n${values.url.replace(/\/$/, '')}/console/invitation#${token}`);
  return 0;
}

const commands: Record<string, (db: Db, args: string[]) => Promise<number>> = {
  'console invite': consoleInvite,
  'admin create': createAdmin,
  'ledger check': ledgerCheck,
  'stats rebuild': statsRebuild,
  'partitions list': partitionsList,
};

async function main(argv: string[]): Promise<number> {
  const [area, verb, ...rest] = argv;
  const command = commands[`${area} ${verb}`];
  if (!command) {
    console.error(usage);
    return 2;
  }
  const url = process.env.DATABASE_URL ?? devDatabaseUrl;
  const db = connectDb({ connectionString: url, max: 1, applicationName: 'tern-cli' });
  try {
    await migrateToLatest(db);
    return await command(db, rest);
  } catch (err) {
    console.error(`failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
