/**
 * Executes a CrudPlan through a generated Prisma Client: create every row (parents first),
 * read each back by id and by every unique, update one scalar, then delete (children first).
 * Every model gets one result; the first failing operation and Prisma's error are kept.
 */
import type { CrudPlan, ModelPlan, UniqueSelector } from './crud-plan.js';

export const CRUD_OPERATIONS = ['create', 'read-by-id', 'read-by-unique', 'update', 'delete'] as const;
export type CrudOperation = (typeof CRUD_OPERATIONS)[number];

export interface ModelCrudResult {
  model: string;
  status: 'passed' | 'failed' | 'skipped';
  /** The failing operation. */
  operation?: CrudOperation;
  /** For read-by-unique: which unique (`email`, `@@unique(a, b)`). */
  selector?: string;
  /** Prisma's error code (P2002...), when it gave one. */
  prismaCode?: string;
  /** Prisma's message, or why the model was skipped. */
  message?: string;
  /** The model whose failure or absence prevented this one. */
  blockedBy?: string;
  /** Operations that passed, in order. */
  passed: CrudOperation[];
}

type Row = Record<string, unknown>;
/** The slice of a Prisma Client model delegate the smoke tests use. */
interface Delegate {
  create(args: { data: Row }): Promise<Row>;
  findUnique(args: { where: Row }): Promise<Row | null>;
  update(args: { where: Row; data: Row }): Promise<Row>;
  delete(args: { where: Row }): Promise<Row>;
}
export type ClientLike = Record<string, unknown>;

export async function runCrudPlan(plan: CrudPlan, client: ClientLike): Promise<ModelCrudResult[]> {
  const results = new Map<string, ModelCrudResult>();
  for (const skipped of plan.skipped) {
    results.set(skipped.model, { model: skipped.model, status: 'skipped', message: skipped.reason, blockedBy: skipped.blockedBy, passed: [] });
  }
  const rows = new Map<string, Row>();
  const created: ModelPlan[] = [];
  const fail = (model: ModelPlan, operation: CrudOperation, error: unknown, selector?: string) => {
    const current = results.get(model.model);
    results.set(model.model, {
      model: model.model,
      status: 'failed',
      operation,
      selector,
      ...describeError(error),
      passed: current?.passed ?? [],
    });
  };
  const pass = (model: ModelPlan, operation: CrudOperation) => {
    const current = results.get(model.model) ?? { model: model.model, status: 'passed' as const, passed: [] };
    if (!current.passed.includes(operation)) current.passed.push(operation);
    results.set(model.model, current);
  };

  for (const model of plan.models) {
    const delegate = client[model.delegate] as Delegate | undefined;
    if (!delegate) {
      results.set(model.model, {
        model: model.model,
        status: 'failed',
        operation: 'create',
        message: `the generated client has no \`${model.delegate}\` delegate`,
        passed: [],
      });
      continue;
    }
    const missing = model.parents.find((p) => p.required && !rows.has(p.parent));
    if (missing) {
      results.set(model.model, {
        model: model.model,
        status: 'skipped',
        message: `needs a ${missing.parent} row, whose create failed`,
        blockedBy: missing.parent,
        passed: [],
      });
      continue;
    }
    const data: Row = { ...model.data };
    for (const link of model.parents) {
      const parentRow = rows.get(link.parent);
      if (!parentRow) continue;
      link.fields.forEach((field, index) => {
        data[field] = parentRow[link.references[index] ?? ''];
      });
    }
    try {
      rows.set(model.model, await delegate.create({ data }));
      created.push(model);
      pass(model, 'create');
    } catch (error) {
      fail(model, 'create', error);
    }
  }

  for (const model of created) {
    const delegate = client[model.delegate] as Delegate;
    const row = rows.get(model.model)!;
    try {
      const found = await delegate.findUnique({ where: whereOf(model.id, row) });
      if (!found) throw new Error(`findUnique by ${model.id.label} returned no row`);
      pass(model, 'read-by-id');
    } catch (error) {
      fail(model, 'read-by-id', error);
      continue;
    }
    let uniquesFailed = false;
    for (const unique of model.uniques) {
      if (unique.fields.some((f) => row[f] === null || row[f] === undefined)) continue;
      try {
        const found = await delegate.findUnique({ where: whereOf(unique, row) });
        if (!found) throw new Error(`findUnique by ${unique.label} returned no row`);
      } catch (error) {
        fail(model, 'read-by-unique', error, unique.label);
        uniquesFailed = true;
        break;
      }
    }
    if (uniquesFailed) continue;
    if (model.uniques.length > 0) pass(model, 'read-by-unique');
    if (!model.update) continue;
    try {
      await delegate.update({ where: whereOf(model.id, row), data: { [model.update.field]: model.update.value } });
      pass(model, 'update');
    } catch (error) {
      fail(model, 'update', error);
    }
  }

  for (const model of [...created].reverse()) {
    const delegate = client[model.delegate] as Delegate;
    try {
      await delegate.delete({ where: whereOf(model.id, rows.get(model.model)!) });
      if (results.get(model.model)?.status !== 'failed') pass(model, 'delete');
    } catch (error) {
      if (results.get(model.model)?.status !== 'failed') fail(model, 'delete', error);
    }
  }
  return plan.models
    .map((m) => m.model)
    .concat(plan.skipped.map((s) => s.model))
    .map((name) => results.get(name)!)
    .filter(Boolean);
}

export function whereOf(selector: UniqueSelector, row: Row): Row {
  if (!selector.compoundName) return { [selector.fields[0]]: row[selector.fields[0]] };
  return { [selector.compoundName]: Object.fromEntries(selector.fields.map((f) => [f, row[f]])) };
}

/** Prisma's code and the meaningful tail of its message (its invocation frame is noise here). */
export function describeError(error: unknown): { prismaCode?: string; message: string } {
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
  const raw = error instanceof Error ? error.message : String(error);
  const paragraphs = raw
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const message = (paragraphs[paragraphs.length - 1] ?? raw).replace(/\s+/g, ' ').slice(0, 500);
  return { prismaCode: code?.startsWith('P') ? code : undefined, message };
}
