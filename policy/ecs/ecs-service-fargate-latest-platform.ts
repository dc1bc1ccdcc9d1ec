import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { asArray, copyProps, isRecord } from "../lib/coerce";
import { ECS_SERVICE, ECS_TASK_SET } from "../lib/types";

interface Config {
    allowedPlatformVersions: string[];
}

/** True when the service or task set runs on Fargate (launch type or capacity provider strategy). */
const runsOnFargate = (props: Record<string, any>): boolean =>
    props.launchType === "FARGATE" ||
    asArray(props.capacityProviderStrategies).some(
        s => isRecord(s) && (s.capacityProvider === "FARGATE" || s.capacityProvider === "FARGATE_SPOT"),
    );

/**
 * Catalog #11 — Security Hub ECS.10, Checkov CKV_AWS_332. Fargate services and task sets run on the latest
 * platform version (security patches and features): `platformVersion` unset or "LATEST". Remediation sets
 * it to "LATEST".
 */
export const ecsServiceFargateLatestPlatform: ResourceValidationPolicy = {
    name: "ecs-service-fargate-latest-platform",
    description: "Fargate services and task sets must run on the LATEST platform version.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            allowedPlatformVersions: {
                type: "array",
                items: { type: "string" },
                default: ["LATEST"],
                description: 'Accepted platformVersion values besides unset (e.g. add "1.4.0" to pin the current Linux version).',
            },
        },
    },
    validateResource: validateTypes([...ECS_SERVICE, ...ECS_TASK_SET], (props, args, report) => {
        const version = props.platformVersion;
        if (version === undefined || version === null || version === "" || !runsOnFargate(props)) {
            return;
        }
        const allowed = args.getConfig<Config>().allowedPlatformVersions ?? [];
        if (!allowed.includes(version)) {
            report(`platformVersion is ${JSON.stringify(version)}; set it to "LATEST" (or leave it unset) to run on the latest Fargate platform.`);
        }
    }),
    remediateResource: remediateTypes([...ECS_SERVICE, ...ECS_TASK_SET], (props, args) => {
        const version = props.platformVersion;
        const allowed = args.getConfig<Config>().allowedPlatformVersions ?? [];
        if (version === undefined || version === null || version === "" || !runsOnFargate(props) || allowed.includes(version)) {
            return undefined;
        }
        return { ...copyProps(props), platformVersion: "LATEST" };
    }),
};
