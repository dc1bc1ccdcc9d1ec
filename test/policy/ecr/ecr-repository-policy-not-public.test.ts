import { ecrRepositoryPolicyNotPublic as policy } from "../../../policy/ecr/ecr-repository-policy-not-public";
import * as assert from "node:assert/strict";
import { fixture } from "../../../harness/fixtures";
import { baseline, evaluate, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const POLICY = AWS_TYPES.ecrRepositoryPolicy;
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const pull = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
const FIX = 'name in "Principal" the accounts or roles that need access.';

describe("ecr-repository-policy-not-public (catalog #29)", () => {
    it("GIVEN a policy naming one role THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(POLICY, "web")], []);
    });

    it('GIVEN Principal "*" THEN it is reported by Sid (mandatory)', async () => {
        await expectDetails(policy, [baseline(POLICY, "web", { policy: doc({ Sid: "Public", Effect: "Allow", Principal: "*", Action: pull }) })], [
            `Repository policy "web" statement 1 ("Public") allows any principal ("*"); ${FIX}`,
        ]);
    });

    it('GIVEN { AWS: "*" } and { AWS: ["*"] } without Sid THEN each is reported by index', async () => {
        await expectDetails(policy, [baseline(POLICY, "web", {
            policy: doc(
                { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: pull },
                { Effect: "Allow", Principal: { AWS: "*" }, Action: pull },
                { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] }, Action: pull },
            ),
        })], [`Repository policy "web" statement 2 allows any principal ({"AWS": "*"}); ${FIX}`, `Repository policy "web" statement 3 allows any principal ({"AWS": "*"}); ${FIX}`]);
    });

    it("GIVEN a wildcard scoped by a Condition, or a Deny THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(POLICY, "web", {
            policy: doc(
                { Effect: "Allow", Principal: "*", Action: pull, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } },
                { Effect: "Deny", Principal: "*", Action: "ecr:*" },
            ),
        })], []);
    });

    it("GIVEN the policy as an object with a single Statement object THEN it is read", async () => {
        await expectDetails(policy, [baseline(POLICY, "web", { policy: { Version: "2012-10-17", Statement: { Effect: "Allow", Principal: "*", Action: pull } } })], [
            `Repository policy "web" statement 1 allows any principal ("*"); ${FIX}`,
        ]);
    });

    it("GIVEN malformed JSON or a non-object document THEN it is reported, not thrown", async () => {
        const result = await evaluate(policy, [baseline(POLICY, "bad", { policy: "{ not json" }), baseline(POLICY, "num", { policy: "42" })]);
        const details = result.diagnostics.map(d => d.detail);
        assert.equal(details.length, 2);
        assert.match(details[0], /^Repository policy "bad" is not a valid policy document: it is not valid JSON \(.+\); fix the policy document\.$/);
        assert.equal(details[1], 'Repository policy "num" is not a valid policy document: it is not a JSON object; fix the policy document.');
    });

    describe("evasion: wildcard principals excused by any condition, NotPrincipal, other ECR policies", () => {
        it("GIVEN a wildcard with a condition on the source IP, and NotPrincipal with Allow THEN both reported", async () => {
            await expectDetails(policy, [baseline(POLICY, "web", {
                policy: doc(
                    { Effect: "Allow", Principal: "*", Action: pull, Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } },
                    { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: pull },
                ),
            })], [
                `Repository policy "web" statement 1 allows any principal ("*"); its condition does not restrict who the principal is; ${FIX}`,
                `Repository policy "web" statement 2 uses "NotPrincipal" with "Allow", which lets in every principal not listed; ${FIX}`,
            ]);
        });

        it("GIVEN an ECR registry policy letting any account in THEN reported", async () => {
            const registry = { type: AWS_TYPES.ecrRegistryPolicy, name: "registry" };
            await expectDetails(policy, [fixture(registry.type, registry.name, {
                policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::*:root" }, Action: ["ecr:ReplicateImage", "ecr:CreateRepository"], Resource: "*" }),
            })], [`Registry policy "registry" statement 1 allows any principal ({"AWS": "arn:aws:iam::*:root"}); ${FIX}`]);
        });

        it("GIVEN an ECR Public repository, and a public repository policy letting anyone push THEN both reported", async () => {
            await expectDetails(policy, [
                fixture(AWS_TYPES.ecrpublicRepository, "site", { repositoryName: "site" }),
                fixture(AWS_TYPES.ecrpublicRepositoryPolicy, "site", { repositoryName: "site", policy: doc({ Effect: "Allow", Principal: "*", Action: "ecr-public:PutImage" }) }),
            ], [
                'ECR Public repository "site" serves its images to anyone on the internet; use a private aws.ecr.Repository and grant pull access to named accounts or roles.',
                `Public repository policy "site" statement 1 allows any principal ("*"); ${FIX}`,
            ]);
        });
    });
});
