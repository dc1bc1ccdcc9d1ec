/**
 * What makes an IAM grant broad by meaning rather than by the literal "*": resource patterns that match
 * every resource of a service or account, and actions that let the holder raise its own privileges.
 *
 * Privilege-escalation actions follow Rhino Security Labs' "AWS IAM Privilege Escalation – Methods and
 * Mitigation" and the escalation list of Cloudsplaining / PMapper: each lets a principal grant itself more
 * permissions, act as another role, or run code under one.
 */
import { PolicyStatement, actionMatches } from "./iamDocuments";

/** Actions that let the holder gain permissions it was not given (escalation paths). */
export const ESCALATION_ACTIONS: readonly string[] = [
    "iam:AddUserToGroup",
    "iam:AttachGroupPolicy",
    "iam:AttachRolePolicy",
    "iam:AttachUserPolicy",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:CreatePolicyVersion",
    "iam:CreateRole",
    "iam:DeleteRolePermissionsBoundary",
    "iam:DeleteUserPermissionsBoundary",
    "iam:PassRole",
    "iam:PutGroupPolicy",
    "iam:PutRolePermissionsBoundary",
    "iam:PutRolePolicy",
    "iam:PutUserPermissionsBoundary",
    "iam:PutUserPolicy",
    "iam:SetDefaultPolicyVersion",
    "iam:UpdateAssumeRolePolicy",
    "iam:UpdateLoginProfile",
    "sts:AssumeRole",
    "lambda:AddPermission",
    "lambda:CreateEventSourceMapping",
    "lambda:CreateFunction",
    "lambda:InvokeFunction",
    "lambda:UpdateFunctionCode",
    "lambda:UpdateFunctionConfiguration",
    "glue:CreateDevEndpoint",
    "glue:UpdateDevEndpoint",
    "cloudformation:CreateStack",
    "cloudformation:UpdateStack",
    "cloudformation:CreateChangeSet",
    "cloudformation:SetStackPolicy",
    "datapipeline:CreatePipeline",
    "datapipeline:PutPipelineDefinition",
    "ec2:RunInstances",
    "ecs:RegisterTaskDefinition",
    "ecs:RunTask",
    "ecs:StartTask",
    "ecs:UpdateService",
    "ecs:ExecuteCommand",
    "ssm:SendCommand",
    "ssm:StartSession",
    "codebuild:CreateProject",
    "codebuild:StartBuild",
    "codebuild:UpdateProject",
    "sagemaker:CreateNotebookInstance",
    "sagemaker:CreatePresignedNotebookInstanceUrl",
    "sagemaker:CreateProcessingJob",
    "sagemaker:CreateTrainingJob",
    "secretsmanager:PutResourcePolicy",
    "kms:PutKeyPolicy",
    "kms:CreateGrant",
    "s3:PutBucketPolicy",
    "ecr:SetRepositoryPolicy",
];

/** `<type>/*` or `<type>:*` for resource types whose names are the whole identity (not S3 object keys). */
const RESOURCE_TYPE_WILDCARD =
    /^(?:role|user|group|policy|instance-profile|function|secret|parameter|key|alias|table|repository|cluster|task-definition|service|task|stack|project|log-group|instance|topic|queue)[/:][*?][*?/:]*$/;

/**
 * True when an ARN pattern matches every resource of its service, or of every service: "*", patterns with
 * a wildcard partition, service or account (`arn:*:*`, `arn:aws:*:*:*:*`, `arn:aws:iam::*:role/x`), and
 * patterns whose resource part is only wildcards, after an optional resource type (`arn:aws:s3:::*`,
 * `arn:aws:iam::123456789012:role/*`, `arn:aws:lambda:eu-west-1:123456789012:function:*`, `…:function:*:*`); `arn:aws:s3:::bucket/*`
 * (the objects of one bucket) is not broad.
 */
