import type { Field, Model } from '../schema/model.js';
import { nameWords } from '../schema/naming.js';
import { mappedName } from '../schema/query.js';

/** How the audit matches a name sources use with a schema field; words and cases come from schema/naming.ts. */

/** `last_read_at` and `lastReadAt`: the same words in another convention. */
export function sameWords(a: string, b: string): boolean {
  return a !== b && nameWords(a).join(' ') === nameWords(b).join(' ');
}

/**
 * A near miss: `phone` vs `phoneNumber`, `active` vs `isActive` (one name's words begin or
 * end the other's), or a small typo (`recieved` vs `received`).
 */
export function isNearMiss(a: string, b: string): boolean {
  if (a === b) return false;
  const wa = nameWords(a);
  const wb = nameWords(b);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short.length < long.length) {
    const prefix = short.every((w, i) => long[i] === w);
    const suffix = short.every((w, i) => long[long.length - short.length + i] === w);
    // `id` is a suffix of every foreign key; a one-letter-word match says nothing.
    if ((prefix || suffix) && short.join('').length >= 4) return true;
  }
  const ja = wa.join('');
  const jb = wb.join('');
  return Math.min(ja.length, jb.length) >= 5 && editDistance(ja, jb) <= (Math.min(ja.length, jb.length) >= 8 ? 2 : 1);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The schema field a claimed name most likely means, and how the two differ. */
export function intendedField(
  model: Model,
  claimed: string,
  isRelation: (field: Field) => boolean = () => false,
): { field: Field; how: 'convention' | 'column' | 'near-miss' } | undefined {
  const convention = model.fields.find((f) => sameWords(f.name, claimed));
  if (convention) return { field: convention, how: 'convention' };
  const column = model.fields.find((f) => mappedName(f) === claimed);
  if (column) return { field: column, how: 'column' };
  // `user` is not a near miss of `userType`: a relation and a scalar are different things.
  const near = model.fields.filter((f) => !isRelation(f) && isNearMiss(f.name, claimed));
  return near.length === 1 ? { field: near[0], how: 'near-miss' } : undefined;
}
