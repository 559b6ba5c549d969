import { toRegExp } from './compat/prisma-lint-options.js';
import { list, pattern } from './options.js';

/** `exempt` option of steward's rules: model names, "/regex/" strings or RegExps. */
export const exemptOption = list(pattern);

export function isExempt(name: string, exempt: readonly (string | RegExp)[] | undefined): boolean {
  if (!exempt) return false;
  return exempt.some((e) => (e instanceof RegExp || (e.startsWith('/') && e.endsWith('/') && e.length > 1) ? toRegExp(e).test(name) : e === name));
}
