import * as assert from "node:assert/strict";
import { ecsTaskDefinitionContainerHealthCheck as policy } from "../../../policy/ecs/ecs-task-definition-container-health-check";
import { assertViolations, baselineContainer, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-container-health-check";
const COMMAND_FIX = 'set healthCheck.command to ["CMD", "<executable>", …] or ["CMD-SHELL", "<command>"].';
const withHealthCheck = (healthCheck: unknown) => webWith({ healthCheck });

describe(NAME, () => {
    it("GIVEN the baseline THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "mandatory", []);
    });

    it("GIVEN an essential container (explicitly or by default) without a health check THEN reported", async () => {
        const implicit = { ...webWith({ healthCheck: undefined, essential: undefined }), name: "implicit" };
        const result = await evaluate(policy, [taskDefinitionWith([webWith({ healthCheck: undefined }), implicit])]);
        const message = (name: string) =>
            `Container "${name}" is essential but has no health check; add healthCheck.command (e.g. ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]).`;
        assertViolations(result, NAME, "mandatory", [message("web"), message("implicit")]);
    });

    it("GIVEN a non-essential sidecar without a health check THEN no violation", async () => {
        const sidecar = { ...webWith({ healthCheck: undefined, essential: false }), name: "xray" };
        assertViolations(await evaluate(policy, [taskDefinitionWith([baselineContainer(), sidecar])]), NAME, "mandatory", []);
    });

    const commands: [string, unknown, string][] = [
        ["missing", undefined, "has a health check without a command"],
        ["empty", [], "has a health check without a command"],
        ['only "CMD"', ["CMD"], 'has a health check command with nothing to run after "CMD"'],
        ['"CMD-SHELL" and a blank', ["CMD-SHELL", " "], 'has a health check command with nothing to run after "CMD-SHELL"'],
        ["NONE", ["NONE"], "disables its health check with NONE"],
        ["an empty first element", ["", "x"], "has a health check command that starts with an empty string"],
    ];
    for (const [label, command, problem] of commands) {
        it(`GIVEN a health check command ${label} THEN reported`, async () => {
            const result = await evaluate(policy, [taskDefinitionWith([withHealthCheck({ command, interval: 15 })])]);
            assertViolations(result, NAME, "mandatory", [`Container "web" ${problem}; ${COMMAND_FIX}`]);
        });
    }

    it("GIVEN timings outside what ECS accepts THEN one violation per timing", async () => {
        const hc = { command: ["CMD", "node", "healthcheck.js"], interval: 2, timeout: 200, retries: 0, startPeriod: 301 };
        const result = await evaluate(policy, [taskDefinitionWith([withHealthCheck(hc)])]);
        assertViolations(result, NAME, "mandatory", [
            'Container "web" has healthCheck.interval 2; ECS accepts an integer from 5 to 300.',
            'Container "web" has healthCheck.timeout 200; ECS accepts an integer from 2 to 120.',
            'Container "web" has healthCheck.retries 0; ECS accepts an integer from 1 to 10.',
            'Container "web" has healthCheck.startPeriod 301; ECS accepts an integer from 0 to 300.',
        ]);
    });

    it("GIVEN timings or a command of a JSON type the provider refuses THEN left to ecs-task-definition-container-definitions-valid", async () => {
        const command = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"];
        for (const hc of [{ command, interval: "30" }, { command, startPeriod: "soon" }, { command: "curl localhost" }, { command: ["CMD", 42] }]) {
            const result = await evaluate(policy, [taskDefinitionWith([withHealthCheck(hc)])]);
            assertViolations(result, NAME, "mandatory", []);
        }
    });

    it("GIVEN a non-essential container with a broken health check THEN the health check is still checked", async () => {
        const sidecar = { ...webWith({ essential: false, healthCheck: { command: [] } }), name: "xray" };
        const result = await evaluate(policy, [taskDefinitionWith([baselineContainer(), sidecar])]);
        assertViolations(result, NAME, "mandatory", [`Container "xray" has a health check without a command; ${COMMAND_FIX}`]);
    });

    for (const command of [
        ["CMD-SHELL", "curl -f http://localhost:8080/health || true"],
        ["CMD-SHELL", "curl -f http://localhost:8080/health; exit 0"],
        ["CMD-SHELL", "exit 0"],
        ["CMD", "true"],
    ]) {
        it(`GIVEN a health check that cannot fail ${JSON.stringify(command)} THEN reported`, async () => {
            const result = await evaluate(policy, [taskDefinitionWith([webWith({ healthCheck: { command, interval: 15, timeout: 5, retries: 3 } })])]);
            assert.equal(result.diagnostics.length, 1);
            assert.match(result.diagnostics[0].detail, /^Container "web" has a health check that cannot fail \(it always exits 0 because of "[^"]+"\), so ECS never replaces a hung container; make the command exit non-zero/);
        });
    }

    it('GIVEN a check that fails when the service does ("|| exit 1") THEN no violation', async () => {
        const healthCheck = { command: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], interval: 15, timeout: 5, retries: 3 };
        assertViolations(await evaluate(policy, [taskDefinitionWith([webWith({ healthCheck })])]), NAME, "mandatory", []);
    });
});
