import * as assert from "node:assert/strict";
import { ecsTaskDefinitionNoContainerRuntimeSocket as policy, exposedRuntimeSocket } from "../../../policy/ecs/ecs-task-definition-no-container-runtime-socket";
import { assertViolations, baselineContainer, evaluate, resourceOf, TD } from "../baselines/ecs";

const NAME = "ecs-task-definition-no-container-runtime-socket";
const FIX = "that gives its containers control of the host, so remove the volume.";
const mounting = (volume: string) => JSON.stringify([{ ...baselineContainer(), mountPoints: [{ sourceVolume: volume, containerPath: "/var/run/docker.sock" }] }]);

describe(NAME, () => {
    it("GIVEN the baseline (an EFS volume) and ordinary host paths THEN no violation", async () => {
        const volumes = [{ name: "data", hostPath: "/data/web" }, { name: "tmp", host: { sourcePath: "/tmp" } }, { name: "scratch" }];
        assertViolations(await evaluate(policy, [resourceOf(TD, "web"), resourceOf(TD, "ec2", { volumes })]), NAME, "mandatory", []);
    });

    it("GIVEN the Docker socket by hostPath, mounted by a container THEN reported naming the container", async () => {
        const td = resourceOf(TD, "web", { volumes: [{ name: "docker", hostPath: "/var/run/docker.sock" }], containerDefinitions: mounting("docker") });
        assertViolations(await evaluate(policy, [td]), NAME, "mandatory", [
            `Volume "docker" binds the container runtime socket "/var/run/docker.sock", mounted by container "web"; ${FIX}`,
        ]);
    });

    it("GIVEN the ECS API's host.sourcePath, a parent directory, the containerd socket, a bind-mount Docker volume THEN each reported", async () => {
        const volumes = [
            { name: "a", host: { sourcePath: "/run/containerd/containerd.sock" } },
            { name: "b", hostPath: "//var/lib/../../run/./docker.sock/" },
            { name: "c", hostPath: "/" },
            { name: "d", dockerVolumeConfiguration: { driver: "local", driverOpts: { type: "none", o: "bind", device: "/var/run/docker.sock" } } },
        ];
        assertViolations(await evaluate(policy, [resourceOf(TD, "web", { volumes })]), NAME, "mandatory", [
            `Volume "a" binds the container runtime socket "/run/containerd/containerd.sock"; ${FIX}`,
            `Volume "b" binds host path "//var/lib/../../run/./docker.sock/", which holds the container runtime socket "/run/docker.sock"; ${FIX}`,
            `Volume "c" binds host path "/", which holds the container runtime socket "/var/run/docker.sock"; ${FIX}`,
            `Volume "d" binds the container runtime socket "/var/run/docker.sock"; ${FIX}`,
        ]);
    });

    it("exposedRuntimeSocket: sockets and their directories, not their siblings", () => {
        assert.equal(exposedRuntimeSocket("/var/run/docker.sock/"), "/var/run/docker.sock");
        assert.equal(exposedRuntimeSocket("/var/run"), "/var/run/docker.sock");
        assert.equal(exposedRuntimeSocket("/var/lib/docker/volumes"), undefined);
        assert.equal(exposedRuntimeSocket("/var/lib/docker"), "/var/lib/docker");
        assert.equal(exposedRuntimeSocket("/var/runner"), undefined);
        assert.equal(exposedRuntimeSocket("/run/crio"), "/run/crio/crio.sock");
    });
});
