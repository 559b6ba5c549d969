import type { Enum, Model } from '../../schema/model.js';

/**
 * prisma-lint's ignore comments, read the way prisma-lint reads them:
 *   /// prisma-lint-ignore-model                 anywhere in a model body: the whole model
 *   /// prisma-lint-ignore-model <rule>          that rule for the model
 *   /// prisma-lint-ignore-model <rule> a,b      rule-specific parameters (field names)
 *   /// prisma-lint-ignore-enum [<rule> [a,b]]  the same inside an enum
 *   /// prisma-lint-ignore-field [rules]         in the `///` lines directly above the reported node
 */
export const IGNORE_MODEL = '/// prisma-lint-ignore-model';
export const IGNORE_ENUM = '/// prisma-lint-ignore-enum';
export const IGNORE_FIELD = '/// prisma-lint-ignore-field';

/** The ignore comments of a block body (trimmed lines). */
export function blockIgnoreComments(block: Model | Enum, text: string): string[] {
  const prefix = block.kind === 'enum' ? IGNORE_ENUM : IGNORE_MODEL;
  const body = text.slice(block.span.start, block.span.end);
  if (!body.includes(prefix)) return [];
  const out: string[] = [];
  for (const line of body.split('\n')) {
    const t = line.trim();
    if (t.startsWith(prefix)) out.push(t);
  }
  return out;
}

export function isBlockEntirelyIgnored(block: Model | Enum, comments: string[]): boolean {
  return comments.includes(block.kind === 'enum' ? IGNORE_ENUM : IGNORE_MODEL);
}

export function isRuleIgnoredForBlock(ruleId: string, comments: string[]): boolean {
  return comments.includes(`${IGNORE_MODEL} ${ruleId}`) || comments.includes(`${IGNORE_ENUM} ${ruleId}`);
}

/** Parameters of `/// prisma-lint-ignore-model <rule> a,b`. */
export function ruleIgnoreParams(block: Model | Enum, comments: string[], ruleId: string): string[] {
  const prefix = `${block.kind === 'enum' ? IGNORE_ENUM : IGNORE_MODEL} ${ruleId} `;
  const comment = comments.find((c) => c.startsWith(prefix));
  if (!comment) return [];
  return comment
    .split(' ')
    .slice(-1)[0]
    .split(',')
    .map((p) => p.trim());
}

/** Whether `/// prisma-lint-ignore-field` lines directly above `line` (1-based) ignore the rule. */
export function isLineIgnored(lines: readonly string[], line: number, ruleId: string): boolean {
  for (let i = line - 2; i >= 0; i--) {
    const t = lines[i].trim();
    if (!t.startsWith('///')) return false;
    if (t.startsWith(IGNORE_FIELD)) {
      const params = t.slice(IGNORE_FIELD.length).trim();
      if (params === '') return true;
      if (
        params
          .split(/[\s,]+/)
          .map((r) => r.trim())
          .includes(ruleId)
      )
        return true;
    }
  }
  return false;
}
