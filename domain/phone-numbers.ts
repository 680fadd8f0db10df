/** The compatible API allows only digits and `+` in a number; anything else fails the whole request (spec §1.1). */
export const compatibleNumberSyntax = /^\+?\d+$/;

/**
 * A compatible-API number in E.164. A number without `+` is a Chinese-mainland one given without its country
 * code, as the sister product allows (spec §1.1 [INF]); it gets `+86`.
 */
export function compatibleToE164(number: string): string {
  return number.startsWith('+') ? number : `+86${number}`;
}