export function isBroadResource(pattern: string): boolean {
    if (/^[*?]+$/.test(pattern)) {
        return true;
    }
    const parts = pattern.split(":");
    if (parts[0] !== "arn" || parts.length < 6) {
        return /[*?]/.test(pattern); // a wildcard before the ARN is complete spans the rest
    }
    const [, partition, service, , account] = parts;
    if ([partition, service, account].some(p => /[*?]/.test(p))) {
        return true;
    }
    const resource = parts.slice(5).join(":");
    // wildcards may be chained with separators: `function:*:*` (every version of every function), `role/*/*`
    return /^[*?/:]+$/.test(resource) || RESOURCE_TYPE_WILDCARD.test(resource);
}

/** True when the statement applies to broad resources (a broad "Resource", or any "NotResource"). */
export const onBroadResources = (s: PolicyStatement): boolean =>
    s.notResources !== undefined || (s.resources ?? []).some(isBroadResource);

/** The escalation actions an Allow statement grants (through "Action" patterns, or by not excluding them with "NotAction"). */
export function escalationActions(s: PolicyStatement): string[] {
    if (s.actions !== undefined) {
        return ESCALATION_ACTIONS.filter(a => s.actions!.some(p => actionMatches(p, a)));
    }
    if (s.notActions !== undefined) {
        return ESCALATION_ACTIONS.filter(a => !s.notActions!.some(p => actionMatches(p, a)));
    }
    return [];
}

/** True when the statement grants iam:PassRole (by "Action" pattern, e.g. "iam:Pass*", "iam:*", "*", or by not excluding it with "NotAction"). */
export const grantsPassRole = (s: PolicyStatement): boolean => escalationActions(s).includes("iam:PassRole");

/**
 * True when `pattern` holds a wildcard ("*", "?", or a policy variable such as `${aws:username}`, which IAM
 * fills per request) and may match an IAM role ARN (`arn:<partition>:iam::<account>:role/<path><name>`).
 *
 * iam:PassRole is safe only on exact role ARNs: `role/a*`, `role/*-task` or `role/ecs*` look narrow but
 * match every role anyone later creates under such a name, including an admin one (the IAM user guide,
 * "Granting a user permissions to pass a role to an AWS service": "use the Resource element to list only
 * the roles that the user is allowed to pass"). A `Condition` on `iam:PassedToService` limits the service
 * the role goes to, not which role, so it does not make such a pattern safe.
 *
 * Decided by the literal text before the first wildcard: it must be a prefix of some role ARN, read
 * colon-separated part by part ("arn", any partition, "iam", empty region, any account, "role/…").
 */
export function isWildcardRolePattern(given: string): boolean {
    // IAM fills `${aws:PrincipalAccount}` with the caller's own account: in the account field it names one
    // account, as a literal would. (`${aws:ResourceAccount}` would be each role's own account: any account.)
    const pattern = given.replace(/^(arn:[^:]*:iam::)\$\{aws:PrincipalAccount\}(?=:)/i, "$1000000000000");
    const first = pattern.search(/[*?]|\$\{/);
    if (first < 0) {
        return false;
    }
    const parts = pattern.slice(0, first).split(":");
    const last = parts.length - 1;
    const fits = (i: number, whole: string): boolean => (i === last ? whole.startsWith(parts[i]) : parts[i] === whole);
    if (!fits(0, "arn")) {
        return false;
    }
    if (last >= 2 && !fits(2, "iam")) {
        return false;
    }
    if (last >= 3 && parts[3] !== "") {
        return false; // IAM ARNs have no region
    }
    if (last >= 5) {
        // role names and paths hold no ":"
        return last === 5 && ("role/".startsWith(parts[5]) || parts[5].startsWith("role/"));
    }
    return true;
}

/** The resources of an Allow statement on which it passes roles by a wildcard (see `isWildcardRolePattern`). */
export const wildcardPassRoleResources = (s: PolicyStatement): string[] =>
    grantsPassRole(s) && s.notResources === undefined ? (s.resources ?? []).filter(isWildcardRolePattern) : [];
