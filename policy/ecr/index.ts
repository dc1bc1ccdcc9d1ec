import { Policies } from "@pulumi/policy";
import { ecrRepositoryEncryption } from "./ecr-repository-encryption";
import { ecrRepositoryImmutableTags } from "./ecr-repository-immutable-tags";
import { ecrRepositoryLifecyclePolicy } from "./ecr-repository-lifecycle-policy";
import { ecrRepositoryPolicyNotPublic } from "./ecr-repository-policy-not-public";
import { ecrRepositoryScanOnPush } from "./ecr-repository-scan-on-push";

export const ecrPolicies: Policies = [
    ecrRepositoryScanOnPush,
    ecrRepositoryImmutableTags,
    ecrRepositoryEncryption,
    ecrRepositoryPolicyNotPublic,
    ecrRepositoryLifecyclePolicy,
];
