import { ecrRepositoryPolicyNotPublic as policy } from "../../../policy/ecr/ecr-repository-policy-not-public";
import { baseline, expectDetails } from "../lb/kit";

const POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const pull = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
const FIX = 'allows any principal ("*"); name the accounts or roles that need access, or scope it with a Condition such as aws:PrincipalOrgID.';

describe("ecr-repository-policy-not-public (catalog #29)", () => {
    it("GIVEN a policy naming one role THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(POLICY, "web")], []);
    });

    it('GIVEN Principal "*" THEN it is reported by Sid (mandatory)', async () => {
        await expectDetails(policy, [baseline(POLICY, "web", { policy: doc({ Sid: "Public", Effect: "Allow", Principal: "*", Action: pull }) })], [
            `Repository policy "web" statement "Public" ${FIX}`,
        ]);
    });

    it('GIVEN { AWS: "*" } and { AWS: ["*"] } without Sid THEN each is reported by index', async () => {
        await expectDetails(policy, [baseline(POLICY, "web", {
            policy: doc(
                { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: pull },
                { Effect: "Allow", Principal: { AWS: "*" }, Action: pull },
                { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] }, Action: pull },
            ),
        })], [`Repository policy "web" statement #1 ${FIX}`, `Repository policy "web" statement #2 ${FIX}`]);
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
            `Repository policy "web" statement #0 ${FIX}`,
        ]);
    });

    it("GIVEN malformed JSON or a non-object document THEN it is reported, not thrown", async () => {
        await expectDetails(policy, [baseline(POLICY, "bad", { policy: "{ not json" }), baseline(POLICY, "num", { policy: "42" })], [
            'Repository policy "bad" is not valid JSON; fix the policy document.',
            'Repository policy "num" has no policy document object; set policy to an IAM policy JSON document.',
        ]);
    });
});
