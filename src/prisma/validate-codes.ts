/**
 * The codes of source `validate`, in one closed list: what Prisma's validator said of a schema
 * (prisma/schema-wasm.ts) and an environment file missing when the project is validated
 * (project/validate.ts). Prisma's validator gives no code of its own; P1012 is the code Prisma's
 * CLI shows for a schema that does not validate.
 */
export const VALIDATE_CODES = {
  P1012: "an error of Prisma's validator (also a preview feature the target Prisma does not know, as a warning)",
  'prisma-warning': "a warning of Prisma's validator",
  'env-missing': 'an environment schema that does not exist (run `steward generate`)',
} as const;

export type ValidateCode = keyof typeof VALIDATE_CODES;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    validate: ValidateCode;
  }
}
