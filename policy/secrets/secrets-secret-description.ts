import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isNonEmptyString } from "../lib/coerce";
import { SECRET } from "../lib/types";

/**
 * Catalog #45 — Pulumi compliance-policies. Secrets carry a description of what they hold and who reads
 * them, so an operator can rotate or delete one without guessing.
 */
export const secretsSecretDescription: ResourceValidationPolicy = {
    name: "secrets-secret-description",
    description: "Secrets must have a description.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateTypes(SECRET, (props, _args, report) => {
        if (!isNonEmptyString(props.description)) {
            report("description is empty; describe what the secret holds and which service reads it.");
        }
    }),
};
