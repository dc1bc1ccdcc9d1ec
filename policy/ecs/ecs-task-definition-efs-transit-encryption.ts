import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { asArray, copyProps, isRecord } from "../lib/coerce";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Catalog #8 — Checkov CKV_AWS_97, Trivy AVD-AWS-0035. EFS volumes are mounted with TLS. Remediation sets
 * `transitEncryption: "ENABLED"` on the EFS volumes that lack it (the EFS mount helper on Fargate supports it).
 */
export const ecsTaskDefinitionEfsTransitEncryption: ResourceValidationPolicy = {
    name: "ecs-task-definition-efs-transit-encryption",
    description: "EFS volumes must be mounted with transit encryption.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        asArray(props.volumes).forEach((volume, i) => {
            if (!isRecord(volume) || !isRecord(volume.efsVolumeConfiguration)) {
                return;
            }
            if (volume.efsVolumeConfiguration.transitEncryption !== "ENABLED") {
                const label = typeof volume.name === "string" && volume.name !== "" ? `Volume "${volume.name}"` : `Volume #${i + 1}`;
                report(`${label} mounts EFS without transit encryption; set efsVolumeConfiguration.transitEncryption to "ENABLED".`);
            }
        });
    }),
    remediateResource: remediateTypes(TASK_DEFINITION, props => {
        const needsFix = (v: unknown) => isRecord(v) && isRecord(v.efsVolumeConfiguration) && v.efsVolumeConfiguration.transitEncryption !== "ENABLED";
        if (!asArray(props.volumes).some(needsFix)) {
            return undefined;
        }
        const fixed = copyProps(props);
        for (const volume of fixed.volumes as Record<string, any>[]) {
            if (needsFix(volume)) {
                volume.efsVolumeConfiguration.transitEncryption = "ENABLED";
            }
        }
        return fixed;
    }),
};
