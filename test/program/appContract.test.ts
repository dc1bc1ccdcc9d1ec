/**
 * What the task definition promises the image, held against what the image declares: a writable /tmp for
 * the configured user (Fargate bind mounts take the image directory's owner and mode only at a VOLUME
 * path), and the port and drain budget the app reads.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { shutdownBudgetSeconds } from "../../components/appEnvironment";
import { RecordedResource } from "../../harness/types";
import { containers, inputs, named, ofType, PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const P = "fargate-web";
/** Users of the official node image by name (the image's /etc/passwd). */
const IMAGE_USERS: Record<string, number> = { root: 0, node: 1000 };

interface Directory {
    owner: number;
    mode: number;
}

/** Instructions of the Dockerfile's last stage, continuation lines joined, comments dropped. */
function finalStage(dockerfile: string): Array<{ keyword: string; args: string }> {
    const lines = dockerfile.replace(/\\\n/g, " ").split("\n").map(l => l.trim()).filter(l => l && !l.startsWith("#"));
    const instructions = lines.map(l => {
        const [keyword, ...rest] = l.split(/\s+/);
        return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
    const lastFrom = instructions.map(i => i.keyword).lastIndexOf("FROM");
    return instructions.slice(lastFrom + 1);
}

/** Paths a VOLUME instruction declares (JSON or plain form). */
const volumePaths = (args: string): string[] => (args.startsWith("[") ? (JSON.parse(args) as string[]) : args.split(/\s+/));

/**
 * The owner and mode `dir` has where the image declares it a volume, following the chown/chmod commands of
 * RUN instructions before that VOLUME (the base image's /tmp is root 1777); undefined when no VOLUME names it.
 */
function declaredVolume(dockerfile: string, dir: string): Directory | undefined {
    const state: Directory = { owner: 0, mode: 0o1777 };
    for (const { keyword, args } of finalStage(dockerfile)) {
        if (keyword === "VOLUME" && volumePaths(args).includes(dir)) {
            return state;
        }
        if (keyword !== "RUN") continue;
        for (const command of args.split(/&&|;/).map(c => c.trim().split(/\s+/))) {
            if (command[command.length - 1] !== dir) continue;
            if (command[0] === "chown") state.owner = IMAGE_USERS[command[1].split(":")[0]] ?? Number(command[1].split(":")[0]);
            if (command[0] === "chmod") state.mode = parseInt(command[1], 8);
        }
    }
    return undefined;
}

/** Whether `uid` may create files in a directory with this owner and mode (root aside). */
const canWrite = (d: Directory, uid: number): boolean => (d.owner === uid ? (d.mode & 0o200) !== 0 : (d.mode & 0o002) !== 0);

const dockerfileOf = (folder: string): string => fs.readFileSync(path.join(PROJECT_DIR, folder, "Dockerfile"), "utf8");
const DOCKERFILE = dockerfileOf("app");
/** Each service's image by the folder it is built from (`appPath`): web from app/, dev's worker from worker/. */
const DOCKERFILES: Record<string, string> = { web: DOCKERFILE, worker: dockerfileOf("worker") };
const envOf = (container: Record<string, any>): Record<string, string> =>
    Object.fromEntries((container.environment as Array<{ name: string; value: string }>).map(e => [e.name, e.value]));

/** The task's one mount is a writable bind mount at a path `dockerfile` declares with VOLUME, writable by the task's user. */
function assertWritableTmp(td: RecordedResource, dockerfile: string, service: string): void {
    const [container] = containers(td);
    assert.equal(container.readonlyRootFilesystem, true);
    const mounts = container.mountPoints as Array<{ sourceVolume: string; containerPath: string; readOnly: boolean }>;
    assert.equal(mounts.length, 1);
    const [mount] = mounts;
    assert.equal(mount.readOnly, false);
    // A bind mount: a named volume with no host path, EFS or Docker volume configuration.
    assert.deepEqual(inputs(td).volumes, [{ name: mount.sourceVolume }]);
    const declared = declaredVolume(dockerfile, mount.containerPath);
    assert.ok(declared, `${service}'s Dockerfile declares no VOLUME at ${mount.containerPath}; Fargate would mount it root-owned 0755`);
    const uid = Number(String(container.user).split(":")[0]);
    assert.ok(canWrite(declared, uid), `${service}: uid ${uid} cannot write ${mount.containerPath} (owner ${declared.owner}, mode ${declared.mode.toString(8)})`);
}

describe("the task definition and the image agree", () => {
    for (const stack of ["dev", "prod"]) {
        it(`GIVEN ${stack} THEN each service's /tmp is a bind-mount volume its image declares, writable by the configured user`, async () => {
            const run = await runStack(stack);
            const services = ofType(run, "fargate-web:ecs:FargateService").map(r => r.name);
            assert.deepEqual(services, stack === "dev" ? ["web", "worker"] : ["web"]);
            for (const service of services) {
                assertWritableTmp(named(run, AWS_TYPES.ecsTaskDefinition, `${service}-task`), DOCKERFILES[service], service);
            }
        });
    }

    it("GIVEN another non-root containerUser THEN /tmp stays writable for it too, in every service", async () => {
        const run = await runStack("dev", { values: { [`${P}:containerUser`]: "4242:4242" } });
        for (const service of ["web", "worker"]) {
            const [container] = containers(named(run, AWS_TYPES.ecsTaskDefinition, `${service}-task`));
            assert.equal(container.user, "4242:4242");
            assert.ok(canWrite(declaredVolume(DOCKERFILES[service], container.mountPoints[0].containerPath)!, 4242), service);
        }
    });

    it("THEN the Dockerfile reader sees what Fargate would: no VOLUME, a chown after VOLUME, or 0755 all fail", () => {
        const head = "FROM node:22-alpine AS base\nFROM base AS runtime\n";
        assert.equal(declaredVolume(`${head}RUN chown node:node /tmp && chmod 1777 /tmp\n`, "/tmp"), undefined);
        const late = declaredVolume(`${head}VOLUME ["/tmp"]\nRUN chown node:node /tmp && chmod 0700 /tmp\n`, "/tmp")!;
        assert.deepEqual(late, { owner: 0, mode: 0o1777 });
        const rootOnly = declaredVolume(`${head}RUN chmod 0755 /tmp\nVOLUME /tmp\n`, "/tmp")!;
        assert.equal(canWrite(rootOnly, 1000), false);
        const owned = declaredVolume(`${head}RUN chown node /tmp && chmod 0700 /tmp\nVOLUME ["/tmp"]\n`, "/tmp")!;
        assert.equal(canWrite(owned, 1000), true);
        assert.equal(canWrite(owned, 1001), false);
        // Only the last stage counts: a VOLUME in a build stage is not in the image.
        assert.equal(declaredVolume(`FROM a AS one\nVOLUME /tmp\nFROM b\n`, "/tmp"), undefined);
    });

    it("GIVEN containerPort and stopTimeoutSeconds in the stack THEN the app receives PORT and its drain budget", async () => {
        const run = await runStack("dev", { values: { [`${P}:containerPort`]: "3000", [`${P}:stopTimeoutSeconds`]: "60" } });
        const [container] = containers(named(run, AWS_TYPES.ecsTaskDefinition, "web-task"));
        const env = envOf(container);
        assert.equal(env.PORT, "3000");
        assert.equal(env.SHUTDOWN_TIMEOUT_SECONDS, String(shutdownBudgetSeconds(60)));
        assert.equal(container.stopTimeout, 60);
        assert.equal(Number(env.SHUTDOWN_TIMEOUT_SECONDS) < container.stopTimeout, true);
        assert.equal(container.portMappings[0].containerPort, 3000);
        // Plain variables from config are kept alongside.
        assert.equal(env.LOG_LEVEL, "debug");
        // The worker listens on nothing: no PORT and no port mapping, whatever the stack-wide port; its entry's own
        // 15 s drain (Pulumi.dev.yaml) wins over the stack-wide value.
        const [worker] = containers(named(run, AWS_TYPES.ecsTaskDefinition, "worker-task"));
        const workerEnv = envOf(worker);
        assert.equal("PORT" in workerEnv, false);
        assert.deepEqual(worker.portMappings, []);
        assert.equal(workerEnv.SHUTDOWN_TIMEOUT_SECONDS, String(shutdownBudgetSeconds(15)));
        assert.equal(worker.stopTimeout, 15);
        assert.equal(workerEnv.SERVICE_NAME, "worker");
    });
});
