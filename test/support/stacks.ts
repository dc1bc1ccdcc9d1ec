/**
 * Test helpers over the offline harness: run a stack of this project (config parsed from its files), run
 * components inline, and read recorded resources.
 */
import * as path from "path";
import { readStackConfig } from "../../harness/projectConfig";
import { ProgramRun, runProgram } from "../../harness/runProgram";
import { normaliseForEngine } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";

/** The project's root folder. */
export const PROJECT_DIR = path.resolve(__dirname, "../..");

/** Config changes for one run: full keys to text; `secret` ones are marked secret. */
export interface Overrides {
    /** Keys to set; `undefined` removes a key the stack file sets. */
    readonly values?: Record<string, string | undefined>;
    readonly secrets?: Record<string, string>;
}

const unchangedRuns = new Map<string, Promise<ProgramRun>>();

/**
 * Runs `index.ts` for `stack` with the values of `Pulumi.yaml` and `Pulumi.<stack>.yaml`, plus overrides.
 * A run without overrides is made once per test process and shared: tests only read it.
 */
export function runStack(stack: string, overrides?: Overrides): Promise<ProgramRun> {
    if (overrides === undefined) {
        if (!unchangedRuns.has(stack)) {
            unchangedRuns.set(stack, runStackWith(stack, {}));
        }
        return unchangedRuns.get(stack)!;
    }
    return runStackWith(stack, overrides);
}

async function runStackWith(stack: string, overrides: Overrides): Promise<ProgramRun> {
    const base = readStackConfig(PROJECT_DIR, stack);
    const config: Record<string, string> = { ...base.config, ...overrides.secrets };
    for (const [key, value] of Object.entries(overrides.values ?? {})) {
        if (value === undefined) delete config[key];
        else config[key] = value;
    }
    return runProgram({
        program: path.join(PROJECT_DIR, "index.ts"),
        project: base.project,
        stack,
        config,
        secretKeys: [...base.secretKeys, ...Object.keys(overrides.secrets ?? {})],
    });
}

/** Runs `build` (which creates components) under mocks as stack `stack` of this project. */
export function runInline(build: () => Record<string, unknown> | void, stack = "test", region = "us-east-1"): Promise<ProgramRun> {
    return runProgram({ program: build, project: "fargate-web", stack, config: { "aws:region": region }, secretKeys: [] });
}

/** Every recorded resource of `type`. */
export const ofType = (run: ProgramRun, type: string): RecordedResource[] => run.resources.filter(r => r.type === type);

/** The one recorded resource of `type` named `name` (fails the test when absent or ambiguous). */
export function one(run: ProgramRun, type: string, name?: string): RecordedResource {
    const found = ofType(run, type).filter(r => name === undefined || r.name === name);
    if (found.length !== 1) {
        throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map(r => r.name).join(", ")}`);
    }
    return found[0];
}

/**
 * The recorded resource of `type` with logical name `name`, e.g. `named(run, AWS_TYPES.ecsService, "web-service")`:
 * how a test picks one service's resource in a stack that runs several (fails when absent or ambiguous).
 */
export const named = (run: ProgramRun, type: string, name: string): RecordedResource => one(run, type, name);

/** Inputs as a policy sees them: secrets unwrapped. */
export const inputs = (r: RecordedResource): Record<string, any> => normaliseForEngine(r.inputs) as Record<string, any>;

/** State as a policy sees it: secrets unwrapped. */
export const state = (r: RecordedResource): Record<string, any> => normaliseForEngine(r.state) as Record<string, any>;

/** The parsed container definitions of a recorded task definition. */
export const containers = (taskDefinition: RecordedResource): Array<Record<string, any>> =>
    JSON.parse(inputs(taskDefinition).containerDefinitions);

/** Count of recorded resources by type. */
export function countByType(run: ProgramRun): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of run.resources) {
        counts[r.type] = (counts[r.type] ?? 0) + 1;
    }
    return counts;
}
