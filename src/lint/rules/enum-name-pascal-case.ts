import { allowListOption, matchesAllowList, trimPrefix, trimPrefixOption } from '../compat/prisma-lint-options.js';
import { isPascalCase } from '../../schema/naming.js';
import { object } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'enum-name-pascal-case',
    description: 'Enum names are PascalCase.',
    why: 'The specification asks for consistent enum naming; Prisma Client exposes enums as TypeScript types, which are PascalCase.',
    category: 'naming',
    origin: 'prisma-lint',
    fixable: false,
    messages: { notPascal: 'Enum name should be in PascalCase.' },
    optionsDoc: '`allowList` (names or RegExps to skip), `trimPrefix` (string, RegExp or a list: prefix removed before checking).',
  },
  options: object({ allowList: allowListOption, trimPrefix: trimPrefixOption }),
  check({ schema, options, report }) {
    for (const e of schema.enums) {
      if (matchesAllowList(e.name, options.allowList)) continue;
      if (!isPascalCase(trimPrefix(e.name, options.trimPrefix))) report({ target: { kind: 'enum', enum: e }, messageId: 'notPascal' });
    }
  },
});
