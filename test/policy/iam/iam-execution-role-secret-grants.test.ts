import * as assert from "node:assert/strict";
import { iamExecutionRoleSecretGrants as policy } from "../../../policy/iam/iam-execution-role-secret-grants";
import {
    ACCOUNT,
    assertViolations,
    baselineContainer,
    ecsStack,
    evaluate,
    EXEC_ROLE_ARN,
    executionPolicy,
    IAM_POLICY,
    REGION,
    resourceOf,
    ROLE,
    ROLE_POLICY,
    ROLE_POLICY_ATTACHMENT,
    SECRET_ARN,
    stackTaskDefinition,
    TASK_DEFINITION_ARN,
    TD,
    webWith,
    withResource,
} from "../baselines/ecs";

const NAME = "iam-execution-role-secret-grants";
const OTHER_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:web/api-key-XyZ123`;
const PARAMETER = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/web/feature-key`;
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const rolePolicy = (policy: unknown) => resourceOf(ROLE_POLICY, "web-exec-policy", { policy });
const readsSecrets = (...secrets: { name: string; valueFrom: string }[]) => stackTaskDefinition([webWith({ secrets })]);
const missing = (variable: string, arn: string, what = "secretsmanager:GetSecretValue on that secret") =>
    `Task definition "web" gives container "web" secret "${variable}" from ${arn}, but its execution role "web-exec" is not granted ${what}; add the ARN to the role's policy.`;

