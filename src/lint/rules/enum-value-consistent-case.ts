import { type CaseStyle, caseStyleOf, matchesCaseStyle } from '../../schema/naming.js';
import { object, oneOf } from '../options.js';
import { defineRule } from '../rule.js';

const STYLES = ['consistent', 'upper-snake', 'snake', 'camel', 'pascal'] as const;
const STYLE_NAMES: Record<CaseStyle, string> = { 'upper-snake': 'UPPER_SNAKE_CASE', snake: 'snake_case', camel: 'camelCase', pascal: 'PascalCase' };

export default defineRule({
  meta: {
    id: 'enum-value-consistent-case',
    description: 'All enum values of the schema use one case style: the configured one, or by default the style most values already use.',
    why: 'The specification asks for consistent enum naming across all models; values are stored in the database and compared in application code.',
    category: 'naming',
    origin: 'steward',
    fixable: false,
    messages: { style: "Enum value {{enum}}.{{value}} is not {{style}} like the schema's other enum values." },
    optionsDoc: '`style` ("consistent" (default) | "upper-snake" | "snake" | "camel" | "pascal").',
  },
  options: object({ style: oneOf(STYLES) }),
  check({ schema, options, report }) {
    let style: CaseStyle | undefined = options.style && options.style !== 'consistent' ? options.style : undefined;
    if (!style) {
      const counts = new Map<CaseStyle, number>();
      for (const e of schema.enums) {
        for (const v of e.values) {
          const s = caseStyleOf(v.name);
          if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
        }
      }
      let best = 0;
      for (const [s, n] of counts) if (n > best) [style, best] = [s, n];
    }
    if (!style) return;
    for (const e of schema.enums) {
      for (const value of e.values) {
        if (matchesCaseStyle(value.name, style)) continue;
        // A single lowercase word is both camelCase and snake_case.
        if ((style === 'camel' || style === 'snake') && /^[a-z][a-z0-9]*$/.test(value.name)) continue;
        report({ target: { kind: 'enumValue', enum: e, value }, messageId: 'style', data: { enum: e.name, value: value.name, style: STYLE_NAMES[style] } });
      }
    }
  },
});
