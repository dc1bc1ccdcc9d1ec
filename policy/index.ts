/**
 * Entry point the Pulumi CLI loads for `pulumi preview --policy-pack policy`, compiled to `bin/index.js`
 * (`package.json` `main`; `npm ci` and `npm pack` build it). Constructing the pack starts the analyzer
 * server, so nothing else may import this file; use `./pack` instead.
 */
import { PolicyPack } from "@pulumi/policy";
import { RunError } from "@pulumi/pulumi/errors";
import * as path from "node:path";
import { staleSource } from "./lib/buildFreshness";
import { pack } from "./pack";

// Run as compiled JavaScript from a checkout: refuse a build older than the policies it claims to enforce.
if (path.basename(__dirname) === "bin") {
    const stale = staleSource(__filename);
    if (stale !== undefined) {
        throw new RunError(`policy/${stale} changed after the policy pack was compiled; run \`npm run build --workspace policy\` and try again.`);
    }
}

new PolicyPack(pack.name, {
    description: "Guardrails for web services on ECS Fargate behind an Application Load Balancer: ECS, ELB, ECR, VPC, IAM, logs, secrets and scaling.",
    enforcementLevel: pack.enforcementLevel,
    policies: pack.policies,
});
