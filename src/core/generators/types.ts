import type { DirectedGraph } from "graphology";

/** Attributes every account carries. */
export interface AccountAttributes {
  /** Follower (audience) count: who sees a post by this account. May exceed the in-graph followers. */
  followers: number;
  /** An eager bot or hired poster account. */
  bot: boolean;
  /** Group chats the account belongs to (WeChat groups presets). */
  groups?: number[];
  /** A community (echo chamber) id, where the generator has one. */
  community?: number;
  /** Display name, where a file or preset gives one. */
  label?: string;
}

export interface GraphAttributes {
  /** Generator or file the graph came from. */
  kind: string;
  /** Group sizes by group id (groups presets). */
  groupSizes?: number[];
  /** A suggested source account (the public account, the big V). */
  suggestedSource?: string;
}

/**
 * The social graph: an edge u -> v means v sees what u posts (v follows u,
 * v is u's friend, or v shares a group with u).
 */
export type SocialGraph = DirectedGraph<AccountAttributes, Record<string, never>, GraphAttributes>;

export class GeneratorError extends Error {
  override name = "GeneratorError";
}

export function requireInteger(module: string, name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new GeneratorError(
      `${module}: invalid '${name}' ${value}. Should be a whole number from ${min} to ${max}.`,
    );
  }
}

export function requireNumber(module: string, name: string, value: number, min: number, max: number): void {
  if (typeof value !== "number" || !(value >= min && value <= max)) {
    throw new GeneratorError(
      `${module}: invalid '${name}' ${value}. Should be a number from ${min} to ${max}.`,
    );
  }
}
