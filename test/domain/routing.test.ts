import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { networkByPrefix } from '../../domain/mainland-networks.ts';
import { parsePortedList } from '../../domain/ported-list.ts';
import { routeCandidates, routeTarget, type Route } from '../../domain/routing.ts';

describe('mainland network by number prefix', () => {
  const cases: [string, string | null][] = [
    ['+8613800138000', 'cmcc'],
    ['+8615012345678', 'cmcc'],
    ['+8619812345678', 'cmcc'],
    ['+8613312345678', 'ctcc'],
    ['+8618912345678', 'ctcc'],
    ['+8619912345678', 'ctcc'],
    ['+8613012345678', 'cucc'],
    ['+8618612345678', 'cucc'],
    ['+8616612345678', 'cucc'],
    ['+8619212345678', 'cbn'],
    // Four-digit segments inside another network's three-digit one.
    ['+8613491234567', 'ctcc'],
    ['+8613481234567', 'cmcc'],
    ['+8617031234567', 'cmcc'],
    ['+8617041234567', 'cucc'],
    ['+8617001234567', 'ctcc'],
    // Not allocated to a network.
    ['+8615412345678', null],
    ['+8610012345678', null],
  ];
  for (const [number, network] of cases) {
    test(`${number} → ${network ?? 'none'}`, () => assert.equal(networkByPrefix(number), network));
  }
});

describe('route target', () => {
  test('a mainland number is CN with the network of its prefix, or of the ported list when it is on it', () => {
    const base = { digits: '8613800138000', callingCode: '86', country: 'CN' };
    assert.deepEqual(routeTarget('+8613800138000'), { ...base, network: 'cmcc', networkSource: 'prefix' });
    assert.deepEqual(routeTarget('+8613800138000', 'cucc'), { ...base, network: 'cucc', networkSource: 'ported' });
  });
  test('an international number gets its country, shared calling codes told apart', () => {
    assert.equal(routeTarget('+447912345678').country, 'GB');
    assert.equal(routeTarget('+12025550123').country, 'US');
    assert.equal(routeTarget('+14165550123').country, 'CA');
    assert.equal(routeTarget('+447912345678').network, null);
  });
});

describe('route candidates', () => {
  let n = 0;
  const route = (r: Partial<Route> & { carrierId: string }): Route => ({ id: String(++n), country: '*', network: null, prefix: null, priority: 1, ...r });
  const routes: Route[] = [
    route({ country: '*', carrierId: 'intl-a', priority: 1 }),
    route({ country: '*', carrierId: 'intl-b', priority: 2 }),
    route({ country: 'GB', carrierId: 'uk-direct', priority: 2 }),
    route({ country: 'GB', carrierId: 'uk-backup', priority: 3 }),
    route({ country: 'GB', prefix: '4479', carrierId: 'uk-o2' }),
    route({ country: 'CN', network: 'cmcc', carrierId: 'cmcc' }),
    route({ country: 'CN', network: 'cmcc', carrierId: 'cmcc-backup', priority: 5 }),
    route({ country: 'CN', network: 'ctcc', carrierId: 'ctcc' }),
    route({ country: 'CN', carrierId: 'cn-any' }),
  ];
  test('the narrowest route first: prefix, then country by priority, then the catch-alls', () => {
    assert.deepEqual(routeCandidates(routes, routeTarget('+447912345678')), ['uk-o2', 'uk-direct', 'uk-backup', 'intl-a', 'intl-b']);
    assert.deepEqual(routeCandidates(routes, routeTarget('+447400123456')), ['uk-direct', 'uk-backup', 'intl-a', 'intl-b']);
    assert.deepEqual(routeCandidates(routes, routeTarget('+12025550123')), ['intl-a', 'intl-b']);
  });
  test('a mainland number goes to its network’s channels first, by priority, and never to a catch-all abroad', () => {
    assert.deepEqual(routeCandidates(routes, routeTarget('+8613800138000')), ['cmcc', 'cmcc-backup', 'cn-any']);
    assert.deepEqual(routeCandidates(routes, routeTarget('+8613800138000', 'ctcc')), ['ctcc', 'cn-any']);
    assert.deepEqual(routeCandidates(routes, routeTarget('+8613012345678')), ['cn-any']);
    assert.deepEqual(routeCandidates([route({ country: '*', carrierId: 'intl-a' })], routeTarget('+8613800138000')), []);
  });
  test('a prefix narrows only by its digits after the calling code; a network beats a prefix on the mainland', () => {
    const cn = [
      route({ country: 'CN', prefix: '86', carrierId: 'whole-country', priority: 1 }),
      route({ country: 'CN', network: 'cmcc', carrierId: 'cmcc', priority: 2 }),
      route({ country: 'CN', prefix: '86138', carrierId: 'range-138', priority: 3 }),
      route({ country: '*', prefix: '44', carrierId: 'uk-by-code', priority: 2 }),
      route({ country: 'GB', carrierId: 'uk', priority: 1 }),
    ];
    assert.deepEqual(routeCandidates(cn, routeTarget('+8613800138000')), ['cmcc', 'range-138', 'whole-country']);
    assert.deepEqual(routeCandidates(cn, routeTarget('+8613800138000', 'ctcc')), ['range-138', 'whole-country']);
    assert.deepEqual(routeCandidates(cn, routeTarget('+447912345678')), ['uk', 'uk-by-code']);
  });
  test('a carrier named by several matching routes is tried once, at its best place', () => {
    const twice = [route({ country: '*', carrierId: 'a', priority: 2 }), route({ country: 'US', carrierId: 'a' }), route({ country: '*', carrierId: 'b' })];
    assert.deepEqual(routeCandidates(twice, routeTarget('+12025550123')), ['a', 'b']);
  });
  test('no route, no candidates', () => {
    assert.deepEqual(routeCandidates([route({ country: 'GB', carrierId: 'uk' })], routeTarget('+12025550123')), []);
  });
});

