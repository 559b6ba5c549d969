/**
 * Where a compiler error sits, for the recall benchmark: inside the arguments of a Prisma Client
 * call written in place (`<x>.<delegate>.<operation>(...)`, what the audit reads), or elsewhere
 * (a field read off a query's result, a result returned where another type is expected, an
 * object built for a helper in another file). Decided on TypeScript's syntax tree alone.
 */
import ts from 'typescript';
import { isModelOperation } from '../src/audit/code/operations.js';

export type CompilerSiteKind = 'call' | 'other';

export function compilerSiteKind(sourceFile: ts.SourceFile, position: number): CompilerSiteKind {
  let kind: CompilerSiteKind = 'other';
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(sourceFile) || position >= node.getEnd()) return;
    if (ts.isCallExpression(node) && isPrismaCall(node) && node.arguments.some((a) => position >= a.getStart(sourceFile) && position < a.getEnd()))
      kind = 'call';
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return kind;
}

function isPrismaCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    isModelOperation(callee.name.text) &&
    (ts.isPropertyAccessExpression(callee.expression) || ts.isElementAccessExpression(callee.expression))
  );
}
