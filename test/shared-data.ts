/**
 * Tests that need ../shared/data (or a tool such as rsvg-convert) skip visibly where it is absent,
 * as in a user's clone; under CI (which always has them) they run anyway, so a missing dependency fails
 * instead of hiding whole suites.
 */
import { existsSync } from "node:fs";

export function skipWithout(present: boolean): boolean {
  return !present && !process.env.CI;
}

export function skipWithoutPath(path: string): boolean {
  return skipWithout(existsSync(path));
}
