/**
 * Taking models from an earlier build (the plan's target) when building a similar inventory (its
 * base): a group's Postgres clusters are a function of the group (name, hosts, path, vars), the
 * global vars, and for each of its hosts the host's vars and the vars of the groups that apply to
 * it. When every one of those is the very same object in both builds (which the load's entry
 * reuse makes true of every unchanged group; see yaml/shared-entries.ts), building again would
 * give equal models, so the earlier ones are taken as they are, and comparing the two sides
 * finds them equal by identity. Anything merged (a group defined twice, a host listed in several
 * groups) is a fresh object in each build, so it is simply built again.
 */
import type { GroupGraph } from './build-groups.js';
import type { Group } from './model.js';

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether everything a group's cluster models are built from is identical in the two graphs. */
export function sameGroupInputs(group: Group, graph: GroupGraph, earlierGroup: Group, earlierGraph: GroupGraph): boolean {
  if (graph.globalVars !== earlierGraph.globalVars || group.vars !== earlierGroup.vars || group.name !== earlierGroup.name) return false;
  if (!sameList(group.path, earlierGroup.path) || !sameList(group.hosts, earlierGroup.hosts)) return false;
  for (const ip of group.hosts) {
    const mine = graph.hostInputs(ip);
    const theirs = earlierGraph.hostInputs(ip);
    if (mine === undefined || theirs === undefined || mine.vars !== theirs.vars || mine.chain.length !== theirs.chain.length) return false;
    for (let i = 0; i < mine.chain.length; i++) {
      const a = mine.chain[i];
      const b = theirs.chain[i];
      if (a === undefined || b === undefined || a.name !== b.name || a.vars !== b.vars) return false;
    }
  }
  return true;
}
