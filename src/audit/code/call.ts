import type { ClaimLocation } from '../claims.js';
import type { ModelOperation } from './operations.js';

/**
 * A Prisma Client call found in code, with its argument lowered to plain data: object
 * literals keep their keys and locations, everything else is opaque. No type information
 * is needed; the schema gives the keys their meaning later (resolve.ts).
 */
export interface PrismaCall {
  /** `user` in `prisma.user.findMany(...)`. */
  delegate: string;
  operation: ModelOperation;
  /** Last name of the receiver: `prisma`, `tx`, `db`, `this` ... */
  receiver: string;
  /** Whether the receiver looks like a Prisma client (named like one, or a `$transaction` callback parameter). */
  clientLike: boolean;
  location: ClaimLocation;
  args?: ArgValue;
}

export type ArgValue =
  | { kind: 'object'; props: ArgProperty[]; location: ClaimLocation }
  | { kind: 'array'; items: ArgValue[]; location: ClaimLocation }
  | { kind: 'string'; value: string; location: ClaimLocation }
  | { kind: 'number'; value: number; location: ClaimLocation }
  | { kind: 'boolean'; value: boolean; location: ClaimLocation }
  | { kind: 'null'; location: ClaimLocation }
  | { kind: 'date'; location: ClaimLocation }
  /** Anything else: a variable, a call, a template with expressions. */
  | { kind: 'opaque'; location: ClaimLocation };

export interface ArgProperty {
  key: string;
  location: ClaimLocation;
  value: ArgValue;
}
