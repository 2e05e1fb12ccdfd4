/**
 * Keyed coins: a uniform number fixed by (run, salt, poster, follower)
 * instead of drawn from a running stream. The intervention's chance events
 * (is this follower in the throttled share? does the label stop this one?)
 * then do not depend on the order the model visits edges, so the same
 * follower gets the same coin in every variant of the same run: common
 * random numbers across strategies, and a later throttle never hides a
 * follower an earlier one showed.
 */

/** The 32-bit finaliser of MurmurHash3 (Appleby): a good avalanche for integer keys. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An unsigned 32-bit hash of two integers. */
export function intHash(a: number, b: number): number {
  return fmix32(Math.imul(fmix32(a ^ 0x9e3779b9) ^ b, 0x27d4eb2d) + 0x165667b1);
}

/** Uniform in [0, 1) fixed by (key, salt, u, v). */
export function keyedCoin(key: number, salt: number, u: number, v: number): number {
  return intHash(intHash(key, salt), intHash(u, v)) / 4294967296;
}
