// `npm run tern -- <command>`: operator tasks from the command line.
//   admin create --name <name> [--role admin|operator|reviewer]   make an operator and print its token (once)
// DATABASE_URL selects the database; without it, the dev stack's (`npm run dev` must be running).
import { parseArgs } from 'node:util';
import { connectDb } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createOperator } from '../db/operators.ts';
import { operatorRoles, type OperatorRole } from '../domain/operators.ts';

const usage = 'usage: npm run tern -- admin create --name <name> [--role admin|operator|reviewer]';
const devDatabaseUrl = `postgres://tern:tern@127.0.0.1:${process.env.TERN_PG_PORT ?? 54329}/tern`;

async function main(argv: string[]): Promise<number> {
  const [area, verb, ...rest] = argv;
  if (area !== 'admin' || verb !== 'create') {
    console.error(usage);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, role: { type: 'string', default: 'admin' } } });
  const role = values.role as OperatorRole;
  if (!values.name || !operatorRoles.includes(role)) {
    console.error(usage);
    return 2;
  }
  const url = process.env.DATABASE_URL ?? devDatabaseUrl;
  const db = connectDb({ connectionString: url, max: 1, applicationName: 'tern-cli' });
  try {
    await migrateToLatest(db);
    const { row, token } = await createOperator(db, values.name, role);
    console.log(`operator ${row.name} (${row.role}) created; its token, shown only now:\n${token}`);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(/duplicate key/.test(message) ? `an operator named ${values.name} already exists` : `failed: ${message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
