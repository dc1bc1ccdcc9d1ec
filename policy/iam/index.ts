import { iamExecutionRoleSecretGrants } from "./iam-execution-role-secret-grants";
import { iamPolicyNoWildcardActions } from "./iam-policy-no-wildcard-actions";
import { iamPolicyNoWildcardResources } from "./iam-policy-no-wildcard-resources";
import { iamRoleEcsTaskTrust } from "./iam-role-ecs-task-trust";
import { iamRoleEcsTasksTrustExclusive } from "./iam-role-ecs-tasks-trust-exclusive";
import { iamRoleNoBroadManagedPolicies } from "./iam-role-no-broad-managed-policies";
import { iamRoleNoConflictingPolicyManagement } from "./iam-role-no-conflicting-policy-management";
import { iamRoleNoWildcardTrust } from "./iam-role-no-wildcard-trust";
import { iamRoleServicePolicyTrust } from "./iam-role-service-policy-trust";

/** IAM policies: policy documents, managed-policy attachments, trust policies, and cross-resource role checks. */
export const iamPolicies = [
    iamPolicyNoWildcardActions,
    iamPolicyNoWildcardResources,
    iamRoleNoBroadManagedPolicies,
    iamRoleNoWildcardTrust,
    iamRoleEcsTaskTrust,
    iamRoleEcsTasksTrustExclusive,
    iamRoleNoConflictingPolicyManagement,
    iamRoleServicePolicyTrust,
    iamExecutionRoleSecretGrants,
];
