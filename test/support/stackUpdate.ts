/**
 * What an update from one recorded run of a program to another would do, judged offline: the inputs the
 * engine would send for every resource both runs hold (after `ignoreChanges`, see `./ignoreChanges`), and
 * the listener rules it would create while the old ones still stand.
 */
import { ProgramRun } from "../../harness/runProgram";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { applyIgnoreChanges, droppedPaths } from "./ignoreChanges";
import { inputs } from "./stacks";

/**
 * Every problem of updating a stack from `before` to `after`, each naming the resource: an `ignoreChanges`
 * path the engine refuses, an input the program sets that `ignoreChanges` would drop from the update (a
 * required one makes the provider refuse it; any other is silently lost), and a listener rule created at
 * a priority an old rule of the same listener still holds (the engine deletes what the program no longer
 * registers only at the end of the update: pulumi/pulumi `pkg/resource/deploy/step_generator.go`,
 * `GenerateDeletes`; ELB refuses a priority in use).
 */
export function updateProblems(before: ProgramRun, after: ProgramRun): string[] {
    const problems: string[] = [];
    const old = new Map(before.resources.filter(r => !r.component).map(r => [r.urn, r]));
    for (const r of after.resources.filter(r => !r.component && r.opts.ignoreChanges.length > 0)) {
        const was = old.get(r.urn);
        if (was === undefined) continue;
        const sent = applyIgnoreChanges(inputs(was), inputs(r), r.opts.ignoreChanges);
        problems.push(...sent.pathErrors.map(p => `${r.name}: the engine cannot ignore ${p}: an element of the path is missing`));
        problems.push(...droppedPaths(inputs(r), sent.inputs).map(p => `${r.name}: the update drops ${p}, which the program sets`));
    }
    const held = new Map(
        before.resources.filter(r => r.type === AWS_TYPES.lbListenerRule).map(r => [`${inputs(r).listenerArn} ${inputs(r).priority}`, r.name] as const),
    );
    for (const r of after.resources.filter(r => r.type === AWS_TYPES.lbListenerRule && !old.has(r.urn))) {
        const holder = held.get(`${inputs(r).listenerArn} ${inputs(r).priority}`);
        if (holder !== undefined) problems.push(`${r.name}: created at priority ${inputs(r).priority}, which ${holder} still holds`);
    }
    return problems;
}