describe(NAME, () => {
    it("GIVEN the baseline stack (exactly the referenced secret is granted) THEN no violation", async () => {
        assertViolations(await evaluate(policy, ecsStack()), NAME, "mandatory", []);
    });

    it("GIVEN a secret that is not granted THEN reported on the task definition", async () => {
        const stack = withResource(ecsStack(), readsSecrets({ name: "DATABASE_PASSWORD", valueFrom: SECRET_ARN }, { name: "API_KEY", valueFrom: OTHER_SECRET }));
        const result = await evaluate(policy, stack);
        assertViolations(result, NAME, "mandatory", [missing("API_KEY", OTHER_SECRET)]);
        assert.equal(result.diagnostics[0].urn, stack.find(r => r.type === TD)?.urn);
    });

    it("GIVEN a grant on a secret no task definition reads THEN reported on the role policy", async () => {
        const stack = withResource(ecsStack(), rolePolicy(executionPolicy([SECRET_ARN, OTHER_SECRET])));
        const result = await evaluate(policy, stack);
        assertViolations(result, NAME, "mandatory", [
            `Role policy "web-exec-policy" statement 4 ("Secrets") grants execution role "web-exec" secretsmanager:GetSecretValue on ${OTHER_SECRET}, which no task definition using the role reads; remove it from the policy.`,
        ]);
        assert.equal(result.diagnostics[0].urn, stack.find(r => r.type === ROLE_POLICY)?.urn);
    });

    it('GIVEN GetSecretValue on "*" or on every secret of the account THEN reported as too broad', async () => {
        const stack = withResource(
            ecsStack(),
            rolePolicy(doc(
                { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" },
                { Effect: "Allow", Action: "secretsmanager:Get*", Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:*` },
            )),
        );
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            `Role policy "web-exec-policy" statement 1 grants execution role "web-exec" secretsmanager:GetSecretValue on "*"; grant it only on the secrets its task definitions read (${SECRET_ARN}).`,
            `Role policy "web-exec-policy" statement 2 grants execution role "web-exec" secretsmanager:GetSecretValue on "arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:*", which matches every secret; grant it only on the secrets its task definitions read (${SECRET_ARN}).`,
        ]);
    });

    it("GIVEN a JSON-key suffix in valueFrom THEN the grant on the secret's ARN covers it", async () => {
        const stack = withResource(ecsStack(), readsSecrets({ name: "DB_USER", valueFrom: `${SECRET_ARN}:username::` }));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });

    it("GIVEN a partial secret ARN and a grant on name-?????? THEN covered, and the grant is not excess", async () => {
        const partial = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:web/token`;
        const stack = withResource(
            ecsStack(),
            readsSecrets({ name: "TOKEN", valueFrom: partial }),
            rolePolicy(doc({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: `${partial}-??????` })),
        );
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });

    it("GIVEN an SSM parameter THEN ssm:GetParameters on it is required, and extra parameters are excess", async () => {
        const reads = readsSecrets({ name: "DATABASE_PASSWORD", valueFrom: SECRET_ARN }, { name: "FEATURE_KEY", valueFrom: PARAMETER });
        const notGranted = await evaluate(policy, withResource(ecsStack(), reads));
        assertViolations(notGranted, NAME, "mandatory", [missing("FEATURE_KEY", PARAMETER, "ssm:GetParameters on that parameter")]);

        const granted = rolePolicy(doc(
            { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: SECRET_ARN },
            { Effect: "Allow", Action: "ssm:GetParameters", Resource: [PARAMETER, `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/other`] },
        ));
        assertViolations(await evaluate(policy, withResource(ecsStack(), reads, granted)), NAME, "mandatory", [
            `Role policy "web-exec-policy" statement 2 grants execution role "web-exec" ssm:GetParameters on arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/other, which no task definition using the role reads; remove it from the policy.`,
        ]);
    });

    it("GIVEN an explicit Deny on the secret THEN it is not granted", async () => {
        const stack = withResource(ecsStack(), rolePolicy(doc(
            { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: SECRET_ARN },
            { Effect: "Deny", Action: "secretsmanager:*", Resource: SECRET_ARN },
        )));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [missing("DATABASE_PASSWORD", SECRET_ARN)]);
    });

    it("GIVEN the grant in an attached aws.iam.Policy or in Role.inlinePolicies THEN found", async () => {
        const policyArn = `arn:aws:iam::${ACCOUNT}:policy/web-secrets`;
        const attached = withResource(
            ecsStack(),
            rolePolicy(executionPolicy([])),
            resourceOf(IAM_POLICY, "web-secrets", { policy: doc({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: SECRET_ARN }) }, { arn: policyArn }),
            resourceOf(ROLE_POLICY_ATTACHMENT, "exec-secrets", { role: "web-exec", policyArn }),
        );
        assertViolations(await evaluate(policy, attached), NAME, "mandatory", []);

        const inline = withResource(
            ecsStack(),
            rolePolicy(executionPolicy([])),
            resourceOf(ROLE, "web-exec", { inlinePolicies: [{ name: "secrets", policy: executionPolicy([SECRET_ARN, OTHER_SECRET]) }] }, { arn: EXEC_ROLE_ARN, id: "web-exec" }),
        );
        assertViolations(await evaluate(policy, inline), NAME, "mandatory", [
            `Inline policy "secrets" of role "web-exec" statement 4 ("Secrets") grants execution role "web-exec" secretsmanager:GetSecretValue on ${OTHER_SECRET}, which no task definition using the role reads; remove it from the policy.`,
        ]);
    });

    it("GIVEN the role refers to the RolePolicy by URN (a Role resource passed as input) THEN matched", async () => {
        const role = ecsStack().find(r => r.name === "web-exec" && r.type === ROLE)!;
        const stack = withResource(ecsStack(), resourceOf(ROLE_POLICY, "web-exec-policy", { role: role.urn, policy: executionPolicy([]) }));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [missing("DATABASE_PASSWORD", SECRET_ARN)]);
    });

    it("GIVEN a customer-managed policy attached from outside the stack THEN missing grants are not reported, excess still is", async () => {
        const stack = withResource(
            ecsStack(),
            rolePolicy(executionPolicy([OTHER_SECRET])),
            resourceOf(ROLE_POLICY_ATTACHMENT, "exec-external", { role: "web-exec", policyArn: `arn:aws:iam::${ACCOUNT}:policy/shared-secrets` }),
        );
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            `Role policy "web-exec-policy" statement 4 ("Secrets") grants execution role "web-exec" secretsmanager:GetSecretValue on ${OTHER_SECRET}, which no task definition using the role reads; remove it from the policy.`,
        ]);
    });

    it("GIVEN an execution role outside the stack, or a role without policies in the stack THEN skipped silently", async () => {
        const external = withResource(ecsStack(), stackTaskDefinition([baselineContainer()], { executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/shared-exec` }));
        assertViolations(await evaluate(policy, external), NAME, "mandatory", []);
        const bare = ecsStack().filter(r => r.type !== ROLE_POLICY);
        assertViolations(await evaluate(policy, bare), NAME, "mandatory", []);
    });

    it("GIVEN two task definitions sharing the role THEN the grant must cover both and nothing else", async () => {
        const second = resourceOf(TD, "worker", { family: "worker", containerDefinitions: JSON.stringify([webWith({ secrets: [{ name: "API_KEY", valueFrom: OTHER_SECRET }] })]) }, { arn: TASK_DEFINITION_ARN.replace("web:3", "worker:1") });
        assertViolations(await evaluate(policy, withResource(ecsStack(), second, rolePolicy(executionPolicy([SECRET_ARN, OTHER_SECRET])))), NAME, "mandatory", []);
        assertViolations(await evaluate(policy, withResource(ecsStack(), second)), NAME, "mandatory", [
            `Task definition "worker" gives container "web" secret "API_KEY" from ${OTHER_SECRET}, but its execution role "web-exec" is not granted secretsmanager:GetSecretValue on that secret; add the ARN to the role's policy.`,
        ]);
    });

    it("GIVEN a task definition using the role that cannot be read fully THEN excess grants are not judged", async () => {
        const bareName = readsSecrets({ name: "DATABASE_PASSWORD", valueFrom: SECRET_ARN }, { name: "X", valueFrom: "web/x" });
        const stack = withResource(ecsStack(), bareName, rolePolicy(executionPolicy([SECRET_ARN, OTHER_SECRET])));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });

    it("GIVEN NotResource with a secret action THEN reported as too broad", async () => {
        const stack = withResource(ecsStack(), rolePolicy(doc(
            { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: SECRET_ARN },
            { Effect: "Allow", Action: "secretsmanager:GetSecretValue", NotResource: OTHER_SECRET },
        )));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            `Role policy "web-exec-policy" statement 2 grants execution role "web-exec" secretsmanager:GetSecretValue on every resource not in "NotResource"; grant it only on the secrets its task definitions read (${SECRET_ARN}).`,
        ]);
    });

    it("GIVEN a task definition that reads no secrets and a leftover grant THEN the grant is reported", async () => {
        const stack = withResource(ecsStack(), readsSecrets());
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            `Role policy "web-exec-policy" statement 4 ("Secrets") grants execution role "web-exec" secretsmanager:GetSecretValue on ${SECRET_ARN}, which no task definition using the role reads; remove it from the policy.`,
        ]);
    });

    it("GIVEN a mixed statement with non-secret ARNs THEN only secret ARNs are judged", async () => {
        const stack = withResource(ecsStack(), rolePolicy(doc({ Effect: "Allow", Action: "*", Resource: [SECRET_ARN, "arn:aws:s3:::bucket/*"] })));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });

    describe("evasion: wildcards beyond the 6-character suffix, and roles named other ways", () => {
        const base = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:web/db-password`;
        for (const wide of [`${base}-*`, `${base}*`, `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:web/*`, `${base.replace("password", "pass??rd")}-??????`]) {
            it(`GIVEN GetSecretValue on ${wide.slice(base.indexOf("secret:"))} THEN reported: it matches more than the secret read`, async () => {
                const stack = withResource(ecsStack(), rolePolicy(doc({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: wide })));
                assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
                    `Role policy "web-exec-policy" statement 1 grants execution role "web-exec" secretsmanager:GetSecretValue on "${wide}", whose wildcard matches more than the secrets it names ` +
                        `(only "-??????", for the suffix Secrets Manager appends, is needed); grant it only on the secrets its task definitions read (${SECRET_ARN}).`,
                ]);
            });
        }

        it("GIVEN GetSecretValue on the secret name with -?????? THEN no violation", async () => {
            const stack = withResource(ecsStack(), rolePolicy(doc({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: `${base}-??????` })));
            assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
        });

        it("GIVEN an SSM grant on a parameter path wildcard THEN reported", async () => {
            const stack = withResource(
                ecsStack(),
                readsSecrets({ name: "DATABASE_PASSWORD", valueFrom: SECRET_ARN }, { name: "FEATURE_KEY", valueFrom: PARAMETER }),
                rolePolicy(doc({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: SECRET_ARN }, { Effect: "Allow", Action: "ssm:GetParameters", Resource: `${PARAMETER.replace("feature-key", "*")}` })),
            );
            assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
                `Role policy "web-exec-policy" statement 2 grants execution role "web-exec" ssm:GetParameters on "${PARAMETER.replace("feature-key", "*")}", whose wildcard matches more than the parameters it names; grant it only on the parameters its task definitions read (${PARAMETER}).`,
            ]);
        });

        for (const [label, reference] of [
            ["by name", "web-exec"],
            ["by name in another case", "WEB-EXEC"],
            ["by an ARN with a path", `arn:aws:iam::${ACCOUNT}:role/service/web-exec`],
        ] as const) {
            it(`GIVEN the role policy naming the execution role ${label} THEN its broad grant is still followed to the role`, async () => {
                const stack = withResource(
                    ecsStack(),
                    resourceOf(ROLE_POLICY, "web-exec-policy", { role: reference, policy: doc({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }) }),
                );
                assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
                    `Role policy "web-exec-policy" statement 1 grants execution role "web-exec" secretsmanager:GetSecretValue on "*"; grant it only on the secrets its task definitions read (${SECRET_ARN}).`,
                ]);
            });
        }

        it("GIVEN a role policy naming the role by an ARN of another account THEN it is not that role's", async () => {
            const stack = withResource(
                ecsStack(),
                resourceOf(ROLE_POLICY, "web-exec-policy", { role: "arn:aws:iam::999999999999:role/web-exec", policy: doc({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }) }),
            );
            assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
        });

        it("GIVEN the task definition naming its execution role by short name THEN the role is found and its grants checked", async () => {
            const stack = withResource(
                ecsStack(),
                stackTaskDefinition([baselineContainer()], { executionRoleArn: "web-exec" }),
                rolePolicy(doc({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" })),
            );
            assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
                `Role policy "web-exec-policy" statement 1 grants execution role "web-exec" secretsmanager:GetSecretValue on "*"; grant it only on the secrets its task definitions read (${SECRET_ARN}).`,
            ]);
        });
    });
});
