/**
 * Runs one cascade with any model and records it as a Cascade: the one loop
 * owner, so no model repeats the start, the limits or the bookkeeping.
 */
import type { Cascade, CascadeEvent } from "./cascade.ts";
import type { CompiledGraph } from "./compiled-graph.ts";
import { type InterventionPlan, InterventionRecorder, shownAudience } from "./interventions/plan.ts";
import {
  type CascadeModel,
  createWorkspace,
  ParamError,
  type Params,
  type Recorder,
  type RunLimits,
  type Workspace,
} from "./models/model.ts";
import type { Rng } from "./random.ts";

export const DEFAULT_HORIZON = 72 * 3600;

export interface SimulateOptions {
  source: number;
  horizon?: number;
  maxReposts?: number;
  workspace?: Workspace;
  /**
   * Interventions compiled by `compileInterventions` (interventions/plan.ts).
   * The run uses `intervention.graph` (links may be cut; account indices are
   * the same), the plan's deletion limits and refuses the reposts it forbids.
   */
  intervention?: InterventionPlan;
}

/** Records every event with its depth and the audience it newly reaches. */
class CascadeRecorder implements Recorder {
  readonly events: CascadeEvent[] = [];
  private readonly active: Uint8Array;
  private readonly exposed: Uint8Array;
  done = false;

  constructor(
    private readonly graph: CompiledGraph,
    private readonly maxReposts: number,
  ) {
    this.active = new Uint8Array(graph.n);
    this.exposed = new Uint8Array(graph.n);
  }

  isActive(node: number): boolean {
    return this.active[node] === 1;
  }

  activate(node: number, time: number, parent: number): number {
    const { graph } = this;
    this.active[node] = 1;
    const start = graph.offsets[node];
    const end = graph.offsets[node + 1];
    // Followers outside the sampled graph are new by assumption; inside, only the unexposed are.
    let fresh = Math.max(0, graph.audience[node] - (end - start));
    for (let j = start; j < end; j++) {
      const follower = graph.targets[j];
      if (this.exposed[follower] === 0) {
        this.exposed[follower] = 1;
        fresh++;
      }
    }
    const event: CascadeEvent = {
      account: graph.ids[node],
      parent,
      time,
      depth: parent < 0 ? 0 : this.events[parent].depth + 1,
      audience: graph.audience[node],
      newAudience: fresh,
    };
    if (graph.bot[node] === 1) event.bot = true;
    this.events.push(event);
    if (this.events.length - 1 >= this.maxReposts) this.done = true;
    return this.events.length - 1;
  }
}

export function simulate(
  graph: CompiledGraph,
  model: CascadeModel,
  params: Params,
  rng: Rng,
  options: SimulateOptions,
): Cascade {
  const { source } = options;
  if (!Number.isInteger(source) || source < 0 || source >= graph.n) {
    throw new ParamError(
      `simulate: invalid source account index ${source}. Should be from 0 to ${graph.n - 1}.`,
    );
  }
  const plan = options.intervention;
  if (plan && plan.graph.n !== graph.n) {
    throw new ParamError(
      `simulate: the intervention plan was compiled for a graph of ${plan.graph.n} accounts, not ${graph.n}.`,
    );
  }
  const runGraph = plan ? plan.graph : graph;
  const horizon = options.horizon ?? DEFAULT_HORIZON;
  const limits: RunLimits = {
    source,
    horizon: plan ? Math.min(horizon, plan.deleteTime) : horizon,
    maxReposts: Math.min(options.maxReposts ?? Number.POSITIVE_INFINITY, plan?.deleteAtReposts ?? Infinity),
  };
  const id = `${model.id}-${graph.ids[source]}`;
  if (plan && plan.suspended[source] === 1) {
    // A suspended source never posts: one silent event keeps events[0] the source for every chart.
    const event: CascadeEvent = { account: graph.ids[source], parent: -1, time: 0, depth: 0, audience: 0 };
    event.newAudience = 0;
    return { id, events: [event], format: "simulation", warnings: ["The source account is suspended."] };
  }
  const cascadeRecorder = new CascadeRecorder(runGraph, limits.maxReposts);
  const workspace = options.workspace ?? createWorkspace();
  const recorder = plan
    ? new InterventionRecorder(cascadeRecorder, plan, rng, horizon, workspace)
    : cascadeRecorder;
  recorder.activate(source, 0, -1);
  model.run(runGraph, params, rng, limits, recorder, workspace);
  if (recorder instanceof InterventionRecorder && plan && plan.throttles.length > 0) {
    // A throttled post is shown to only a share of its audience: fewer exposures, fewer views.
    for (const event of cascadeRecorder.events) {
      const share = recorder.audienceShare(event.time);
      if (event.audience === null) continue;
      event.audience = shownAudience(event.audience, share);
      if (event.newAudience !== undefined) event.newAudience = shownAudience(event.newAudience, share);
    }
  }
  return {
    id,
    events: cascadeRecorder.events,
    format: "simulation",
    warnings: [],
  };
}
