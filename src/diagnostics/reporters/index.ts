import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportContext, ReportTable } from './types.js';
export { textReporter, jsonReporter, githubReporter, sarifReporter, markdownReporter };

/** Reporters by --format name. Features with richer output (audit's markdown) add their own. */
export const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  github: githubReporter,
  sarif: sarifReporter,
  markdown: markdownReporter,
};
