import { secretsSecretCustomerManagedKms } from "./secrets-secret-customer-managed-kms";
import { secretsSecretDescription } from "./secrets-secret-description";
import { secretsSecretRotation } from "./secrets-secret-rotation";

/** Secrets Manager policies. */
export const secretsPolicies = [secretsSecretCustomerManagedKms, secretsSecretRotation, secretsSecretDescription];
