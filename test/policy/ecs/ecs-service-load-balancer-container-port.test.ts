import { ecsServiceLoadBalancerContainerPort as policy } from "../../../policy/ecs/ecs-service-load-balancer-container-port";
import {
    assertViolations,
    baseline,
    baselineContainer,
    ecsStack,
    evaluate,
    resourceOf,
    SERVICE,
    stackTaskDefinition,
    TARGET_GROUP_ARN,
    TASK_SET,
    webWith,
    withResource,
} from "../baselines/ecs";

const NAME = "ecs-service-load-balancer-container-port";
const lb = (containerName: unknown, containerPort: unknown) => ({ loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName, containerPort }] });

describe(NAME, () => {
    it("GIVEN the baseline stack (web:8080) and a task set routing to it THEN no violation", async () => {
        assertViolations(await evaluate(policy, withResource(ecsStack(), resourceOf(TASK_SET, "blue"))), NAME, "mandatory", []);
    });

    it("GIVEN a container name the task definition does not define THEN the defined names are listed", async () => {
        const stack = withResource(ecsStack(), resourceOf(SERVICE, "web", lb("api", 8080)));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'Service "web" loadBalancers[0] routes to container "api", which task definition "web" does not define; set containerName to one of "web".',
        ]);
    });

    it("GIVEN a port the container does not map THEN the mapped ports are listed", async () => {
        const stack = withResource(ecsStack(), resourceOf(SERVICE, "web", lb("web", "80")));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'Service "web" loadBalancers[0] sends traffic to port 80 of container "web", which has no port mapping for it (it maps 8080); set containerPort to a mapped port or add the port mapping.',
        ]);
    });

    it("GIVEN a container without port mappings, in a task set THEN reported", async () => {
        const td = stackTaskDefinition([webWith({ portMappings: undefined })]);
        const stack = withResource(ecsStack(), td, resourceOf(SERVICE, "web", { loadBalancers: [] }), resourceOf(TASK_SET, "blue"));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'Task set "blue" loadBalancers[0] sends traffic to port 8080 of container "web", which has no port mapping for it (it maps no ports); set containerPort to a mapped port or add the port mapping.',
        ]);
    });

    it("GIVEN entries without a container name or port THEN left to the resource-level ecs-service-load-balancer-target-complete", async () => {
        const stack = withResource(ecsStack(), resourceOf(SERVICE, "web", { loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN }, { containerName: "web" }] }));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });

    it("GIVEN two containers THEN the one named is checked", async () => {
        const proxy = { ...baselineContainer(), name: "proxy", portMappings: [{ containerPort: 9000 }] };
        const stack = withResource(ecsStack(), stackTaskDefinition([baselineContainer(), proxy]), resourceOf(SERVICE, "web", lb("proxy", 9000)));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
        const wrong = withResource(stack, resourceOf(SERVICE, "web", lb("nginx", 9000)));
        assertViolations(await evaluate(policy, wrong), NAME, "mandatory", [
            'Service "web" loadBalancers[0] routes to container "nginx", which task definition "web" does not define; set containerName to one of "web" or "proxy".',
        ]);
    });

    it("GIVEN a task definition outside the stack THEN skipped", async () => {
        const stack = withResource(ecsStack(), resourceOf(SERVICE, "web", { ...lb("api", 1), taskDefinition: `${baseline(SERVICE).taskDefinition}0` }));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });
});
