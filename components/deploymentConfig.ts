/**
 * The deployment section of a web service's config: strategy, bake times, traffic steps, test traffic and
 * lifecycle hooks, read through a `Reader` (flat, or an entry of `services` that overrides or inherits each
 * key) into `DeploymentSettings`. Pure.
 *
 * A key that the chosen strategy does not use, set away from its default, is refused rather than ignored
 * (the design rule; each also mirrors ECS):
 * - `canaryPercent`, `canaryBakeMinutes`: ECS API `DeploymentConfiguration.canaryConfiguration`, "Only valid
 *   when the deployment strategy is CANARY" (API_DeploymentConfiguration.html; developer guide
 *   canary-deployment.html).
 * - `linearStepPercent`, `linearStepBakeMinutes`: `DeploymentConfiguration.linearConfiguration`, "Only valid
 *   when the deployment strategy is LINEAR" (deployment-type-linear.html).
 * - `bakeTimeMinutes`: `DeploymentConfiguration.bakeTimeInMinutes`, "the time period when both blue and green
 *   service revisions are running simultaneously after the production traffic has shifted": a rolling update
 *   has no second revision to keep; blue/green, canary and linear all bake ("Deployment bake time" in
 *   deployment-type-blue-green.html, canary-deployment.html and deployment-type-linear.html).
 * - `testTrafficCidrs`, `lifecycleHooks`: the test listener rule (`AdvancedConfiguration.testListenerRule`)
 *   and every lifecycle stage are defined over the blue and green revisions (API_DeploymentLifecycleHook.html,
 *   deployment-lifecycle-hooks.html).
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
 * Which keys a reader judges against the strategy: `all` (the one-service form's flat keys), `own` (an entry
 * of `services`: the keys it sets itself; what it inherits is judged across services by
 * `unusedStackWideKeys`) or `none` (the flat keys of a stack with `services`, which are only defaults there).
 */
export type StrategyJudgement = "all" | "own" | "none";

/** Keys that only some strategies use. */
export const STRATEGY_KEYS = Object.keys(USED_BY) as ConfigKey[];

/** A web entry's strategy and the strategy keys it takes from the stack-wide values. */
export interface StrategyUse {
    readonly service: string;
    readonly strategy: DeploymentStrategy;
    readonly inherited: readonly ConfigKey[];
}

/**
 * A web service's deployment. Problems are recorded on `r`; the result is meaningful only without any.
 */
export function readDeployment(r: Reader, region: string | undefined, judge: StrategyJudgement): DeploymentSettings {
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

    if (judge !== "none" && !r.wasReported("deploymentStrategy")) {
        for (const key of STRATEGY_KEYS.filter(k => judge === "all" || r.owns(k))) {
            const users = USED_BY[key]!;
            if (!users.includes(strategy) && !r.wasReported(key) && isSet(r, key)) {
                r.report(key, r.resolvedValue(key), `it applies to ${describeStrategies(users)} only, and ${strategySource(r)} is ${JSON.stringify(strategy)}: remove it, or choose ${users.length === 1 ? users[0] : "one of those strategies"}`);
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

/**
 * Stack-wide strategy keys that no web entry uses: set away from the default, and inherited only by entries
 * whose strategy ignores them (an entry that sets its own value, or no web entry at all, leaves it unjudged).
 */
export function unusedStackWideKeys(r: Reader, uses: readonly StrategyUse[]): void {
    for (const key of STRATEGY_KEYS) {
        const users = USED_BY[key]!;
        const inheritors = uses.filter(u => u.inherited.includes(key));
        if (inheritors.length > 0 && !inheritors.some(u => users.includes(u.strategy)) && !r.wasReported(key) && isSet(r, key)) {
            const which = inheritors.map(u => `${u.service} is ${JSON.stringify(u.strategy)}`).join(", ");
            r.report(key, r.resolvedValue(key), `it applies to ${describeStrategies(users)} only, and no web service that inherits it uses ${users.length === 1 ? "it" : "one of them"} (${which}): remove it, or set it on the services that use it`);
        }
    }
}

/** Whether the key's value differs from its declared default. */
const isSet = (r: Reader, key: ConfigKey): boolean => JSON.stringify(r.resolvedValue(key)) !== JSON.stringify(CONFIG_KEYS[key].default);

/** Each item's problem of a list-valued key, at its index. */
function reportItems(r: Reader, key: ConfigKey, problems: readonly ItemProblem[]): void {
    for (const p of problems) {
        r.reportAt(key, p.at, p.given, p.problem, p.hidden);
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
