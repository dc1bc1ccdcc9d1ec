import { secretsSecretCustomerManagedKms } from "./secrets-secret-customer-managed-kms";
import { secretsSecretDescription } from "./secrets-secret-description";
import { secretsSecretPolicyNotPublic } from "./secrets-secret-policy-not-public";
import { secretsSecretRotation } from "./secrets-secret-rotation";

/** Secrets Manager policies. */
export const secretsPolicies = [secretsSecretCustomerManagedKms, secretsSecretRotation, secretsSecretDescription, secretsSecretPolicyNotPublic];
