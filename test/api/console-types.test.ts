import fs from 'node:fs/promises';
import { expect, test } from 'vitest';
import { apiTypesFile, generateApiTypes } from '../../scripts/console/api-types.ts';

test('the console’s API types are those of the current OpenAPI document (npm run console:types)', async () => {
  const committed = await fs.readFile(apiTypesFile, 'utf8');
  // `npm run typecheck` regenerates them first; a stale copy here means a schema changed without its console check.
  expect(committed === (await generateApiTypes()), 'console/src/client/openapi.d.ts is stale: run `npm run console:types` and typecheck').toBe(true);
});
