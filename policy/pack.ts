/**
 * The pack's identity and its policies, without constructing a `PolicyPack` (which would start the
 * analyzer's gRPC server): tests and the offline check command import this module.
 */
import { EnforcementLevel, Policies } from "@pulumi/policy";
import * as fs from "node:fs";
import * as path from "node:path";
import { cloudwatchPolicies } from "./cloudwatch";
import { ec2Policies } from "./ec2";
import { ecrPolicies } from "./ecr";
import { ecsPolicies } from "./ecs";
import { iamPolicies } from "./iam";
import { lbPolicies } from "./lb";
import { logsPolicies } from "./logs";
import { scalingPolicies } from "./scaling";
import { schedulerPolicies } from "./scheduler";
import { secretsPolicies } from "./secrets";
import { snsPolicies } from "./sns";

/** Name under which `pulumi preview --policy-pack` reports violations. */
export const PACK_NAME = "fargate-web-guardrails";

/**
 * The pack's own `package.json`: beside this file in the sources, one folder up in the compiled `bin/`.
 * The nearest one going up is the pack's in both, and in an installed copy of the package.
 */
function ownManifest(): { readonly name: string; readonly version: string } {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
        if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
    }
}

/**
 * Version reported with each violation: the package's own, as the analyzer server reports it (`PolicyPack`
 * reads `package.json` from the folder the CLI starts the pack in, which is the package's).
 */
export const PACK_VERSION: string = ownManifest().version;

/** Level of a policy that does not set its own (every policy here does). */
export const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "advisory";

/** Every policy of the pack, by service. */
export const policies: Policies = [
    ...ecsPolicies,
    ...iamPolicies,
    ...secretsPolicies,
    ...logsPolicies,
    ...cloudwatchPolicies,
    ...snsPolicies,
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
