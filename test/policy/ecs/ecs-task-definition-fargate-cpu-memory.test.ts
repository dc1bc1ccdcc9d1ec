import { ecsTaskDefinitionFargateCpuMemory as policy } from "../../../policy/ecs/ecs-task-definition-fargate-cpu-memory";
import { assertViolations, evaluate, resourceOf, TD } from "../baselines/ecs";

const NAME = "ecs-task-definition-fargate-cpu-memory";
const run = (overrides: Record<string, unknown>) => evaluate(policy, [resourceOf(TD, "web", overrides)]);
const CPUS = "256, 512, 1024, 2048, 4096, 8192 or 16384";

describe(NAME, () => {
    it("GIVEN the baseline (256/512) THEN no violation", async () => {
        assertViolations(await run({}), NAME, "mandatory", []);
    });

    const valid: [unknown, unknown][] = [
        ["256", "2048"],
        [512, 4096],
        ["1 vCPU", "2 GB"],
        ["1024", "8192"],
        ["4096", "30720"],
        ["8192", "20480"],
        ["16384", "122880"],
        [".5 vcpu", "1GB"],
    ];
    for (const [cpu, memory] of valid) {
        it(`GIVEN cpu ${JSON.stringify(cpu)} with memory ${JSON.stringify(memory)} THEN accepted`, async () => {
            assertViolations(await run({ cpu, memory }), NAME, "mandatory", []);
        });
    }

    it("GIVEN a memory value the cpu does not offer THEN the allowed values are listed", async () => {
        assertViolations(await run({ cpu: "256", memory: "4096" }), NAME, "mandatory", [
            "Fargate does not accept cpu 256 with memory 4096 MiB; with cpu 256 use memory 512, 1024 or 2048 (MiB).",
        ]);
        assertViolations(await run({ cpu: "4096", memory: "4096" }), NAME, "mandatory", [
            "Fargate does not accept cpu 4096 with memory 4096 MiB; with cpu 4096 use memory 8192 to 30720 in steps of 1024 (MiB).",
        ]);
        assertViolations(await run({ cpu: "8192", memory: "18432" }), NAME, "mandatory", [
            "Fargate does not accept cpu 8192 with memory 18432 MiB; with cpu 8192 use memory 16384 to 61440 in steps of 4096 (MiB).",
        ]);
    });

    it("GIVEN the string forms THEN they are converted before the check", async () => {
        assertViolations(await run({ cpu: "1 vCPU", memory: "1 GB" }), NAME, "mandatory", [
            "Fargate does not accept cpu 1024 with memory 1024 MiB; with cpu 1024 use memory 2048, 3072, 4096, 5120, 6144, 7168 or 8192 (MiB).",
        ]);
    });

    it("GIVEN a cpu size Fargate does not offer THEN the sizes are listed", async () => {
        assertViolations(await run({ cpu: "300", memory: "512" }), NAME, "mandatory", [`Fargate does not offer cpu 300; use one of ${CPUS} (CPU units).`]);
    });

    it("GIVEN missing cpu and memory THEN both are required", async () => {
        assertViolations(await run({ cpu: undefined, memory: undefined }), NAME, "mandatory", [
            `Fargate task definitions must set task-level cpu; set cpu to one of ${CPUS} (CPU units).`,
            'Fargate task definitions must set task-level memory; set memory in MiB (e.g. "2048") or GB (e.g. "2 GB").',
        ]);
    });

    it("GIVEN unparseable values THEN the accepted forms are explained", async () => {
        assertViolations(await run({ cpu: "1 core", memory: "512 MB" }), NAME, "mandatory", [
            'cpu "1 core" is not a CPU size; use CPU units as a string (e.g. "1024") or vCPUs (e.g. "1 vCPU").',
            'memory "512 MB" is not a memory size; use MiB as a string (e.g. "2048") or GB (e.g. "2 GB").',
        ]);
    });

    it("GIVEN Windows THEN the Windows table applies", async () => {
        const windows = { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "X86_64" } };
        assertViolations(await run({ ...windows, cpu: "256", memory: "512" }), NAME, "mandatory", [
            "Fargate on Windows does not offer cpu 256; use one of 1024, 2048 or 4096 (CPU units).",
        ]);
        assertViolations(await run({ ...windows, cpu: "1024", memory: "2048" }), NAME, "mandatory", []);
    });

    it("GIVEN an EC2-only task definition THEN not checked", async () => {
        assertViolations(await run({ requiresCompatibilities: ["EC2"], cpu: "300", memory: undefined }), NAME, "mandatory", []);
    });
});
