import type { Comment, Enum, Model, Schema } from '../schema/model.js';
import { blockIgnoreComments, isBlockEntirelyIgnored, isLineIgnored, isRuleIgnoredForBlock, ruleIgnoreParams } from './compat/prisma-lint-ignore.js';
import { type LintTarget, targetSpan } from './rule.js';

/**
 * `/// steward-ignore <rule-id>[, <rule-id>...] [-- reason]` in the doc comments of a model,
 * field, enum or enum value suppresses those rules there (on a model or enum: also on its
 * fields or values). prisma-lint's ignore comments are honoured as prisma-lint reads them.
 */
export const STEWARD_IGNORE = 'steward-ignore';

export interface StewardSuppression {
  comment: Comment;
  rules: string[];
  reason?: string;
  /** Rule ids that suppressed at least one finding. */
  used: Set<string>;
}

const STEWARD_IGNORE_RE = /^steward-ignore(?:\s+(.*?))?(?:\s+--\s*(.*))?$/;

export function parseStewardIgnore(comment: Comment): StewardSuppression | undefined {
  const text = comment.text.trim();
  if (!text.startsWith(STEWARD_IGNORE)) return undefined;
  const m = STEWARD_IGNORE_RE.exec(text);
  if (!m) return undefined;
  const rules = (m[1] ?? '').split(/[\s,]+/).filter((r) => r.length > 0 && r !== '--');
  return { comment, rules, reason: m[2]?.trim() || undefined, used: new Set() };
}

export class Suppressions {
  private readonly byDocs = new Map<Comment[], StewardSuppression[]>();
  private readonly blockComments = new Map<Model | Enum, string[]>();
  private readonly lines = new Map<string, string[]>();
  private readonly texts = new Map<string, string>();
  private readonly anyPrismaLint: boolean;
  readonly all: StewardSuppression[] = [];

  constructor(schema: Schema) {
    for (const f of schema.files) this.texts.set(f.path, f.text);
    this.anyPrismaLint = schema.files.some((f) => f.text.includes('prisma-lint-ignore'));
    const collect = (docs: Comment[]) => {
      let list: StewardSuppression[] | undefined;
      for (const doc of docs) {
        if (!doc.text.includes(STEWARD_IGNORE)) continue;
        const s = parseStewardIgnore(doc);
        if (!s) continue;
        (list ??= []).push(s);
        this.all.push(s);
      }
      if (list) this.byDocs.set(docs, list);
    };
    for (const block of schema.blocks) {
      collect(block.docs);
      if (block.kind === 'datasource' || block.kind === 'generator') continue;
      if (block.kind === 'enum') for (const v of block.values) collect(v.docs);
      else if (block.kind === 'model' || block.kind === 'view' || block.kind === 'type') for (const f of block.fields) collect(f.docs);
    }
  }

  /** Whether a finding of `ruleId` on `target` (reported in `file`) is suppressed; marks the suppression used. */
  isSuppressed(ruleId: string, target: LintTarget, file: string): boolean {
    // Most schemas carry no suppression comment at all: thousands of findings then cost nothing here.
    if (this.byDocs.size === 0 && !this.anyPrismaLint) return false;
    const docsChain: Comment[][] = [];
    if (target.kind === 'config') return (this.byDocs.get(target.block.docs) ?? []).some((s) => s.rules.includes(ruleId) && s.used.add(ruleId));
    const block = target.kind === 'model' || target.kind === 'field' ? target.model : target.enum;
    if (target.kind === 'field') docsChain.push(target.field.docs);
    if (target.kind === 'enumValue') docsChain.push(target.value.docs);
    docsChain.push(block.docs);
    for (const docs of docsChain) {
      for (const s of this.byDocs.get(docs) ?? []) {
        if (s.rules.includes(ruleId)) {
          s.used.add(ruleId);
          return true;
        }
      }
    }
    if (!this.anyPrismaLint) return false;
    const comments = this.prismaLintComments(block);
    if (isBlockEntirelyIgnored(block, comments) || isRuleIgnoredForBlock(ruleId, comments)) return true;
    // prisma-lint looks above the reported node; enum value findings are reported on the enum there.
    const lines = this.fileLines(file);
    if (isLineIgnored(lines, targetSpan(target).line, ruleId)) return true;
    if (target.kind === 'enumValue' && isLineIgnored(lines, target.enum.span.line, ruleId)) return true;
    return false;
  }

  ignoreParams(block: Model | Enum, ruleId: string): string[] {
    if (!this.anyPrismaLint) return [];
    return ruleIgnoreParams(block, this.prismaLintComments(block), ruleId);
  }

  private prismaLintComments(block: Model | Enum): string[] {
    let c = this.blockComments.get(block);
    if (!c) this.blockComments.set(block, (c = blockIgnoreComments(block, this.texts.get(block.span.file) ?? '')));
    return c;
  }

  private fileLines(file: string): string[] {
    let l = this.lines.get(file);
    if (!l) this.lines.set(file, (l = (this.texts.get(file) ?? '').split('\n')));
    return l;
  }
}
