import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isWindowsTask, requiresFargate } from "../lib/containerDefinitions";
import { fargateCpuOptions, fargateMemoryOptions } from "../facts/fargateSizes";
import { describeMemoryOptions, parseCpuUnits, parseMemoryMiB } from "../lib/taskSizeText";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Not covered by the catalog's tools: a Fargate task definition (FARGATE in `requiresCompatibilities`)
 * sets task-level `cpu` and `memory` to a pair Fargate accepts (table in `policy/facts/fargateSizes.ts`,
 * Windows has its own), so the mistake shows in preview rather than as a failed deployment. Both the unit
 * forms ("1024", "2048") and the string forms ECS also takes ("1 vCPU", "2 GB") are understood.
 */
export const ecsTaskDefinitionFargateCpuMemory: ResourceValidationPolicy = {
    name: "ecs-task-definition-fargate-cpu-memory",
    description: "Fargate task definitions must use a cpu/memory combination that Fargate accepts.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        if (!requiresFargate(props.requiresCompatibilities)) {
            return;
        }
        const windows = isWindowsTask(props.runtimePlatform);
        const cpuOptions = describeMemoryOptions(fargateCpuOptions(windows));
        const rawCpu = props.cpu;
        const rawMemory = props.memory;
        const cpu = parseCpuUnits(rawCpu);
        const memory = parseMemoryMiB(rawMemory);
        if (rawCpu === undefined || rawCpu === null || rawCpu === "") {
            report(`Fargate task definitions must set task-level cpu; set cpu to one of ${cpuOptions} (CPU units).`);
        } else if (cpu === undefined) {
            report(`cpu ${JSON.stringify(rawCpu)} is not a CPU size; use CPU units as a string (e.g. "1024") or vCPUs (e.g. "1 vCPU").`);
        }
        if (rawMemory === undefined || rawMemory === null || rawMemory === "") {
            report('Fargate task definitions must set task-level memory; set memory in MiB (e.g. "2048") or GB (e.g. "2 GB").');
        } else if (memory === undefined) {
            report(`memory ${JSON.stringify(rawMemory)} is not a memory size; use MiB as a string (e.g. "2048") or GB (e.g. "2 GB").`);
        }
        if (cpu === undefined) {
            return;
        }
        const memoryOptions = fargateMemoryOptions(cpu, windows);
        if (memoryOptions.length === 0) {
            report(`Fargate${windows ? " on Windows" : ""} does not offer cpu ${cpu}; use one of ${cpuOptions} (CPU units).`);
        } else if (memory !== undefined && !memoryOptions.includes(memory)) {
            report(
                `Fargate${windows ? " on Windows" : ""} does not accept cpu ${cpu} with memory ${memory} MiB; ` +
                    `with cpu ${cpu} use memory ${describeMemoryOptions(memoryOptions)} (MiB).`,
            );
        }
    }),
};
