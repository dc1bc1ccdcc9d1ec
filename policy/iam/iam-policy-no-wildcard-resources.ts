import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { quoteList } from "../lib/coerce";
import { actionMatches, documentsOfResource, parsePolicyDocument, statementWhere } from "../lib/iamDocuments";
import { isBroadResource } from "../lib/iamBreadth";
import { IAM_GROUP_POLICY, IAM_POLICY, IAM_ROLE, IAM_ROLE_POLICY, IAM_USER_POLICY } from "../lib/types";

interface Config {
    allowedActions: string[];
}

/** Actions that support no resource-level permissions (AWS requires "Resource": "*"), as a container workload uses them. */
const ACTIONS_WITHOUT_RESOURCE_SCOPE = [
    "ecr:GetAuthorizationToken",
    "logs:DescribeLogGroups",
    "cloudwatch:PutMetricData",
    "cloudwatch:GetMetricData",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:GetSamplingStatisticSummaries",
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
    "sts:GetCallerIdentity",
    "secretsmanager:GetRandomPassword",
    "secretsmanager:ListSecrets",
    "ssm:DescribeParameters",
    "kms:ListKeys",
    "kms:ListAliases",
    "ec2:Describe*",
    "ecs:DiscoverPollEndpoint",
    "ecs:DescribeTaskDefinition",
    "elasticloadbalancing:Describe*",
];

/**
 * Catalog #46 (resource half) — Checkov CKV_AWS_355 / CKV_AWS_290, cdk-nag IAM5. Allow statements scope
 * "Resource" to ARNs: "*", or an ARN pattern as broad (`arn:aws:s3:::*`, `arn:*:*`, `…:role/*`; see
 * `../lib/iamBreadth` isBroadResource), is reported unless every action of the statement is one AWS only grants on "*"
 * (`allowedActions`, e.g. ecr:GetAuthorizationToken); "NotResource" with "Allow" is reported too. Full
 * wildcard actions ("*") are left to `iam-policy-no-wildcard-actions`.
 */
export const iamPolicyNoWildcardResources: ResourceValidationPolicy = {
    name: "iam-policy-no-wildcard-resources",
    description: 'IAM policies must scope actions to resource ARNs instead of "*".',
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            allowedActions: {
                type: "array",
                items: { type: "string" },
                default: ACTIONS_WITHOUT_RESOURCE_SCOPE,
                description: 'Action patterns that may use "Resource": "*" (actions without resource-level permissions).',
            },
        },
    },
    validateResource: validateTypes([...IAM_POLICY, ...IAM_ROLE_POLICY, ...IAM_ROLE, ...IAM_USER_POLICY, ...IAM_GROUP_POLICY], (props, args, report) => {
        const allowed = (args.getConfig<Config>().allowedActions ?? []).filter((a): a is string => typeof a === "string");
        for (const { label, document } of documentsOfResource(args.type, props)) {
            const parsed = parsePolicyDocument(document);
            if (!parsed.ok) {
                continue; // reported by iam-policy-no-wildcard-actions
            }
            for (const s of parsed.statements) {
                if (s.effect !== "Allow") {
                    continue;
                }
                const where = statementWhere(label, s);
                if (s.notResources !== undefined) {
                    report(`${where} uses "NotResource" with "Allow", which applies to every resource not listed; list the resource ARNs in "Resource" instead.`);
                    continue;
                }
                const broad = (s.resources ?? []).find(isBroadResource);
                if (broad === undefined) {
                    continue;
                }
                const scoped = (s.actions ?? []).filter(a => !/^\*+(:\*+)?$/.test(a) && !allowed.some(p => actionMatches(p, a)));
                if (scoped.length > 0) {
                    report(`${where} allows ${quoteList(scoped)} on every resource ("${broad}"); scope "Resource" to the ARNs ${scoped.length > 1 ? "those actions need" : "that action needs"}.`);
                }
            }
        }
    }),
};
