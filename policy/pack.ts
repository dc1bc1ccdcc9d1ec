/**
 * The pack's identity and its policies, without constructing a `PolicyPack` (which would start the
 * analyzer's gRPC server): tests and the offline check command import this module.
 */
import { EnforcementLevel, Policies } from "@pulumi/policy";
import { ec2Policies } from "./ec2";
import { ecrPolicies } from "./ecr";
import { ecsPolicies } from "./ecs";
import { iamPolicies } from "./iam";
import { lbPolicies } from "./lb";
import { logsPolicies } from "./logs";
import { scalingPolicies } from "./scaling";
import { schedulerPolicies } from "./scheduler";
import { secretsPolicies } from "./secrets";

/** Name under which `pulumi preview --policy-pack` reports violations. */
export const PACK_NAME = "fargate-web-guardrails";

/** Version reported with each violation; kept equal to `policy/package.json`'s. */
export const PACK_VERSION: string = require("./package.json").version;

/** Level of a policy that does not set its own (every policy here does). */
export const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "advisory";

/** Every policy of the pack, by service. */
export const policies: Policies = [
    ...ecsPolicies,
    ...iamPolicies,
    ...secretsPolicies,
    ...logsPolicies,
    ...scalingPolicies,
    ...schedulerPolicies,
    ...lbPolicies,
    ...ecrPolicies,
    ...ec2Policies,
];

/** The pack as the offline harness evaluates it. */
export const pack = {
    name: PACK_NAME,
    version: PACK_VERSION,
    enforcementLevel: PACK_ENFORCEMENT_LEVEL,
    policies,
};
