import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isRecord, toNumber } from "../lib/coerce";
import { ContainerDefinition, describeContainer, forEachContainer, isEssential } from "../lib/containerDefinitions";
import { healthCheckCannotFail } from "../lib/healthCheckCommand";
import { TASK_DEFINITION } from "../lib/types";

/** The ranges the ECS API accepts for `healthCheck` timings (seconds, or a count for retries). */
const TIMING_LIMITS: readonly { key: string; min: number; max: number }[] = [
    { key: "interval", min: 5, max: 300 },
    { key: "timeout", min: 2, max: 120 },
    { key: "retries", min: 1, max: 10 },
    { key: "startPeriod", min: 0, max: 300 },
];

/** What is wrong with a health check command, or undefined when it can run. */
function commandProblem(command: unknown): string | undefined {
    if (!Array.isArray(command) || command.length === 0) {
        return "has a health check without a command";
    }
    const args = command as unknown[];
    if (!args.every(a => typeof a === "string")) {
        return "has a health check command with a non-string element";
    }
    if (String(args[0]).toUpperCase() === "NONE") {
        return "disables its health check with NONE";
    }
    const isForm = ["CMD", "CMD-SHELL"].includes(String(args[0]));
    if (isForm && !args.slice(1).some(a => String(a).trim() !== "")) {
        return `has a health check command with nothing to run after "${String(args[0])}"`;
    }
    if (!isForm && String(args[0]).trim() === "") {
        return "has a health check command that starts with an empty string";
    }
    return undefined;
}

/**
 * Headline ("required health checks") — not covered by the catalog's tools. Every essential container
 * (`essential` defaults to true) has a `healthCheck` whose command can run, so ECS replaces a task whose
 * process hangs instead of leaving it in service; the command can fail (not `… || true`, `…; exit 0`,
 * `true`, `echo ok`: see `policy/lib/healthCheckCommand.ts`); any declared health check has timings ECS accepts.
 */
export const ecsTaskDefinitionContainerHealthCheck: ResourceValidationPolicy = {
    name: "ecs-task-definition-container-health-check",
    description: "Essential containers must define a health check command with valid timings.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        forEachContainer(props, (container: ContainerDefinition, i) => {
            const label = describeContainer(container, i);
            const healthCheck = container.healthCheck;
            if (!isRecord(healthCheck)) {
                if (isEssential(container)) {
                    report(
                        `${label} is essential but has no health check; add healthCheck.command ` +
                            `(e.g. ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]).`,
                    );
                }
                return;
            }
            const problem = commandProblem(healthCheck.command);
            if (problem) {
                report(`${label} ${problem}; set healthCheck.command to ["CMD", "<executable>", …] or ["CMD-SHELL", "<command>"].`);
            } else {
                const always = healthCheckCannotFail(healthCheck.command as unknown[]);
                if (always !== undefined) {
                    report(
                        `${label} has a health check that cannot fail (it always exits 0 because of "${always}"), so ECS never replaces a hung container; ` +
                            `make the command exit non-zero when the service is unhealthy, e.g. ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"].`,
                    );
                }
            }
            for (const { key, min, max } of TIMING_LIMITS) {
                const raw = healthCheck[key];
                if (raw === undefined || raw === null) {
                    continue;
                }
                const value = toNumber(raw);
                if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
                    report(`${label} has healthCheck.${key} ${JSON.stringify(raw)}; ECS accepts an integer from ${min} to ${max}.`);
                }
            }
        });
    }),
};
