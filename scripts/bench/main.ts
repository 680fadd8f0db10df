// `npm run bench [-- <bench>]`: `hot-path` (the default), `campaign` or `details`; each runs on import.
const benches = {
  'hot-path': () => import('./hot-path.ts'),
  campaign: () => import('./campaign.ts'),
  details: () => import('./details.ts'),
} as const;

const name = process.argv[2] ?? 'hot-path';
if (!Object.hasOwn(benches, name)) {
  console.error(`usage: npm run bench [-- hot-path | campaign | details]\n  unknown bench ${JSON.stringify(name)}`);
  process.exit(1);
}
await benches[name as keyof typeof benches]();
