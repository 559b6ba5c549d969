import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportContext } from './types.js';
export { textReporter, jsonReporter, githubReporter };

/** Reporters by --format name. Features with richer output (audit's markdown) add their own. */
export const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  github: githubReporter,
};
