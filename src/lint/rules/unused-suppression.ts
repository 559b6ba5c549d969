import { noOptions } from '../options.js';
import { defineRule } from '../rule.js';

/** Reported by the engine itself after every other rule ran (see engine.ts). */
export default defineRule({
  meta: {
    id: 'unused-suppression',
    description: 'A `/// steward-ignore <rule>` comment that suppresses nothing (or names an unknown rule).',
    why: 'Stale suppressions hide future findings of the same rule; unknown rule ids are usually typos.',
    category: 'meta',
    origin: 'steward',
    fixable: false,
    messages: {},
  },
  options: noOptions,
  check() {},
});
