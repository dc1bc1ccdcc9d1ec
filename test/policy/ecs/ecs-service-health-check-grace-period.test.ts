import * as assert from "node:assert/strict";
import { ecsServiceHealthCheckGracePeriod as policy } from "../../../policy/ecs/ecs-service-health-check-grace-period";
import { UNKNOWN } from "../../../harness/serialisation";
import {
    assertViolations,
    baselineContainer,
    ecsStack,
    evaluate,
    resourceOf,
    SERVICE,
    stackTaskDefinition,
    TASK_DEFINITION_ARN,
    webWith,
    withResource,
} from "../baselines/ecs";

const NAME = "ecs-service-health-check-grace-period";
const withStart = (startPeriod: unknown) => webWith({ healthCheck: { ...baselineContainer().healthCheck, startPeriod } });

describe(NAME, () => {
    it("GIVEN the baseline stack (grace 60 ≥ startPeriod 30) THEN no violation", async () => {
        assertViolations(await evaluate(policy, ecsStack()), NAME, "mandatory", []);
    });

    it("GIVEN a grace period shorter than the start period THEN reported on the service", async () => {
        const stack = withResource(ecsStack(), resourceOf(SERVICE, "web", { healthCheckGracePeriodSeconds: 20 }));
        const result = await evaluate(policy, stack);
        assertViolations(result, NAME, "mandatory", [
            'Service "web" is behind a load balancer with healthCheckGracePeriodSeconds 20, shorter than the 30-second health check startPeriod of container "web" in task definition "web"; set healthCheckGracePeriodSeconds to at least 30.',
        ]);
        assert.equal(result.diagnostics[0].urn, stack.find(r => r.type === SERVICE)?.urn);
    });

    it("GIVEN no grace period (ECS default 0) THEN reported", async () => {
        const stack = withResource(ecsStack(), resourceOf(SERVICE, "web", { healthCheckGracePeriodSeconds: undefined }));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'Service "web" is behind a load balancer with healthCheckGracePeriodSeconds 0, shorter than the 30-second health check startPeriod of container "web" in task definition "web"; set healthCheckGracePeriodSeconds to at least 30.',
        ]);
    });

    it("GIVEN several essential containers THEN the longest start period counts; non-essential ones do not", async () => {
        const slow = { ...withStart(120), name: "worker" };
        const sidecar = { ...withStart(300), name: "xray", essential: false };
        const stack = withResource(ecsStack(), stackTaskDefinition([withStart(30), slow, sidecar]));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'Service "web" is behind a load balancer with healthCheckGracePeriodSeconds 60, shorter than the 120-second health check startPeriod of container "worker" in task definition "web"; set healthCheckGracePeriodSeconds to at least 120.',
        ]);
    });

    it("GIVEN a service without load balancers, or containers without a start period THEN no violation", async () => {
        const noLb = withResource(ecsStack(), resourceOf(SERVICE, "web", { loadBalancers: [], healthCheckGracePeriodSeconds: undefined }));
        assertViolations(await evaluate(policy, noLb), NAME, "mandatory", []);
        const noStart = withResource(ecsStack(), stackTaskDefinition([withStart(undefined)]), resourceOf(SERVICE, "web", { healthCheckGracePeriodSeconds: undefined }));
        assertViolations(await evaluate(policy, noStart), NAME, "mandatory", []);
    });

    it("GIVEN a task definition not in the stack or not parseable THEN skipped silently", async () => {
        const elsewhere = withResource(ecsStack(), resourceOf(SERVICE, "web", { taskDefinition: "arn:aws:ecs:eu-west-1:123456789012:task-definition/other:1", healthCheckGracePeriodSeconds: 0 }));
        assertViolations(await evaluate(policy, elsewhere), NAME, "mandatory", []);
        const malformed = withResource(ecsStack(), stackTaskDefinition([], { containerDefinitions: "{" }), resourceOf(SERVICE, "web", { healthCheckGracePeriodSeconds: 0 }));
        assertViolations(await evaluate(policy, malformed), NAME, "mandatory", []);
    });

    it("GIVEN the service names its task definition by family THEN it is resolved", async () => {
        const stack = withResource(ecsStack(), resourceOf(SERVICE, "web", { taskDefinition: "web", healthCheckGracePeriodSeconds: 10 }));
        assert.equal((await evaluate(policy, stack)).diagnostics.length, 1);
        assert.ok(TASK_DEFINITION_ARN.endsWith(":3"));
        const byRevision = withResource(ecsStack(), resourceOf(SERVICE, "web", { taskDefinition: "web:3", healthCheckGracePeriodSeconds: 10 }));
        assert.equal((await evaluate(policy, byRevision)).diagnostics.length, 1);
    });

    it("GIVEN the task definition reference unknown during preview THEN the engine's advisory note", async () => {
        const stack = withResource(ecsStack(), resourceOf(SERVICE, "web", { taskDefinition: UNKNOWN }));
        const result = await evaluate(policy, stack);
        assert.equal(result.diagnostics.length, 1);
        assert.equal(result.diagnostics[0].enforcementLevel, "advisory");
        assert.match(result.diagnostics[0].detail, /^can't run policy/);
    });
});
