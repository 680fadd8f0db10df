// The layers of the tree (README, "The map"), as ESLint rules: which folder may import which. Each folder lists
// the folders and packages it may not import; `npm run lint` fails on a violation.

const folders = ['api', 'accept', 'db', 'domain', 'worker', 'workflows', 'activities', 'carriers', 'processes', 'scripts', 'console'];
const temporal = ['@temporalio/*'];
const database = ['kysely', 'pg'];

/** Per folder: the app folders it may not import, packages it may not import, and the reason. */
const rules = {
  domain: {
    folders: folders.filter((f) => f !== 'domain'),
    packages: [...temporal, ...database, 'hono', '@hono/*', 'pino', 'smpp'],
    why: 'domain/ is the rules alone: it imports no other folder of the app, no database, web or workflow code.',
  },
  db: {
    folders: ['api', 'accept', 'worker', 'workflows', 'activities', 'carriers', 'processes', 'scripts', 'console'],
    packages: [...temporal, 'hono', '@hono/*'],
    why: 'db/ is queries over domain types: it knows neither the API, the worker, the carriers nor the workflows.',
  },
  carriers: {
    folders: ['api', 'accept', 'db', 'worker', 'workflows', 'activities', 'processes', 'console'],
    packages: [...temporal, ...database],
    why: 'carriers/ speaks to upstreams: it knows the domain, not the database, the API or the workflows.',
  },
  workflows: {
    folders: ['api', 'accept', 'db', 'worker', 'activities', 'carriers', 'processes', 'scripts', 'console'],
    packages: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing', ...database, 'pino', 'node:*'],
    why: 'workflows/ is bundled into the worker and must stay deterministic: no I/O, only activities (as types) and the domain.',
  },
  activities: {
    folders: ['api', 'worker', 'workflows', 'processes', 'scripts', 'console'],
    packages: ['hono', '@hono/*', '@temporalio/client', '@temporalio/workflow'],
    why: 'activities/ do the I/O of workflows through db/ and carriers/; they do not start or call workflows.',
  },
  processes: {
    folders: ['api', 'accept', 'db', 'worker', 'activities', 'carriers', 'scripts', 'console'],
    packages: [...database, 'hono', '@hono/*'],
    why: 'processes/ are the Temporal clients of the long processes: workflows and their ids, nothing else.',
  },
  accept: {
    folders: ['api', 'worker', 'workflows', 'activities', 'carriers', 'scripts', 'console'],
    packages: ['hono', '@hono/*', '@temporalio/*'],
    why: 'accept/ is the accept pipeline every surface shares (rules, lookups, the screen, the store): it knows no HTTP surface and no workflow code.',
  },
  api: {
    folders: ['worker', 'workflows', 'activities', 'carriers', 'scripts', 'console'],
    packages: ['@temporalio/worker', '@temporalio/workflow', '@temporalio/activity'],
    why: 'api/ accepts and answers: it reaches the database through db/ and the long processes through processes/.',
  },
  console: {
    folders: folders.filter((f) => f !== 'console'),
    packages: [...temporal, ...database, 'hono', '@hono/*', 'pino', 'smpp', 'node:*'],
    why: 'console/ runs in the browser: it reaches the platform only through the HTTP API, typed by its OpenAPI document (console/src/client/openapi.d.ts).',
  },
  worker: {
    folders: ['api', 'scripts', 'console'],
    packages: ['hono', '@hono/*'],
    why: 'worker/ runs the hot path and the workflows; it does not import the API.',
  },
};

const migrations = {
  group: ['**/migrations/*'],
  message: 'A migration is history: only db/migrate.ts reads them; constants the code needs live in domain/ or db/.',
};
const queries = {
  group: ['kysely'],
  allowTypeImports: true,
  message: 'Queries live in db/: call a function there instead of building SQL here.',
};

function block(files, rule, allowTypes, extra, ignores = []) {
  return {
    files,
    ignores,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Another folder is reached by a relative path climbing out of this one.
              group: rule.folders.flatMap((f) => [`../${f}/*`, `../../${f}/*`, `../../../${f}/*`]),
              message: rule.why,
              // Workflows and process clients name activities' and rows' types; types leave no code behind.
              allowTypeImports: allowTypes,
            },
            { group: rule.packages, message: rule.why },
            ...extra,
          ],
        },
      ],
    },
  };
}

/** One ESLint config block per folder, each also barring migrations and (outside db/) query building. */
export function layerRules() {
  return Object.entries(rules).flatMap(([folder, rule]) => {
    const allowTypes = folder === 'workflows' || folder === 'processes';
    const extra = folder === 'db' ? [migrations] : [migrations, queries];
    if (folder === 'console') return [block(['console/**/*.ts', 'console/**/*.tsx'], rule, false, [migrations, queries])];
    if (folder !== 'db') return [block([`${folder}/**/*.ts`], rule, allowTypes, extra)];
    const history = ['db/migrate.ts', 'db/migrations/**'];
    return [block(['db/**/*.ts'], rule, allowTypes, extra, history), block(history, rule, allowTypes, [])];
  });
}
