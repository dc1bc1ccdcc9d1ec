import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { TARGET_GROUP } from "../lib/types";
import { isRecord, toNumber, upper } from "../lib/coerce";

interface Config {
    maximumTimeToHealthySeconds: number;
}

/** AWS defaults for `healthCheck` (aws provider 7 docs). */
const DEFAULT_INTERVAL = 30;
const DEFAULT_HEALTHY_THRESHOLD = 3;

function defaultTimeout(protocol: string | undefined, targetType: string | undefined): number {
    if (targetType === "LAMBDA") return 30;
    if (protocol === "HTTP") return 6;
    if (protocol === "GENEVE") return 5;
    return 10;
}

/**
 * Catalog: "What none of these tools checks" — rollout timings.
 *
 * A new target takes `interval × healthyThreshold` seconds to be marked healthy, and a rollout waits
 * for that on every wave: it must stay within `maximumTimeToHealthySeconds`. The probe `timeout` must
 * also be shorter than the `interval`, or probes overlap and AWS rejects the target group. Unset
 * values are judged at their AWS defaults (interval 30, healthyThreshold 3, timeout 6 for HTTP).
 */
export const lbTargetGroupHealthCheckTimings: ResourceValidationPolicy = {
    name: "lb-target-group-health-check-timings",
    description: "Target group health checks mark new targets healthy quickly.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            maximumTimeToHealthySeconds: {
                type: "integer",
                minimum: 10,
                maximum: 3000,
                default: 90,
                description: "Longest accepted interval × healthyThreshold, in seconds.",
            },
        },
    },
    validateResource: validateTypes(TARGET_GROUP, (props, args, reportViolation) => {
        const targetType = upper(props.targetType);
        const check = props.healthCheck;
        const enabled = isRecord(check) && typeof check.enabled === "boolean" ? check.enabled : targetType !== "LAMBDA";
        if (!enabled) {
            return;
        }
        const settings = isRecord(check) ? check : {};
        const value = (key: string, dflt: number, unit: string) => {
            const n = toNumber(settings[key]);
            return n === undefined ? { n: dflt, text: `${dflt}${unit} (AWS default)` } : { n, text: `${n}${unit}` };
        };
        const interval = value("interval", DEFAULT_INTERVAL, " s");
        const healthy = value("healthyThreshold", DEFAULT_HEALTHY_THRESHOLD, "");
        const timeout = value("timeout", defaultTimeout(upper(props.protocol), targetType), " s");
        const maximum = args.getConfig<Config>().maximumTimeToHealthySeconds;
        const total = interval.n * healthy.n;
        if (total > maximum) {
            reportViolation(
                `Target group "${args.name}" takes interval ${interval.text} × healthyThreshold ${healthy.text} = ${total} s to mark a target healthy; ` +
                    `lower healthCheck.interval or healthCheck.healthyThreshold to keep it at most ${maximum} s.`,
            );
        }
        if (timeout.n >= interval.n) {
            reportViolation(
                `Target group "${args.name}" health check timeout ${timeout.text} is not shorter than its interval ${interval.text}; set healthCheck.timeout below healthCheck.interval.`,
            );
        }
    }),
};
