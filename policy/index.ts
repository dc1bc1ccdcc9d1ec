/**
 * Entry point the Pulumi CLI loads for `pulumi preview --policy-pack policy`. Constructing the pack
 * starts the analyzer server, so nothing else may import this file; use `./pack` instead.
 */
import { PolicyPack } from "@pulumi/policy";
import { pack } from "./pack";

new PolicyPack(pack.name, {
    description: "Guardrails for web services on ECS Fargate behind an Application Load Balancer: ECS, ELB, ECR, VPC, IAM, logs, secrets and scaling.",
    enforcementLevel: pack.enforcementLevel,
    policies: pack.policies,
});
