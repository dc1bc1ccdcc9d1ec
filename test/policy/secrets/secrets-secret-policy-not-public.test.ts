import { secretsSecretPolicyNotPublic as policy } from "../../../policy/secrets/secrets-secret-policy-not-public";
import { fixture } from "../../../harness/fixtures";
import { assertViolations, evaluate, resourceOf, SECRET, SECRET_ARN } from "../baselines/ecs";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const NAME = "secrets-secret-policy-not-public";
const POLICY = AWS_TYPES.secretsmanagerSecretPolicy;
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const read = { Action: "secretsmanager:GetSecretValue", Resource: "*" };
const FIX = 'name in "Principal" the roles that read the secret (or drop the statement and grant them through IAM).';

describe(NAME, () => {
    it("GIVEN a secret without a policy, and a policy naming one role THEN no violation", async () => {
        const result = await evaluate(policy, [
            resourceOf(SECRET, "db-password"),
            fixture(POLICY, "db", { secretArn: SECRET_ARN, policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/web-exec" }, ...read }) }),
        ]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN a wildcard principal excused only by a VPC-endpoint condition, and NotPrincipal THEN reported", async () => {
        const result = await evaluate(policy, [
            fixture(POLICY, "db", {
                secretArn: SECRET_ARN,
                policy: doc(
                    { Effect: "Allow", Principal: { AWS: "*" }, ...read, Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } },
                    { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, ...read },
                    { Effect: "Allow", Principal: "*", ...read, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } },
                ),
            }),
        ]);
        assertViolations(result, NAME, "mandatory", [
            `Secret policy of "db" statement 1 allows any principal ({"AWS": "*"}); its condition does not restrict who the principal is; ${FIX}`,
            `Secret policy of "db" statement 2 uses "NotPrincipal" with "Allow", which lets in every principal not listed; ${FIX}`,
        ]);
    });

    it("GIVEN a Secret's own policy open to arn:aws:iam::*:root THEN reported", async () => {
        const result = await evaluate(policy, [resourceOf(SECRET, "db-password", { policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::*:root" }, ...read }) })]);
        assertViolations(result, NAME, "mandatory", [`Secret policy of "db-password" statement 1 allows any principal ({"AWS": "arn:aws:iam::*:root"}); ${FIX}`]);
    });
});
