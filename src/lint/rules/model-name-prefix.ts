import { object, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'model-name-prefix',
    description: 'Model names start with a configured prefix.',
    why: 'Some teams namespace models of a shared database (`TblUser`); the rule keeps new models in line.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { prefix: 'Model name should start with "{{prefix}}".' },
    optionsDoc: '`prefix` (string, required).',
  },
  options: object({ prefix: string }, ['prefix']),
  check({ schema, options, report }) {
    const prefix = options.prefix ?? '';
    for (const model of schema.models) {
      if (!model.name.startsWith(prefix)) report({ target: { kind: 'model', model }, messageId: 'prefix', data: { prefix } });
    }
  },
});
