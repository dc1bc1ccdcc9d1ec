/**
 * The deployment section of a web service's config: strategy, bake times, traffic steps, test traffic and
 * lifecycle hooks, read through a `Reader` (flat, or an entry of `services` that overrides or inherits each
 * key) into `DeploymentSettings`. Pure.
 *
 * A key that the chosen strategy does not use, set away from its default, is refused rather than ignored
 * (the design rule; each also mirrors ECS):
 * - `canaryPercent`, `canaryBakeMinutes`: ECS API `DeploymentConfiguration.canaryConfiguration`, "Only valid
 *   when the deployment strategy is CANARY" (API_DeploymentConfiguration.html; developer guide
 *   deployment-type-canary.html).
 * - `linearStepPercent`, `linearStepBakeMinutes`: `DeploymentConfiguration.linearConfiguration`, "Only valid
 *   when the deployment strategy is LINEAR" (deployment-type-linear.html).
 * - `bakeTimeMinutes`: `DeploymentConfiguration.bakeTimeInMinutes`, "the time period when both blue and green
 *   service revisions are running simultaneously after the production traffic has shifted": a rolling update
 *   has no second revision to keep (deployment-type-blue-green.html, "Bake time").
 * - `testTrafficCidrs`, `lifecycleHooks`: the test listener rule (`AdvancedConfiguration.testListenerRule`)
 *   and every lifecycle stage are defined over the blue and green revisions (API_DeploymentLifecycleHook.html,
 *   blue-green-deployment-lifecycle-hooks / deployment-lifecycle-hooks.html).
 * Nothing a strategy needs can be missing: each of its keys has ECS's own default (canary 5 % for 10 min,
 * linear 10 % steps every 6 min), and a blue/green deployment's required `bakeTimeInMinutes` always has a
 * value. ECS sets no rule on the task count of a blue/green, canary or linear service, so neither does this.
 */
import { CONFIG_KEYS, ConfigKey } from "./configKeys";
import { Reader } from "./configReader";
import { readHooks } from "./deploymentHooks";
import { DeploymentSettings, DeploymentStrategy, ROLLING } from "./deploymentSettings";
import { ItemProblem, readTestCidrs } from "./testTraffic";

/** The strategies each strategy-specific key applies to. */
const USED_BY: Readonly<Partial<Record<ConfigKey, readonly DeploymentStrategy[]>>> = {
    bakeTimeMinutes: ["blueGreen", "canary", "linear"],
    canaryPercent: ["canary"],
    canaryBakeMinutes: ["canary"],
    linearStepPercent: ["linear"],
    linearStepBakeMinutes: ["linear"],
    testTrafficCidrs: ["blueGreen", "canary", "linear"],
    lifecycleHooks: ["blueGreen", "canary", "linear"],
};

/**
 * A web service's deployment. `judgeStrategy` is false for the stack-wide keys of a stack with `services`:
 * they are only defaults there, and each web service judges the combination it ends up with (naming the
 * stack-wide key it inherits). Problems are recorded on `r`; the result is meaningful only without any.
 */
export function readDeployment(r: Reader, region: string | undefined, judgeStrategy: boolean): DeploymentSettings {
    const strategy = r.oneOf("deploymentStrategy");
    const bakeTimeMinutes = r.integer("bakeTimeMinutes");
    const canaryPercent = r.integer("canaryPercent");
    const canaryBakeMinutes = r.integer("canaryBakeMinutes");
    const linearStepPercent = r.integer("linearStepPercent");
    const linearStepBakeMinutes = r.integer("linearStepBakeMinutes");
    const { cidrs, problems: cidrProblems } = readTestCidrs(r.list("testTrafficCidrs"));
    reportItems(r, "testTrafficCidrs", cidrProblems);
    const { hooks, problems: hookProblems } = readHooks(r.list("lifecycleHooks"), region);
    reportItems(r, "lifecycleHooks", hookProblems);

    if (judgeStrategy && !r.wasReported("deploymentStrategy")) {
        const given: Partial<Record<ConfigKey, unknown>> = { bakeTimeMinutes, canaryPercent, canaryBakeMinutes, linearStepPercent, linearStepBakeMinutes, testTrafficCidrs: r.resolvedValue("testTrafficCidrs"), lifecycleHooks: r.resolvedValue("lifecycleHooks") };
        for (const [key, users] of Object.entries(USED_BY) as [ConfigKey, readonly DeploymentStrategy[]][]) {
            if (!users.includes(strategy) && !r.wasReported(key) && JSON.stringify(given[key]) !== JSON.stringify(CONFIG_KEYS[key].default)) {
                r.report(key, given[key], `it applies to ${describeStrategies(users)} only, and ${strategySource(r)} is ${JSON.stringify(strategy)}: remove it, or choose ${users.length === 1 ? users[0] : "one of those strategies"}`);
            }
        }
    }
    if (strategy === "rolling") {
        return ROLLING;
    }
    return {
        strategy,
        bakeTimeMinutes,
        ...(strategy === "canary" ? { canary: { percent: canaryPercent, bakeMinutes: canaryBakeMinutes } } : {}),
        ...(strategy === "linear" ? { linear: { stepPercent: linearStepPercent, stepBakeMinutes: linearStepBakeMinutes } } : {}),
        ...(cidrs.length > 0 ? { testTraffic: { cidrs } } : {}),
        hooks,
    };
}

/** Each item's problem of a list-valued key, at its index. */
function reportItems(r: Reader, key: ConfigKey, problems: readonly ItemProblem[]): void {
    for (const p of problems) {
        r.reportAt(key, p.at, p.given, p.problem);
    }
}

const describeStrategies = (strategies: readonly DeploymentStrategy[]): string =>
    strategies.length === 1 ? `the ${strategies[0]} strategy` : `the ${strategies.slice(0, -1).join(", ")} and ${strategies[strategies.length - 1]} strategies`;

/** `deploymentStrategy` by its path, and where an entry inherits it from. */
function strategySource(r: Reader): string {
    const own = r.full("deploymentStrategy");
    const flat = `${r.project}:deploymentStrategy`;
    return r.owns("deploymentStrategy") || own === flat ? own : `${own} (from ${flat})`;
}
