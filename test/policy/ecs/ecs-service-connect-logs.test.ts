import { ecsServiceConnectLogs as policy } from "../../../policy/ecs/ecs-service-connect-logs";
import { fixture, withPath } from "../../../harness/fixtures";
import { SERVICE, assertViolations, baseline, evaluate } from "../baselines/ecs";

const connect = {
    enabled: true,
    namespace: "web.local",
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "connect" } },
    services: [{ portName: "http", clientAlias: [{ port: 8080 }] }],
};
const service = (path?: string, value?: unknown) =>
    fixture(SERVICE, "web", { ...baseline(SERVICE), serviceConnectConfiguration: path ? withPath(connect, path, value) : structuredClone(connect) });
const MESSAGE =
    "serviceConnectConfiguration has no logConfiguration with a logDriver, so the Service Connect proxy's logs are lost; " +
    'set logConfiguration to { logDriver: "awslogs", options: { "awslogs-group": …, "awslogs-region": …, "awslogs-stream-prefix": … } }.';

describe("ecs-service-connect-logs (catalog #2 for the Service Connect proxy)", () => {
    it("GIVEN Service Connect with a log driver, turned off, or absent THEN nothing is reported", async () => {
        const result = await evaluate(policy, [service(), service("enabled", false), fixture(SERVICE, "plain", baseline(SERVICE))]);
        assertViolations(result, policy.name, "advisory", []);
    });

    it("GIVEN Service Connect on without logConfiguration, or with an empty log driver THEN it is reported", async () => {
        for (const [path, value] of [["logConfiguration", undefined], ["logConfiguration.logDriver", ""], ["logConfiguration", "awslogs"]] as const) {
            const result = await evaluate(policy, [service(path, value)]);
            assertViolations(result, policy.name, "advisory", [MESSAGE]);
        }
    });

    it("GIVEN Service Connect off THEN a missing log configuration is not reported", async () => {
        const result = await evaluate(policy, [withPath(service("logConfiguration", undefined), "inputs.serviceConnectConfiguration.enabled", false)]);
        assertViolations(result, policy.name, "advisory", []);
    });
});
