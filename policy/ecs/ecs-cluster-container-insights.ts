import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { asArray, copyProps, isRecord } from "../lib/coerce";
import { ECS_CLUSTER } from "../lib/types";

const ON = ["enabled", "enhanced"];

/** The value of the cluster's containerInsights setting, if any. */
const insightsSetting = (settings: unknown): unknown =>
    asArray(settings).find(s => isRecord(s) && s.name === "containerInsights") as Record<string, unknown> | undefined;

/**
 * Catalog #12 — Security Hub ECS.12, Checkov CKV_AWS_65, Trivy AVD-AWS-0034, cdk-nag AwsSolutions-ECS4.
 * Container Insights collects the per-task metrics needed to investigate incidents. It is billed as custom
 * metrics, hence advisory by default and mandatory in production. Remediation sets it to "enabled".
 */
export const ecsClusterContainerInsights: ResourceValidationPolicy = {
    name: "ecs-cluster-container-insights",
    description: "ECS clusters must have Container Insights enabled.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(ECS_CLUSTER, (props, _args, report) => {
        const setting = insightsSetting(props.settings);
        if (!isRecord(setting)) {
            report('Container Insights is not configured; add settings: [{ name: "containerInsights", value: "enabled" }] (or "enhanced").');
        } else if (!ON.includes(setting.value)) {
            report(
                typeof setting.value === "string"
                    ? `Container Insights is "${setting.value}"; set the "containerInsights" setting to "enabled" or "enhanced".`
                    : 'The "containerInsights" setting has no value; set it to "enabled" or "enhanced".',
            );
        }
    }),
    remediateResource: remediateTypes(ECS_CLUSTER, props => {
        const setting = insightsSetting(props.settings);
        if (isRecord(setting) && ON.includes(setting.value)) {
            return undefined;
        }
        const fixed = copyProps(props);
        const others = asArray(fixed.settings).filter(s => !(isRecord(s) && s.name === "containerInsights"));
        fixed.settings = [...others, { name: "containerInsights", value: "enabled" }];
        return fixed;
    }),
};
