/**
 * The intervention lab: where and when to step in, and what it changes.
 * Strategies are plain data (types.ts), compiled once per graph (plan.ts),
 * applied run by run through `simulate()`'s `intervention` option, compared
 * with the baseline on common random numbers (compare.ts), searched
 * (search.ts) and replayed on observed cascades (counterfactual.ts).
 */
export {
  CENTRALITY_LIMITS,
  centralitiesFor,
  centralityScores,
  coreNumbers,
  rankAccounts,
  topAccounts,
} from "./centrality.ts";
export * from "./compare.ts";
export * from "./counterfactual.ts";
export * from "./markers.ts";
export {
  compileInterventions,
  type InterventionPlan,
  InterventionRecorder,
  isEmptyPlan,
  PlanCache,
  type PlanContext,
} from "./plan.ts";
export * from "./runs.ts";
export * from "./search.ts";
export * from "./setup.ts";
export * from "./types.ts";
