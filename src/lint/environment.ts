import type { EnvironmentTarget } from '../generate/transform.js';

/** An environment the environment-compatibility rule checks: generation's own target type. */
export type LintEnvironment = EnvironmentTarget;
