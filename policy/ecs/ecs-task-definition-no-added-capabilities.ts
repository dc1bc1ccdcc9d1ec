import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, asStringList, isRecord, quoteList } from "../lib/coerce";
import { describeContainer, forEachContainer } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

interface Config {
    allowedCapabilities: string[];
}

/** Capabilities that amount to root on the host once a container escapes, or that remove every limit. */
const HOST_EQUIVALENT = ["ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH", "NET_ADMIN", "BPF"];

/** `cap_sys_admin` → `SYS_ADMIN`: Docker accepts either spelling and any case. */
const normalise = (capability: string): string => capability.trim().toUpperCase().replace(/^CAP_/, "");

/**
 * Beyond `privileged` (catalog #3): a container that adds Linux capabilities (`linuxParameters.capabilities.add`,
 * e.g. SYS_ADMIN, NET_ADMIN or ALL) or turns off its seccomp or AppArmor profile (`dockerSecurityOptions`
 * `seccomp:unconfined` / `apparmor:unconfined`, also written with "=") gets most of what privileged mode
 * gives. Fargate only accepts adding SYS_PTRACE (for debuggers and tracing sidecars), but the pack reports
 * every added capability unless it is listed in `allowedCapabilities` (e.g. ["SYS_PTRACE"]).
 */
export const ecsTaskDefinitionNoAddedCapabilities: ResourceValidationPolicy = {
    name: "ecs-task-definition-no-added-capabilities",
    description: "Containers must not add Linux capabilities or turn off seccomp or AppArmor confinement.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedCapabilities: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: 'Capabilities a container may add (e.g. ["SYS_PTRACE"] for a tracing sidecar); spelled with or without "CAP_".',
            },
        },
    },
    validateResource: validateTypes(TASK_DEFINITION, (props, args, report) => {
        const allowed = asStringList(args.getConfig<Config>().allowedCapabilities).map(normalise);
        forEachContainer(props, (container, i) => {
            const label = describeContainer(container, i);
            const linux = isRecord(container.linuxParameters) ? container.linuxParameters : {};
            const capabilities = isRecord(linux.capabilities) ? linux.capabilities : {};
            const added = [...new Set(asStringList(capabilities.add).map(normalise).filter(c => c !== "" && !allowed.includes(c)))];
            if (added.length > 0) {
                const severe = added.filter(c => HOST_EQUIVALENT.includes(c));
                const why = severe.length > 0 ? ` (${quoteList(severe)} ${severe.length > 1 ? "give" : "gives"} a compromised container control of the host)` : "";
                report(
                    `${label} adds Linux ${added.length > 1 ? "capabilities" : "capability"} ${quoteList(added)} in linuxParameters.capabilities.add${why}; ` +
                        `remove ${added.length > 1 ? "them" : "it"}, or list what you truly need in this policy's allowedCapabilities.`,
                );
            }
            for (const option of asArray(container.dockerSecurityOptions)) {
                if (typeof option === "string" && /^\s*(seccomp|apparmor)\s*[:=]\s*unconfined\s*$/i.test(option)) {
                    report(`${label} turns off its ${option.trim().split(/[:=]/)[0].toLowerCase()} confinement in dockerSecurityOptions; remove the "unconfined" option.`);
                }
            }
        });
    }),
};
