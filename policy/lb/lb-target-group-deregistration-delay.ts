import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { TARGET_GROUP } from "../lib/types";
import { toNumber, upper } from "../lib/coerce";

/** What AWS uses when `deregistrationDelay` is unset. */
export const AWS_DEFAULT_DEREGISTRATION_DELAY = 300;

interface Config {
    maximumDeregistrationDelaySeconds: number;
}

/**
 * Catalog: "What none of these tools checks" — rollout timings.
 *
 * Every task a rolling deployment replaces drains for `deregistrationDelay` seconds before it stops;
 * AWS's default of 300 s makes each wave of a rollout take five minutes. Web requests finish in
 * seconds, so the delay is bounded by `maximumDeregistrationDelaySeconds`. Lambda target groups do not
 * drain and are skipped.
 */
export const lbTargetGroupDeregistrationDelay: ResourceValidationPolicy = {
    name: "lb-target-group-deregistration-delay",
    description: "Target groups drain targets quickly enough for fast rollouts.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            maximumDeregistrationDelaySeconds: {
                type: "integer",
                minimum: 0,
                maximum: 3600,
                default: 120,
                description: "Longest deregistration delay accepted, in seconds.",
            },
        },
    },
    validateResource: validateTypes(TARGET_GROUP, (props, args, reportViolation) => {
        if (upper(props.targetType) === "LAMBDA") {
            return;
        }
        const maximum = args.getConfig<Config>().maximumDeregistrationDelaySeconds;
        const given = props.deregistrationDelay;
        if (given === undefined || given === null) {
            reportViolation(
                `Target group "${args.name}" keeps AWS's default deregistration delay of ${AWS_DEFAULT_DEREGISTRATION_DELAY} s; set deregistrationDelay to at most ${maximum}.`,
            );
            return;
        }
        const delay = toNumber(given);
        if (delay === undefined) {
            reportViolation(
                `Target group "${args.name}" has deregistrationDelay ${JSON.stringify(given)}, which is not a number of seconds; set it to at most ${maximum}.`,
            );
        } else if (delay > maximum) {
            reportViolation(
                `Target group "${args.name}" drains targets for ${delay} s; set deregistrationDelay to at most ${maximum} so each rollout wave finishes quickly.`,
            );
        }
    }),
};
