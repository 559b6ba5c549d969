import pluralize from 'pluralize';
import { databaseName, getArgument, getAttribute } from '../../schema/query.js';
import { addBlockAttribute, databaseFix, replaceSpan } from '../edits.js';
import { renameTableSql, sqlDialect } from '../fix-migration.js';
import { exemptOption, isExempt } from '../exemptions.js';
import { matchesCaseStyle, type TableNameStyle, toTableName } from '../../schema/naming.js';
import { boolean, list, object, oneOf, string } from '../options.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'table-name-snake-case',
    description: 'Every model is `@@map`ped to a snake_case table name, plural by default (`ConversationParticipant` → `conversation_participants`).',
    why: 'The specification maps names to snake_case in the database; unmapped PascalCase tables need quoting in every hand-written SQL query.',
    category: 'naming',
    origin: 'steward',
    fixable: true,
    fixKinds: ['rename-table'],
    messages: {
      missingMap: 'Table of {{model}} should be mapped to snake_case: add @@map("{{expected}}").',
      notSnake: 'Table name "{{actual}}" of {{model}} is not snake_case (expected "{{expected}}").',
      number: 'Table name "{{actual}}" of {{model}} should be {{style}} (expected "{{expected}}").',
      collision: 'Table of {{model}} should be "{{expected}}", but that is already the table of {{other}}.',
      differs: 'Table name "{{actual}}" of {{model}} does not match its model name (expected "{{expected}}").',
    },
    optionsDoc:
      '`style` ("plural" | "singular" | "unchanged", default "plural"), `words` (words kept whole), `matchModelName` (boolean, default false: an explicit `@@map` must equal the expected name), `exempt`.',
  },
  options: object({ style: oneOf(['plural', 'singular', 'unchanged'] as const), words: list(string), matchModelName: boolean, exempt: exemptOption }),
  check({ schema, options, report, source }) {
    const style: TableNameStyle = options.style ?? 'plural';
    const dialect = sqlDialect(schema);
    const tables = new Map([...schema.models, ...schema.views].map((m) => [databaseName(m), m.name]));
    for (const model of [...schema.models, ...schema.views]) {
      if (isExempt(model.name, options.exempt)) continue;
      const expected = toTableName(model.name, style, options.words);
      const map = getAttribute({ attributes: model.attributes }, 'map');
      const arg = map ? getArgument(map, 'name', 0) : undefined;
      const target = { kind: 'model' as const, model };
      const data = { model: model.name, expected, style };
      const other = tables.get(expected);
      if (other !== undefined && other !== model.name) {
        if (databaseName(model) !== expected) report({ target, messageId: 'collision', data: { ...data, other } });
        continue;
      }
      if (!arg || arg.value.kind !== 'string') {
        if (model.name !== expected && !map)
          report({
            target,
            messageId: 'missingMap',
            data,
            fix: databaseFix(
              'rename-table',
              renameTableSql(dialect, model.name, expected),
              `add @@map("${expected}")`,
              addBlockAttribute(model, `@@map("${expected}")`, source(model.span.file)),
            ),
          });
        continue;
      }
      const actual = arg.value.value;
      if (actual === expected) continue;
      const replace = databaseFix(
        'rename-table',
        renameTableSql(dialect, actual, expected),
        `map to "${expected}"`,
        replaceSpan(arg.value.span, JSON.stringify(expected)),
      );
      if (!matchesCaseStyle(actual, 'snake')) report({ target, span: arg.value.span, messageId: 'notSnake', data: { ...data, actual }, fix: replace });
      else if (options.matchModelName) report({ target, span: arg.value.span, messageId: 'differs', data: { ...data, actual }, fix: replace });
      else if (style !== 'unchanged' && !numberMatches(actual, style))
        report({ target, span: arg.value.span, messageId: 'number', data: { ...data, actual }, fix: replace });
    }
  },
});

function numberMatches(table: string, style: 'plural' | 'singular'): boolean {
  const last = table.split('_').pop() ?? table;
  return style === 'plural' ? pluralize.isPlural(last) : pluralize.isSingular(last);
}
