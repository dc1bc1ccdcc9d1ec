import * as assert from "node:assert/strict";
import { secretsSecretRotation as policy } from "../../../policy/secrets/secrets-secret-rotation";
import { assertViolations, ecsStack, evaluate, resourceOf, SECRET, SECRET_ARN, SECRET_ROTATION, withResource } from "../baselines/ecs";

const NAME = "secrets-secret-rotation";
const rotation = (overrides: Record<string, unknown>) => resourceOf(SECRET_ROTATION, "db-password-rotation", overrides);
const NEVER = 'Secret "db-password" is never rotated; add an aws.secretsmanager.SecretRotation with rotationRules.automaticallyAfterDays of at most 90, or list it in exemptSecrets if it cannot be rotated.';

describe(NAME, () => {
    it("GIVEN the baseline stack (rotation every 30 days by secret ARN) THEN no violation", async () => {
        assertViolations(await evaluate(policy, ecsStack()), NAME, "advisory", []);
    });

    it("GIVEN a secret without rotation THEN reported on the secret", async () => {
        const stack = ecsStack().filter(r => r.type !== SECRET_ROTATION);
        const result = await evaluate(policy, stack);
        assertViolations(result, NAME, "advisory", [NEVER]);
        assert.equal(result.diagnostics[0].urn, stack.find(r => r.type === SECRET)?.urn);
    });

    it("GIVEN the secret exempted by logical or secret name THEN no violation", async () => {
        const stack = ecsStack().filter(r => r.type !== SECRET_ROTATION);
        assertViolations(await evaluate(policy, stack, { [NAME]: { exemptSecrets: ["db-password"] } }), NAME, "advisory", []);
        assertViolations(await evaluate(policy, stack, { [NAME]: { exemptSecrets: ["web/db-password"] } }), NAME, "advisory", []);
    });

    it("GIVEN a rotation naming the secret by URN (resource passed as input) THEN matched", async () => {
        const secretUrn = ecsStack().find(r => r.type === SECRET)!.urn;
        assertViolations(await evaluate(policy, withResource(ecsStack(), rotation({ secretId: secretUrn }))), NAME, "advisory", []);
    });

    it("GIVEN a rotation interval above 90 days, as days or a rate THEN reported on the rotation", async () => {
        const days = await evaluate(policy, withResource(ecsStack(), rotation({ rotationRules: { automaticallyAfterDays: 180 } })));
        assertViolations(days, NAME, "advisory", [
            'Secret rotation "db-password-rotation" rotates every 180 days; set rotationRules.automaticallyAfterDays to at most 90.',
        ]);
        const rate = await evaluate(policy, withResource(ecsStack(), rotation({ rotationRules: { scheduleExpression: "rate(120 days)" } })));
        assertViolations(rate, NAME, "advisory", [
            'Secret rotation "db-password-rotation" rotates every 120 days; set rotationRules.automaticallyAfterDays to at most 90.',
        ]);
    });

    it("GIVEN rate in hours or a cron schedule THEN accepted", async () => {
        for (const scheduleExpression of ["rate(12 hours)", "cron(0 16 1,15 * ? *)"]) {
            assertViolations(await evaluate(policy, withResource(ecsStack(), rotation({ rotationRules: { scheduleExpression } }))), NAME, "advisory", []);
        }
    });

    it("GIVEN no schedule, or rotation disabled THEN reported", async () => {
        assertViolations(await evaluate(policy, withResource(ecsStack(), rotation({ rotationRules: undefined }))), NAME, "advisory", [
            'Secret rotation "db-password-rotation" has no rotation schedule; set rotationRules.automaticallyAfterDays to at most 90.',
        ]);
        assertViolations(await evaluate(policy, withResource(ecsStack(), rotation({ rotationEnabled: false }))), NAME, "advisory", [
            'Secret rotation "db-password-rotation" has rotationEnabled false; set it to true (or remove it) so the secret rotates.',
        ]);
    });

    it("GIVEN a stricter maximum THEN it is applied", async () => {
        const result = await evaluate(policy, ecsStack(), { [NAME]: { enforcementLevel: "mandatory", maximumRotationDays: 7 } });
        assertViolations(result, NAME, "mandatory", [
            'Secret rotation "db-password-rotation" rotates every 30 days; set rotationRules.automaticallyAfterDays to at most 7.',
        ]);
        assert.ok(SECRET_ARN);
    });
});
