import { boolean, object } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ban-unbounded-string-type',
    description: 'String fields carry a native type with a length limit (`@db.VarChar(n)`), not the default unbounded text.',
    why: 'An unbounded column accepts anything a bug or an attacker sends; a limit documents and enforces the intended size.',
    category: 'conventions',
    origin: 'prisma-lint',
    fixable: false,
    messages: { unbounded: 'String fields must have a native type attribute to ensure maximum length, e.g. `@db.VarChar(x)`.' },
    optionsDoc: '`allowNativeTextType` (boolean): accept `@db.Text`.',
  },
  options: object({ allowNativeTextType: boolean }),
  check({ schema, options, report }) {
    for (const model of schema.models) {
      for (const field of model.fields) {
        if (field.type.name !== 'String' || field.type.unsupported !== undefined) continue;
        const native = field.attributes.find((a) => a.name.startsWith('db.'));
        if (!native || (native.name === 'db.Text' && !options.allowNativeTextType)) report({ target: { kind: 'field', model, field }, messageId: 'unbounded' });
      }
    }
  },
});
