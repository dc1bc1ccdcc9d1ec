import { ecsTaskDefinitionNoAddedCapabilities as policy } from "../../../policy/ecs/ecs-task-definition-no-added-capabilities";
import { assertViolations, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-no-added-capabilities";
const withAdded = (add: unknown) => taskDefinitionWith([webWith({ linuxParameters: { capabilities: { add, drop: ["ALL"] } } })]);

describe(NAME, () => {
    it("GIVEN the baseline, only dropped capabilities, or an empty add list THEN no violation", async () => {
        const dropOnly = taskDefinitionWith([webWith({ linuxParameters: { capabilities: { drop: ["ALL"] }, initProcessEnabled: true } })]);
        assertViolations(await evaluate(policy, [resourceOf(TD, "web"), dropOnly, withAdded([])]), NAME, "mandatory", []);
    });

    it("GIVEN SYS_ADMIN, cap_net_admin and ALL THEN one violation naming them, with why they are severe", async () => {
        assertViolations(await evaluate(policy, [withAdded(["SYS_ADMIN", "cap_net_admin", "ALL", "SYS_ADMIN"])]), NAME, "mandatory", [
            'Container "web" adds Linux capabilities "SYS_ADMIN", "NET_ADMIN" and "ALL" in linuxParameters.capabilities.add ("SYS_ADMIN", "NET_ADMIN" and "ALL" give a compromised container control of the host); remove them, or list what you truly need in this policy\'s allowedCapabilities.',
        ]);
    });

    it("GIVEN SYS_PTRACE (what Fargate accepts) THEN still reported, unless allowed", async () => {
        assertViolations(await evaluate(policy, [withAdded(["SYS_PTRACE"])]), NAME, "mandatory", [
            'Container "web" adds Linux capability "SYS_PTRACE" in linuxParameters.capabilities.add; remove it, or list what you truly need in this policy\'s allowedCapabilities.',
        ]);
        assertViolations(await evaluate(policy, [withAdded(["CAP_SYS_PTRACE"])], { [NAME]: { allowedCapabilities: ["sys_ptrace"] } }), NAME, "mandatory", []);
    });

    it("GIVEN seccomp or AppArmor turned off THEN reported", async () => {
        const td = taskDefinitionWith([webWith({ dockerSecurityOptions: ["no-new-privileges", "seccomp:unconfined", "apparmor=unconfined"] })]);
        assertViolations(await evaluate(policy, [td]), NAME, "mandatory", [
            'Container "web" turns off its seccomp confinement in dockerSecurityOptions; remove the "unconfined" option.',
            'Container "web" turns off its apparmor confinement in dockerSecurityOptions; remove the "unconfined" option.',
        ]);
    });
});
