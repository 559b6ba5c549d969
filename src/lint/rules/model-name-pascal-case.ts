import { allowListOption, matchesAllowList, trimPrefix, trimPrefixOption } from '../compat/prisma-lint-options.js';
import { isPascalCase } from '../../schema/naming.js';
import { object } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'model-name-pascal-case',
    description: 'Model names are PascalCase.',
    why: 'Prisma Client derives type names and delegates from model names; PascalCase keeps them idiomatic TypeScript.',
    category: 'naming',
    origin: 'prisma-lint',
    fixable: false,
    messages: { notPascal: 'Model name should be in PascalCase.' },
    optionsDoc: '`allowList` (names or RegExps to skip), `trimPrefix` (string, RegExp or a list).',
  },
  options: object({ allowList: allowListOption, trimPrefix: trimPrefixOption }),
  check({ schema, options, report }) {
    for (const model of schema.models) {
      if (matchesAllowList(model.name, options.allowList)) continue;
      if (!isPascalCase(trimPrefix(model.name, options.trimPrefix))) report({ target: { kind: 'model', model }, messageId: 'notPascal' });
    }
  },
});
