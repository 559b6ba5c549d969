import { parseSync } from 'oxc-parser';
import type { Node } from './data-flow.js';

/** `<delegate>.<field>`: a field a Prisma Client extension computes (`$extends({ result: { user: { fullName: ... } } })`). */
export type ComputedField = `${string}.${string}`;

/**
 * The computed fields a file's Prisma Client extensions declare: `result: { <delegate>: {
 * <field>: { compute } } }` inside `$extends(...)` or `Prisma.defineExtension(...)`. Code may
 * select and read them like columns; they are not missing from the schema.
 */
export function computedFields(path: string, text: string): ComputedField[] {
  if (!/\$extends\s*\(|defineExtension\s*\(/.test(text) || !/\bresult\s*:/.test(text)) return [];
  const lang = path.endsWith('.tsx') ? 'tsx' : path.endsWith('.jsx') ? 'jsx' : /\.[cm]?ts$/.test(path) ? 'ts' : 'js';
  const program = parseSync(path, text, { lang }).program as unknown as Node;
  const out: ComputedField[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'Property' && keyOf(node) === 'result' && (node.value as Node).type === 'ObjectExpression') {
      for (const model of (node.value as Node).properties as Node[]) {
        const delegate = model.type === 'Property' ? keyOf(model) : undefined;
        const fields = model.type === 'Property' ? (model.value as Node) : undefined;
        if (!delegate || fields?.type !== 'ObjectExpression') continue;
        for (const f of fields.properties as Node[]) {
          const field = f.type === 'Property' ? keyOf(f) : undefined;
          if (field) out.push(`${delegate}.${field}`);
        }
      }
    }
    for (const key in node) {
      const child = node[key];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') visit(c as Node);
      } else if (typeof (child as Node).type === 'string') visit(child as Node);
    }
  };
  visit(program);
  return out;
}

function keyOf(property: Node): string | undefined {
  const key = property.key as Node;
  if (!property.computed && key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}
