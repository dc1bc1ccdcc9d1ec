import { ecsServiceLoadBalancerTargetComplete as policy } from "../../../policy/ecs/ecs-service-load-balancer-target-complete";
import { assertViolations, evaluate, resourceOf, SERVICE, TARGET_GROUP_ARN, TASK_SET } from "../baselines/ecs";

const NAME = "ecs-service-load-balancer-target-complete";

describe(NAME, () => {
    it("GIVEN the baseline service and task set, a service without load balancer, a Classic ELB entry THEN no violation", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "web"),
            resourceOf(TASK_SET, "blue"),
            resourceOf(SERVICE, "worker", { loadBalancers: undefined }),
            resourceOf(SERVICE, "classic", { loadBalancers: [{ elbName: "legacy", containerName: "web", containerPort: "8080" }] }),
        ]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN entries without target, container name or port (the service alone shows it) THEN each reported before creation", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "web", { loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN }, { containerName: "web", containerPort: 8080 }, "web:8080"] }),
            resourceOf(TASK_SET, "blue", { loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName: "web", containerPort: "http" }] }),
        ]);
        assertViolations(result, NAME, "mandatory", [
            'Service "web" loadBalancers[0] names no containerName; set it to the container of the task definition that serves the traffic.',
            'Service "web" loadBalancers[0] sets no numeric containerPort; set it to the port that container listens on.',
            'Service "web" loadBalancers[1] names no target group; set targetGroupArn to the target group that should receive the traffic.',
            'Service "web" loadBalancers[2] is not an object; give it targetGroupArn, containerName and containerPort.',
            'Task set "blue" loadBalancers[0] sets no numeric containerPort; set it to the port that container listens on.',
        ]);
    });
});
