import { databaseName, getArgument, getAttribute } from '../../schema/query.js';
import { addFieldAttribute, fix, replaceSpan } from '../edits.js';
import { exemptOption, isExempt } from '../exemptions.js';
import { matchesCaseStyle, toSnakeCase } from '../naming.js';
import { boolean, list, object, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'column-name-snake-case',
    description: 'Every scalar field whose name is not snake_case is `@map`ped to its snake_case column name (`userID` → `user_id`, `oauth2Token` → `oauth2_token`).',
    why: 'The specification: camelCase in the schema, snake_case in the database via `@map()`. The identified mismatch `last_read_at` vs `lastReadAt` is what happens without it.',
    category: 'naming',
    origin: 'steward',
    fixable: true,
    messages: {
      missingMap: 'Column of {{model}}.{{field}} should be mapped to snake_case: add @map("{{expected}}").',
      collision: 'Column of {{model}}.{{field}} should be snake_case, but "{{expected}}" is already the column of {{other}}.',
      notSnake: 'Column name "{{actual}}" of {{model}}.{{field}} is not snake_case (expected "{{expected}}").',
      differs: 'Column name "{{actual}}" of {{model}}.{{field}} does not match its field name (expected "{{expected}}").',
    },
    optionsDoc: '`words` (words kept whole, e.g. ["iOS", "OAuth2"]), `matchFieldName` (boolean, default false: an explicit snake_case `@map` must also equal the field name in snake_case), `exempt` (model names or "/regex/").',
  },
  options: object({ words: list(string), matchFieldName: boolean, exempt: exemptOption }),
  check({ schema, source, index, options, report }) {
    for (const model of [...schema.models, ...schema.views]) {
      if (isExempt(model.name, options.exempt)) continue;
      const columns = new Map(model.fields.filter((f) => !index.isRelation(f)).map((f) => [databaseName(f), f.name]));
      // Two fields whose names differ only in case or underscores would get one column name.
      const wanted = new Map<string, string[]>();
      for (const f of model.fields) {
        if (index.isRelation(f)) continue;
        const e = toSnakeCase(f.name, options.words);
        if (databaseName(f) !== e) wanted.set(e, [...(wanted.get(e) ?? []), f.name]);
      }
      for (const field of model.fields) {
        if (index.isRelation(field) || index.typeNames.has(field.type.name)) continue;
        const expected = toSnakeCase(field.name, options.words);
        const map = getAttribute(field, 'map');
        const arg = map ? getArgument(map, 'name', 0) : undefined;
        const target = { kind: 'field' as const, model, field };
        const data = { model: model.name, field: field.name, expected };
        const other = columns.get(expected) ?? wanted.get(expected)?.find((n) => n !== field.name);
        if (other !== undefined && other !== field.name && databaseName(field) !== expected) {
          report({ target, messageId: 'collision', data: { ...data, other: `${model.name}.${other}` } });
          continue;
        }
        if (!arg || arg.value.kind !== 'string') {
          if (expected !== field.name && !map) report({ target, messageId: 'missingMap', data, fix: fix(`add @map("${expected}")`, addFieldAttribute(field, `@map("${expected}")`, source(model.span.file))) });
          continue;
        }
        const actual = arg.value.value;
        if (actual === '_id' || actual === expected) continue;
        if (!matchesCaseStyle(actual, 'snake')) {
          report({ target, span: arg.value.span, messageId: 'notSnake', data: { ...data, actual }, fix: fix(`map to "${expected}"`, replaceSpan(arg.value.span, JSON.stringify(expected))) });
        } else if (options.matchFieldName) {
          report({ target, span: arg.value.span, messageId: 'differs', data: { ...data, actual }, fix: fix(`map to "${expected}"`, replaceSpan(arg.value.span, JSON.stringify(expected))) });
        }
      }
    }
  },
});
