import type { TextEdit } from '../../diagnostics/diagnostic.js';
import { databaseName, getArgument, getAttribute } from '../../schema/query.js';
import { addFieldAttribute, databaseFix, replaceSpan } from '../edits.js';
import { renameColumnSql, sqlDialect } from '../fix-migration.js';
import { exemptOption, isExempt } from '../exemptions.js';
import { matchesCaseStyle, toSnakeCase } from '../../schema/naming.js';
import { boolean, list, object, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'column-name-snake-case',
    description:
      'Every scalar field whose name is not snake_case is `@map`ped to its snake_case column name (`userID` → `user_id`, `oauth2Token` → `oauth2_token`).',
    why: 'The specification: camelCase in the schema, snake_case in the database via `@map()`. The identified mismatch `last_read_at` vs `lastReadAt` is what happens without it.',
    category: 'naming',
    origin: 'steward',
    fixable: true,
    fixKinds: ['rename-column'],
    messages: {
      missingMap: 'Column of {{model}}.{{field}} should be mapped to snake_case: add @map("{{expected}}").',
      collision: 'Column of {{model}}.{{field}} should be snake_case, but "{{expected}}" is already the column of {{other}}.',
      notSnake: 'Column name "{{actual}}" of {{model}}.{{field}} is not snake_case (expected "{{expected}}").',
      differs: 'Column name "{{actual}}" of {{model}}.{{field}} does not match its field name (expected "{{expected}}").',
    },
    optionsDoc:
      '`words` (words kept whole, e.g. ["iOS", "OAuth2"]), `matchFieldName` (boolean, default false: an explicit snake_case `@map` must also equal the field name in snake_case), `exempt` (model names or "/regex/").',
  },
  options: object({ words: list(string), matchFieldName: boolean, exempt: exemptOption }),
  check({ schema, source, index, options, report }) {
    const dialect = sqlDialect(schema);
    for (const model of [...schema.models, ...schema.views]) {
      if (isExempt(model.name, options.exempt)) continue;
      const table = databaseName(model);
      const rename = (from: string, to: string, description: string, edit: TextEdit) =>
        databaseFix('rename-column', renameColumnSql(dialect, table, from, to), description, edit);
      // Column and expected name of every scalar field, computed once (undefined: a relation).
      const fields = model.fields;
      const columnOf: (string | undefined)[] = new Array(fields.length);
      const expectedOf: string[] = new Array(fields.length);
      const columns = new Map<string, string>();
      // Two fields whose names differ only in case or underscores would get one column name.
      const wanted = new Map<string, string[]>();
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        if (index.isRelation(f)) continue;
        const column = databaseName(f);
        const expected = toSnakeCase(f.name, options.words);
        columnOf[i] = column;
        expectedOf[i] = expected;
        columns.set(column, f.name);
        if (column !== expected) {
          const names = wanted.get(expected);
          if (names) names.push(f.name);
          else wanted.set(expected, [f.name]);
        }
      }
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i];
        const column = columnOf[i];
        if (column === undefined || index.typeNames.has(field.type.name)) continue;
        const expected = expectedOf[i];
        const other = columns.get(expected) ?? wanted.get(expected)?.find((n) => n !== field.name);
        if (other !== undefined && other !== field.name && column !== expected) {
          report({
            target: { kind: 'field', model, field },
            messageId: 'collision',
            data: { model: model.name, field: field.name, expected, other: `${model.name}.${other}` },
          });
          continue;
        }
        const map = getAttribute(field, 'map');
        const arg = map ? getArgument(map, 'name', 0) : undefined;
        if (!arg || arg.value.kind !== 'string') {
          if (expected !== field.name && !map) {
            report({
              target: { kind: 'field', model, field },
              messageId: 'missingMap',
              data: { model: model.name, field: field.name, expected },
              fix: rename(column, expected, `add @map("${expected}")`, addFieldAttribute(field, `@map("${expected}")`, source(model.span.file))),
            });
          }
          continue;
        }
        const actual = arg.value.value;
        if (actual === '_id' || actual === expected) continue;
        const data = { model: model.name, field: field.name, expected, actual };
        const messageId = !matchesCaseStyle(actual, 'snake') ? 'notSnake' : options.matchFieldName ? 'differs' : undefined;
        if (messageId) {
          report({
            target: { kind: 'field', model, field },
            span: arg.value.span,
            messageId,
            data,
            fix: rename(actual, expected, `map to "${expected}"`, replaceSpan(arg.value.span, JSON.stringify(expected))),
          });
        }
      }
    }
  },
});