describe('ported-numbers list', () => {
  test('reads numbers in any of the three forms, network codes and Chinese names, with or without a header', async () => {
    const list = await parsePortedList('\uFEFFnumber,network\n+8613800138000,ctcc\n8613900139000, 联通\n13700137000,CBN\n\n');
    assert.deepEqual(list, {
      ok: true,
      entries: [
        { number: '+8613800138000', network: 'ctcc' },
        { number: '+8613900139000', network: 'cucc' },
        { number: '+8613700137000', network: 'cbn' },
      ],
    });
  });
  test('every bad line is reported with its line number in the file, and nothing is taken', async () => {
    const list = await parsePortedList('+8613800138000,ctcc\n\n+447911123456,cmcc\n+8613800138001,vodafone\n+8613800138002\n+8613800138000,cucc\n');
    assert.equal(list.ok, false);
    assert.deepEqual(
      !list.ok && list.errors.map((e) => e.line),
      [3, 4, 5, 6],
    );
    assert.match(!list.ok ? (list.errors[0]?.message ?? '') : '', /not a Chinese-mainland mobile number/);
    assert.match(!list.ok ? (list.errors[3]?.message ?? '') : '', /also on line 1/);
  });
  test('an empty list, broken CSV and a first line that is neither a header nor a number are refused', async () => {
    assert.equal((await parsePortedList('number,network\n')).ok, false);
    assert.equal((await parsePortedList('"+8613800138000,ctcc\n')).ok, false);
    assert.deepEqual(await parsePortedList('abc,def\n+8613800138000,ctcc\n'), { ok: false, errors: [{ line: 1, message: 'abc is not a Chinese-mainland mobile number' }] });
  });
  test('a list longer than one slice is read whole, line numbers counting across slices', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `+86138${String(i).padStart(8, '0')},ctcc`);
    lines[15_000] = '+86138xx,ctcc';
    const list = await parsePortedList(lines.join('\n'));
    assert.deepEqual(!list.ok && list.errors.map((e) => e.line), [15_001]);
    lines[15_000] = '+8613900000000,cucc';
    // The API's other requests are served while a long list is read: timers run between the slices.
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const good = await parsePortedList(lines.join('\n'));
    clearInterval(timer);
    assert.equal(good.ok && good.entries.length, 20_000);
    assert.ok(turns > 0, 'the event loop turned while the list was read');
  });
});
