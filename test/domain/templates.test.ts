import assert from 'node:assert/strict';
import { test } from 'vitest';
import { compatibleNumberSyntax, compatibleToE164 } from '../../domain/phone-numbers.ts';
import { renderTemplate, templateVariableCount } from '../../domain/templates.ts';

test('variables are ${1}…${n}, filled in order', () => {
  assert.equal(templateVariableCount('No variables'), 0);
  assert.equal(templateVariableCount('${1} and ${2} and ${1}'), 2);
  assert.deepEqual(renderTemplate('Hi ${1}, code ${2}; bye ${1}', ['Ann', '42']), { ok: true, text: 'Hi Ann, code 42; bye Ann' });
});

test('missing, extra and empty values are refused with their own codes', () => {
  assert.equal(renderTemplate('Code ${1}', []).ok, false);
  assert.deepEqual(renderTemplate('Code ${1}', []), { ok: false, code: 'params_missing', message: 'The template takes 1 value(s); 0 given.' });
  assert.equal((renderTemplate('Code ${1}', ['1', '2']) as { code: string }).code, 'params_extra');
  assert.equal((renderTemplate('Code ${1}', [' ']) as { code: string }).code, 'param_empty');
});

test('compatible numbers: digits and an optional +; without + a number is a mainland one', () => {
  assert.equal(compatibleToE164('13800138000'), '+8613800138000');
  assert.equal(compatibleToE164('+447400123456'), '+447400123456');
  for (const good of ['+8613800138000', '13800138000']) assert.ok(compatibleNumberSyntax.test(good), good);
  for (const bad of ['+86 138', '138-0013', '+86abc', '++86', '']) assert.equal(compatibleNumberSyntax.test(bad), false, bad);
});
