/** A heading that names a model: `Conversation`, `` `Conversation` ``, "Conversation model", "Model: Conversation". */
export interface ModelHeading {
  model: string;
  /** Written as code or with the word "model": a claim even when the schema lacks the model. */
  explicit: boolean;
  /** Said with the word model/table/entity ("Model: Conversation", "Conversation model"). */
  byWord?: boolean;
}

/**
 * Section headings that are never a model, even over a field table: API and UI reference
 * sections ("Body", "Returns", "Properties"), and the generic word before "model" in "Data
 * model", "Domain model", "Permission model"...
 */
const NOT_MODELS = new Set([
  'api',
  'args',
  'arguments',
  'attributes',
  'body',
  'columns',
  'config',
  'configuration',
  'context',
  'data',
  'database',
  'description',
  'domain',
  'endpoints',
  'environment',
  'error',
  'errors',
  'events',
  'example',
  'examples',
  'fields',
  'filters',
  'headers',
  'input',
  'inputs',
  'metadata',
  'methods',
  'notes',
  'object',
  'options',
  'output',
  'outputs',
  'overview',
  'parameters',
  'params',
  'payload',
  'permission',
  'permissions',
  'pricing',
  'properties',
  'props',
  'query',
  'request',
  'response',
  'result',
  'results',
  'return',
  'returns',
  'schema',
  'security',
  'settings',
  'state',
  'success',
  'summary',
  'threat',
  'types',
  'usage',
  'values',
  'variables',
  'access',
  'business',
  'cost',
  'mental',
  'relational',
  'entity',
  'core',
  'logical',
  'physical',
  'conceptual',
]);

export function modelFromHeading(text: string): ModelHeading | undefined {
  // Every pattern here is unambiguous (linear time): a heading is user text, `## 1111...1x` or a
  // run of spaces must not take seconds.
  let t = text
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/[*_]{2}/g, '');
  // Leading numbering ("3.2 Conversation", "1) Conversation") is not part of the name.
  t = t.replace(/^\d+(?:[.)]\d+)*[.)]?\s+/, '');
  let explicit = false;
  let byWord = false;
  let code = false;
  const m = /^(?:the\s+)?(?:model|table|entity)\s*(?:[:\-–—]\s*)?(\S[\s\S]*)$/i.exec(t);
  if (m) {
    t = m[1].trim();
    explicit = true;
    byWord = true;
  }
  const suffix = /\s(?:model|table|entity)$/i.exec(t);
  if (suffix) {
    const name = t
      .slice(0, suffix.index)
      .trim()
      .replace(/^the\s+/i, '');
    if (name !== '') {
      t = name;
      explicit = true;
      byWord = true;
    }
  }
  if (/^`[^`]+`$/.test(t)) {
    t = t.slice(1, -1);
    explicit = true;
    code = true;
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(t)) return undefined;
  if (!code && NOT_MODELS.has(t.toLowerCase())) return undefined;
  return { model: t, explicit, ...(byWord ? { byWord } : {}) };
}
