import { secretsSecretDescription as policy } from "../../../policy/secrets/secrets-secret-description";
import { assertViolations, evaluate, resourceOf, SECRET } from "../baselines/ecs";

const NAME = "secrets-secret-description";

describe(NAME, () => {
    it("GIVEN a description (baseline) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SECRET, "db")]), NAME, "advisory", []);
    });

    for (const [label, description] of [["missing", undefined], ["blank", "  "], ["not a string", 42]] as const) {
        it(`GIVEN a description ${label} THEN reported`, async () => {
            assertViolations(await evaluate(policy, [resourceOf(SECRET, "db", { description })]), NAME, "advisory", [
                "description is empty; describe what the secret holds and which service reads it.",
            ]);
        });
    }
});
