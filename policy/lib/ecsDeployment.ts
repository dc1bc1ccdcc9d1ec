/**
 * How an ECS service deploys, read from its inputs as the provider will send them: the deployment
 * controller (`deploymentController.type`, ECS when unset) and the strategy
 * (`deploymentConfiguration.strategy`, ROLLING when unset). Both enums are case-sensitive in the provider
 * (terraform-provider-aws `enum.Validate`) and in ECS, so "blue_green" is not BLUE_GREEN: it is refused,
 * and no policy may treat it as a strategy that relaxes a rule.
 */
import { ECS_DEPLOYMENT_STRATEGIES, EcsDeploymentStrategy, TRAFFIC_SHIFTING_STRATEGIES } from "../facts/ecsDeployments";
import { asArray, isNonEmptyString, isRecord } from "./coerce";
import { isUnknownSentinel } from "./goDecode";
import { peek, UNKNOWN } from "./unknowns";

/** The controller type as given; "ECS" when unset (the provider's and ECS's default). */
export function controllerType(props: Record<string, any>): unknown {
    const controller = props.deploymentController;
    if (!isRecord(controller) || controller.type === undefined || controller.type === null) {
        return "ECS";
    }
    return controller.type;
}

/** True for the ECS controller, spelled exactly as the provider accepts it (or unset). */
export const usesEcsController = (props: Record<string, any>): boolean => controllerType(props) === "ECS";

/** True for exactly "CODE_DEPLOY" or "EXTERNAL": controllers that deploy outside ECS's own strategies. */
export function usesExternalController(props: Record<string, any>): boolean {
    const type = controllerType(props);
    return type === "CODE_DEPLOY" || type === "EXTERNAL";
}

/** The strategy as given: the string, `undefined` when unset (ROLLING), or whatever else was set. */
export function givenStrategy(props: Record<string, any>): unknown {
    const config = props.deploymentConfiguration;
    return isRecord(config) ? config.strategy ?? undefined : undefined;
}

/** The strategy ECS will run: ROLLING when unset; undefined when the value is not one ECS accepts. */
export function deploymentStrategy(props: Record<string, any>): EcsDeploymentStrategy | undefined {
    const strategy = givenStrategy(props);
    if (strategy === undefined) {
        return "ROLLING";
    }
    return (ECS_DEPLOYMENT_STRATEGIES as readonly unknown[]).includes(strategy) ? (strategy as EcsDeploymentStrategy) : undefined;
}

/** True when the service shifts traffic between two target groups: BLUE_GREEN, LINEAR or CANARY on the ECS controller. */
export const shiftsTraffic = (props: Record<string, any>): boolean => {
    const strategy = deploymentStrategy(props);
    return strategy !== undefined && TRAFFIC_SHIFTING_STRATEGIES.includes(strategy) && usesEcsController(props);
};

/**
 * True when `alarms` names at least one alarm (a non-empty name, or one not known yet during preview) with
 * `enable` and `rollback` exactly true: ECS then rolls a failing deployment back. Reading an unknown value
 * throws the engine's `UnknownValueError`.
 */
export function hasAlarmRollback(props: Record<string, any>): boolean {
    const alarms = props.alarms;
    if (!isRecord(alarms) || alarms.enable !== true || alarms.rollback !== true) {
        return false;
    }
    // The list's own target: the proxy would throw on an element not known yet, which counts as a name.
    const names = peek(alarms, "alarmNames");
    return asArray(names === UNKNOWN ? alarms.alarmNames : names).some(n => isUnknownSentinel(n) || isNonEmptyString(n));
}

/**
 * The alarm names of a service that rolls back on its alarms (as {@link hasAlarmRollback} says): the known
 * non-empty names, and whether one is not known yet; undefined when it does not roll back on alarms.
 */
export function rollbackAlarmNames(props: Record<string, any>): { known: string[]; pending: boolean } | undefined {
    if (!hasAlarmRollback(props)) {
        return undefined;
    }
    const names = asArray(peek(props.alarms as Record<string, any>, "alarmNames"));
    return { known: names.filter(isNonEmptyString), pending: peek(props.alarms as Record<string, any>, "alarmNames") === UNKNOWN || names.some(isUnknownSentinel) };
}

/**
 * True for a service the circuit breaker is not required of: it deploys by BLUE_GREEN, CANARY or LINEAR and
 * rolls back on its alarms. Whether those alarms exist is a stack fact, judged by
 * `ecs-service-rollback-alarms-exist`.
 */
export const relaxesCircuitBreaker = (props: Record<string, any>): boolean => shiftsTraffic(props) && hasAlarmRollback(props);

/** `loadBalancers[]` entries that are objects, with their index. */
export const loadBalancerEntries = (props: Record<string, any>): { entry: Record<string, any>; index: number }[] =>
    asArray(props.loadBalancers)
        .map((entry, index) => ({ entry, index }))
        .filter((e): e is { entry: Record<string, any>; index: number } => isRecord(e.entry));
