import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { ECR_REPOSITORY } from "../lib/types";
import { copyProps, isRecord } from "../lib/coerce";

/**
 * Catalog #26 — Security Hub ECR.1, Checkov CKV_AWS_163, Trivy AVD-AWS-0030, compliance-policies. High.
 *
 * Repositories scan every pushed image (`imageScanningConfiguration.scanOnPush: true`). Remediation
 * turns it on, keeping any other scanning settings. (A registry-level enhanced scanning configuration
 * would supersede this setting; it is not visible to a resource policy.)
 */
export const ecrRepositoryScanOnPush: ResourceValidationPolicy = {
    name: "ecr-repository-scan-on-push",
    description: "ECR repositories scan images on push.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(ECR_REPOSITORY, (props, args, reportViolation) => {
        const scanning = props.imageScanningConfiguration;
        if (!isRecord(scanning) || scanning.scanOnPush !== true) {
            reportViolation(
                `Repository "${args.name}" does not scan images on push; set imageScanningConfiguration: { scanOnPush: true }.`,
            );
        }
    }),
    remediateResource: remediateTypes(ECR_REPOSITORY, props => {
        const scanning = props.imageScanningConfiguration;
        if (isRecord(scanning) && scanning.scanOnPush === true) {
            return undefined;
        }
        const copy = copyProps(props);
        const previous = isRecord(copy.imageScanningConfiguration) ? copy.imageScanningConfiguration : {};
        return { ...copy, imageScanningConfiguration: { ...previous, scanOnPush: true } };
    }),
};
