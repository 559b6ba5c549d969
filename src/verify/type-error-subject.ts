/**
 * Which model and field a TypeScript error is about: the Prisma delegate the call goes
 * through (`prisma.client.findMany(...)`), model names in the message's types
 * (`StringFilter<"Client">`, `ConversationWhereInput`), and the property names enclosing the
 * error (`{ tags: { has: x } }`, `where.amenities = ...`) matched against the schema.
 */
import ts from 'typescript';
import type { Schema } from '../schema/model.js';

export interface TypeErrorSubject {
  model?: string;
  field?: string;
}

const TYPE_SUFFIX =
  /^(Where|Select|Include|Omit|Create|Update|Upsert|OrderBy|Scalar|Count|Avg|Sum|Min|Max|GroupBy|Aggregate|Delegate|GetPayload|Payload|Relation|List|Nullable|CountOutputType|$)/;

export function typeErrorSubject(sourceFile: ts.SourceFile | undefined, start: number, message: string, schemas: readonly Schema[]): TypeErrorSubject {
  const modelFields = new Map<string, Set<string>>();
  for (const schema of schemas) {
    for (const model of schema.models) {
      const fields = modelFields.get(model.name) ?? new Set<string>();
      model.fields.forEach((f) => fields.add(f.name));
      modelFields.set(model.name, fields);
    }
  }
  const byDelegate = new Map([...modelFields.keys()].map((name) => [name.charAt(0).toLowerCase() + name.slice(1), name]));

  const names: string[] = [];
  let delegateModel: string | undefined;
  if (sourceFile) {
    for (let node: ts.Node | undefined = innermostNode(sourceFile, start); node; node = node.parent) {
      if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        if (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) names.push(node.name.text);
      } else if (ts.isPropertyAccessExpression(node)) {
        names.push(node.name.text);
      } else if (ts.isIdentifier(node)) {
        names.push(node.text);
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
        // where.tags = { has: tag }
        names.push(node.left.name.text);
      } else if (ts.isCallExpression(node) && delegateModel === undefined) {
        // prisma.<delegate>.<operation>(...)
        const callee = node.expression;
        if (ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression)) {
          delegateModel = byDelegate.get(callee.expression.name.text);
        }
      }
    }
  }
  const firstLine = message.split('\n')[0];
  // Keys of an object type in the message itself ("Type '{ externalRef: string; }' is not assignable...").
  for (const match of firstLine.matchAll(/[{;,]\s*([A-Za-z_][A-Za-z0-9_]*)\??:/g)) names.push(match[1]);
  for (const match of message.matchAll(/'([A-Za-z_][A-Za-z0-9_]*)'/g)) names.push(match[1]);

  const mentioned = modelsInMessage(message, modelFields);
  const preferred = [...(delegateModel ? [delegateModel] : []), ...mentioned];
  for (const name of names) {
    const model = preferred.find((m) => modelFields.get(m)?.has(name));
    if (model) return { model, field: name };
  }
  if (preferred.length > 0) return { model: preferred[0] };
  for (const name of names) {
    const owners = [...modelFields].filter(([, fields]) => fields.has(name)).map(([model]) => model);
    if (owners.length === 1) return { model: owners[0], field: name };
  }
  return {};
}

function modelsInMessage(message: string, models: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  for (const match of message.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)) {
    if (models.has(match[1]) && !found.includes(match[1])) found.push(match[1]);
  }
  for (const match of message.matchAll(/\b([A-Z][A-Za-z0-9_]*)\b/g)) {
    const identifier = match[1];
    let best: string | undefined;
    for (const model of models.keys()) {
      if (identifier.startsWith(model) && TYPE_SUFFIX.test(identifier.slice(model.length)) && (!best || model.length > best.length)) best = model;
    }
    if (best && !found.includes(best)) found.push(best);
  }
  return found;
}

function innermostNode(sourceFile: ts.SourceFile, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node) => {
    if (position < node.getStart(sourceFile) || position >= node.getEnd()) return;
    found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}
