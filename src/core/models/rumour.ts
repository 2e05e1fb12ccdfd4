/**
 * Rumour spreading of the Daley–Kendall family in its Maki–Thompson form
 * (Daley and Kendall, Nature 1964; Maki and Thompson 1973), in continuous
 * time on the graph. Accounts are ignorant, spreaders or stiflers. Every
 * spreader contacts one of its followers, chosen at random, at a steady rate.
 * An ignorant follower hears the rumour and becomes a spreader (it reposts);
 * if the follower already knows, the spreader concludes the rumour is stale
 * and stops spreading (a stifler).
 *
 * On a complete graph the share who never hear it tends to 0.2032, the root
 * of theta = exp(-2 (1 - theta)) (Sudbury 1985). Each spreader keeps exactly
 * one pending contact in the queue, so stopping is simply not scheduling the
 * next one: no per-account state is needed.
 */
import type { PresetId } from "../generators/presets.ts";
import { type CascadeModel, type Params, presetDefaults } from "./model.ts";

const DEFAULTS_BY_PRESET: Partial<Record<PresetId, Params>> = {
  weibo: { contactsPerHour: 1 },
  moments: { contactsPerHour: 0.5 },
  groups: { contactsPerHour: 2 },
  "public-account": { contactsPerHour: 1 },
};
const GENERIC: Params = { contactsPerHour: 1 };

export const rumour: CascadeModel = {
  id: "rumour",
  label: "Rumour (Maki–Thompson)",
  description:
    "Spreaders keep telling random followers. Someone new believes it and spreads it too; a spreader who tells someone who already knows loses interest and stops.",
  params: [
    {
      key: "contactsPerHour",
      label: "Contacts per hour",
      description: "How often, on average, a spreader passes the rumour to one of its followers.",
      min: 0,
      max: 600,
      step: 0.1,
      unit: "/h",
    },
  ],
  defaults: presetDefaults(DEFAULTS_BY_PRESET, GENERIC),
  run(graph, params, rng, limits, recorder, workspace): void {
    const rate = params.contactsPerHour / 3600;
    if (rate <= 0) return;
    const { offsets, targets } = graph;
    const { queue } = workspace;
    queue.clear();
    const scheduleContact = (spreader: number, time: number, event: number) => {
      if (offsets[spreader + 1] === offsets[spreader]) return;
      const at = time + rng.exponential(rate);
      if (at <= limits.horizon) queue.push(at, spreader, event);
    };
    scheduleContact(limits.source, 0, 0);
    while (queue.size > 0 && !recorder.done) {
      const time = queue.peekTime();
      const spreader = queue.topNode();
      const event = queue.topParent();
      queue.pop();
      const start = offsets[spreader];
      const follower = targets[start + rng.int(offsets[spreader + 1] - start)];
      if (recorder.isActive(follower)) continue; // Already knows: the spreader becomes a stifler.
      const heard = recorder.activate(follower, time, event);
      if (heard >= 0) scheduleContact(follower, time, heard);
      scheduleContact(spreader, time, event);
    }
  },
};
