import pluralize from 'pluralize';

/**
 * prisma-lint's own case conversions, reproduced exactly so its rules give the same findings
 * under steward (`userID` → `user_i_d` here; steward's own rules use ../naming.ts instead).
 */
export interface PrismaLintCaseOptions {
  trimPrefix?: string;
  compoundWords?: string[];
  pluralize?: boolean;
  irregularPlurals?: Record<string, string>;
  case?: 'lower' | 'upper';
  requirePrefix?: string;
}

interface CompoundPosition {
  start: number;
  end: number;
  word: string;
}

function compoundPositions(input: string, words: string[], render: (w: string) => string): CompoundPosition[] {
  const positions: CompoundPosition[] = [];
  for (const word of words) {
    const regex = new RegExp(word, 'g');
    let match: RegExpExecArray | null;
    while ((match = regex.exec(input)) !== null) {
      positions.push({ start: match.index, end: match.index + word.length, word: render(word) });
      if (match[0].length === 0) regex.lastIndex++;
    }
  }
  return positions;
}

function applyPlural(result: string, options: PrismaLintCaseOptions): string {
  if (!options.pluralize) return result;
  for (const [singular, plural] of Object.entries(options.irregularPlurals ?? {})) pluralize.addIrregularRule(singular, plural);
  return pluralize(result);
}

function toLowerOrUpperCamel(input: string, options: PrismaLintCaseOptions, first: (c: string) => string): string {
  const { trimPrefix = '', compoundWords = [] } = options;
  const processed = input.startsWith(trimPrefix) ? input.slice(trimPrefix.length) : input;
  const positions = compoundPositions(processed, compoundWords, (w) => w[0].toUpperCase() + w.slice(1));
  let result = '';
  for (let i = 0; i < processed.length; i++) {
    const compound = positions.find((p) => i >= p.start && i < p.end);
    if (compound) {
      if (i === compound.start) result += compound.word;
      if (compound.end < processed.length) result += processed[compound.end].toUpperCase();
      i = compound.end;
      continue;
    }
    const char = processed[i];
    if (i > 0) {
      const prev = processed[i - 1];
      if (!/[a-zA-Z0-9]/.test(char)) continue;
      else if (!/[a-zA-Z]/.test(prev)) result += char.toUpperCase();
      else if (/[A-Z]/.test(prev) && /[A-Z]/.test(char)) result += char.toLowerCase();
      else result += char;
    } else {
      result += first(char);
    }
  }
  result = applyPlural(result, options);
  if (options.requirePrefix) result = `${options.requirePrefix}${result}`;
  return result;
}

export function prismaLintCamelCase(input: string, options: PrismaLintCaseOptions = {}): string {
  return toLowerOrUpperCamel(input, options, (c) => c.toLowerCase());
}

export function prismaLintPascalCase(input: string, options: PrismaLintCaseOptions = {}): string {
  return toLowerOrUpperCamel(input, options, (c) => c.toUpperCase());
}

export function prismaLintSnakeCase(input: string, options: PrismaLintCaseOptions = {}): string {
  const { trimPrefix = '', compoundWords = [] } = options;
  let processed = input.startsWith(trimPrefix) ? input.slice(trimPrefix.length) : input;
  if (/^[A-Z0-9_]+$/.test(processed)) processed = processed.toLowerCase();
  const positions = compoundPositions(processed, compoundWords, (w) => w.toLowerCase());
  let result = '';
  for (let i = 0; i < processed.length; i++) {
    const compound = positions.find((p) => i >= p.start && i < p.end);
    if (compound) {
      if (i === compound.start) {
        if (i > 0 && result[result.length - 1] !== '_') result += '_';
        result += compound.word;
      }
      i = compound.end - 1;
      continue;
    }
    const char = processed[i];
    if (i > 0) {
      const prev = processed[i - 1];
      if (/[A-Z]/.test(char)) result += `_${char.toLowerCase()}`;
      else if ((/[a-zA-Z]/.test(prev) && /\d/.test(char)) || (/\d/.test(prev) && /[a-zA-Z]/.test(char))) result += `_${char.toLowerCase()}`;
      else result += char.toLowerCase();
    } else {
      result += char.toLowerCase();
    }
  }
  result = result
    .replace(/[^\w]+/g, '_')
    .replace(/^_/, '')
    .replace(/_$/, '')
    .replace(/_+/g, '_');
  result = applyPlural(result, options);
  if (options.case === 'upper') result = result.toUpperCase();
  if (options.requirePrefix) result = `${options.requirePrefix}${result}`;
  return result;
}
