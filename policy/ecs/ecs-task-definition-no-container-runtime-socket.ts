import * as path from "node:path";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isNonEmptyString, isRecord, quoteList } from "../lib/coerce";
import { containerName, forEachContainer } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

/** Where container runtimes listen: whoever can write to one of these can start a privileged container. */
export const RUNTIME_SOCKETS = [
    "/var/run/docker.sock",
    "/run/docker.sock",
    "/var/run/containerd/containerd.sock",
    "/run/containerd/containerd.sock",
    "/var/run/crio/crio.sock",
    "/run/crio/crio.sock",
    "/var/run/podman/podman.sock",
    "/run/podman/podman.sock",
    "/var/run/cri-dockerd.sock",
    "/run/cri-dockerd.sock",
    "/var/lib/docker",
];

/**
 * The runtime socket a host path exposes: the socket itself, or a directory that contains one ("/",
 * "/var/run", "/run/containerd", …). Paths are normalised first, so "//var/run/../run/docker.sock/" counts.
 */
export function exposedRuntimeSocket(hostPath: string): string | undefined {
    const normalised = path.posix.normalize(`/${hostPath.trim()}`).replace(/(.)\/+$/, "$1");
    return RUNTIME_SOCKETS.find(socket => socket === normalised || socket.startsWith(normalised === "/" ? "/" : `${normalised}/`));
}

/** The host path a task-definition volume binds: `hostPath` (provider), `host.sourcePath` (ECS API) or a bind-mount Docker volume. */
function hostPathOf(volume: Record<string, any>): string | undefined {
    if (isNonEmptyString(volume.hostPath)) {
        return volume.hostPath;
    }
    if (isRecord(volume.host) && isNonEmptyString(volume.host.sourcePath)) {
        return volume.host.sourcePath;
    }
    const docker = volume.dockerVolumeConfiguration;
    const options = isRecord(docker) && isRecord(docker.driverOpts) ? docker.driverOpts : undefined;
    if (options && isNonEmptyString(options.device) && typeof options.o === "string" && /(^|,)\s*r?bind\s*(,|$)/.test(options.o)) {
        return options.device;
    }
    return undefined;
}

/**
 * Docker's CIS benchmark 5.31, Checkov CKV_K8S_27's equivalent for ECS. A task volume that binds the
 * container runtime's socket (or a directory holding it) from the host hands its containers the host:
 * through the Docker, containerd, CRI-O or Podman API they can start a privileged container. Reported per
 * volume, naming the containers that mount it. Fargate has no host volumes, but the same task definition
 * can run on EC2, and this is the first thing an attacker would add.
 */
export const ecsTaskDefinitionNoContainerRuntimeSocket: ResourceValidationPolicy = {
    name: "ecs-task-definition-no-container-runtime-socket",
    description: "Task definitions must not mount the container runtime's socket from the host.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        const volumes = asArray(props.volumes).filter(isRecord);
        const exposing = volumes
            .map(volume => ({ volume, hostPath: hostPathOf(volume) }))
            .map(v => ({ ...v, socket: v.hostPath !== undefined ? exposedRuntimeSocket(v.hostPath) : undefined }))
            .filter(v => v.socket !== undefined);
        if (exposing.length === 0) {
            return;
        }
        const mountedBy = new Map<string, string[]>();
        forEachContainer(props, (container, i) => {
            for (const mount of asArray(container.mountPoints)) {
                if (isRecord(mount) && typeof mount.sourceVolume === "string") {
                    mountedBy.set(mount.sourceVolume, [...(mountedBy.get(mount.sourceVolume) ?? []), containerName(container) ?? `#${i + 1}`]);
                }
            }
        });
        for (const { volume, hostPath, socket } of exposing) {
            const name = typeof volume.name === "string" ? volume.name : "(unnamed)";
            const containers = mountedBy.get(name) ?? [];
            const where = hostPath === socket ? `the container runtime socket "${socket}"` : `host path "${hostPath}", which holds the container runtime socket "${socket}"`;
            const by = containers.length > 0 ? `, mounted by container ${quoteList(containers)}` : "";
            report(`Volume "${name}" binds ${where}${by}; that gives its containers control of the host, so remove the volume.`);
        }
    }),
};
