/**
 * `npm run check -- --stack <name> …`: what a stack would deploy, whether it passes the guardrails, what
 * it costs a month and how long a rollout takes — offline, for pull requests from forks and laptops
 * without credentials. Exit 0: no mandatory violation and no apply-time error; 1: mandatory violations or
 * values AWS would refuse at apply time; 2: invalid input.
 */
import * as fs from "fs";
import * as path from "path";
import { PolicyConfigError, ProgramError } from "../harness/errors";
import { ConfigError } from "../components/stackSettings";
import { ConfigFileError, inspectStackConfig, StackConfig } from "../harness/projectConfig";
import { stackRegion } from "../harness/stackRegion";
import { BaselineError, readBaselineReport } from "./changes/baseline";
import { compareReports } from "./changes/compare";
import { ChangeReport, formatChangesMarkdown } from "./changes/format";
import { changeFindings, ChangeThresholds, ChangeThresholdsError, readChangeThresholds } from "./changes/thresholds";
import { CheckArgs, parseCheckArgs, USAGE, UsageError } from "./checkArgs";
import { checkCoverage } from "./checkCoverage";
import { CheckReport, formatReport, reportResources, reportViolations } from "./checkReport";
import { ProgramEntryError, resolveProgramEntry } from "./programEntry";

const ROOT = path.resolve(__dirname, "..");

/** An input problem: printed without a stack trace, exit code 2. */
class InputError extends Error {}

function readPolicyConfig(args: CheckArgs): Record<string, any> {
    const file = args.policyConfig ? path.resolve(args.policyConfig) : path.join(ROOT, "policy", "config", `${args.stack}.json`);
    if (!fs.existsSync(file)) {
        if (args.policyConfig) {
            throw new InputError(`${args.policyConfig}: policy config file not found`);
        }
        return {};
    }
    try {
        const parsed = JSON.parse(fs.readFileSync(file, "utf8"));
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
            throw new Error("expected an object of policy names to levels or settings");
        }
        return parsed;
    } catch (e) {
        throw new InputError(`${path.relative(process.cwd(), file) || file}: ${(e as Error).message}`);
    }
}

/**
 * This project's loader run on the stack file before the SDKs load, given what only the file tells (which
 * entries were set with --secret); the program runs it again with what the engine passes. Problems about a
 * key the CLI already refused are left out: the loader saw that key's default instead.
 */
async function ownConfigProblems(config: StackConfig, refusedKeys: readonly string[]): Promise<string[]> {
    const { parseStackConfig } = await import("../components/stackConfig");
    try {
        parseStackConfig({ project: config.project, stack: config.stack, values: config.config, secretKeys: config.secretKeys, securePaths: config.securePaths });
        return [];
    } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        // A problem's subject is its first key, or the key after "<environment> is prod but".
        return e.problems.filter(p => !refusedKeys.includes(p.replace(/^\S+ is prod but /, "").split(" ")[0]));
    }
}

/** The baseline and thresholds of a change report, read before anything heavy loads. */
function readChangeInputs(args: CheckArgs, project: string): { baseline: CheckReport; thresholds: ChangeThresholds } | undefined {
    if (!args.baseline) return undefined;
    if (args.comment && !fs.statSync(path.dirname(path.resolve(args.comment)), { throwIfNoEntry: false })?.isDirectory()) {
        throw new InputError(`--comment ${args.comment}: its folder does not exist`);
    }
    const baseline = readBaselineReport(path.resolve(args.baseline), { stack: args.stack, project });
    const file = args.changeConfig ? path.resolve(args.changeConfig) : path.join(ROOT, "policy", "config", `${args.stack}.changes.json`);
    return { baseline, thresholds: readChangeThresholds(file, args.changeConfig !== undefined) };
}

/** Runs the check and returns the report and the exit code. */
export async function check(args: CheckArgs): Promise<{ report: CheckReport; exitCode: 0 | 1 }> {
    const { entry: program, projectDir, cwd, esm } = resolveProgramEntry(args.program ?? path.join(ROOT, "index.ts"));
    const { config, file, problems, refusedKeys } = inspectStackConfig(projectDir, args.stack, args.config && path.resolve(args.config));
    if (projectDir === ROOT) {
        problems.push(...(await ownConfigProblems(config, refusedKeys)));
    }
    if (problems.length > 0) {
        throw ConfigFileError.of(file, problems);
    }
    const policyConfig = readPolicyConfig(args);
    const changeInputs = readChangeInputs(args, config.project);
    // The pack first, to refuse a bad policy config before the program runs; the SDKs and the program,
    // which take longest to load, only once every input is known good.
    const { deferClosureModules } = await import("../harness/lazyClosureModules");
    deferClosureModules(path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [ROOT] })));
    const { pack } = await import("../policy/pack");
    const { validatePolicyConfig } = await import("../harness/policyConfig");
    validatePolicyConfig(pack, policyConfig);
    const { runProgram } = await import("../harness/runProgram");
    const { evaluatePack } = await import("../harness/policyEngine");
    const { evaluateApplyRules } = await import("../harness/applyRules");
    const { estimateMonthlyCost, estimateRollout } = await import("../estimates");
    // The mocks answer (ARNs, zones) and the apply-time rules judge in the region the provider would use.
    const region = stackRegion(config.config, process.env);
    const run = await runProgram({ program, project: config.project, stack: args.stack, config: config.config, secretKeys: config.secretKeys, cwd, esm, mocks: { region: region.region } });
    const evaluation = await evaluatePack(pack, run.resources, policyConfig);
    const environment = (config.config[`${config.project}:environment`] ?? args.stack) === "prod" ? "prod" : "dev";
    const cost = estimateMonthlyCost(run.resources);
    const rollout = estimateRollout(run.resources, { environment });
    const base: CheckReport = {
        stack: args.stack,
        project: config.project,
        resources: reportResources(run.resources, run.stackUrn),
        violations: reportViolations(evaluation.diagnostics),
        applyErrors: evaluateApplyRules(run.resources, { config: { ...config.config, "aws:region": region.region }, secretKeys: config.secretKeys }),
        cost: {
            monthlyUsd: cost.monthlyUsd,
            monthlyUsdMax: cost.monthlyUsdMax,
            currency: cost.currency,
            region: cost.region,
            items: cost.items,
            unpriced: cost.unpriced,
            notes: cost.notes,
            services: cost.services,
            shared: cost.shared,
            ...(cost.deployments.length > 0 ? { deployments: cost.deployments } : {}),
        },
        coverage: checkCoverage(run.resources, evaluation.diagnostics, region),
        rollout: {
            secondsPerWave: rollout.secondsPerWave,
            waves: rollout.waves,
            notes: rollout.notes,
            warnings: rollout.warnings,
            totalSeconds: rollout.totalSeconds,
            slowestService: rollout.slowestService ?? null,
            services: rollout.services,
        },
    };
    let changes: ChangeReport | undefined;
    if (changeInputs) {
        const changeSet = compareReports(changeInputs.baseline, base);
        changes = { ...changeSet, findings: changeFindings(changeSet, changeInputs.thresholds) };
    }
    const report: CheckReport = changes ? { ...base, changes } : base;
    if (args.comment && changes) {
        const mandatoryViolations = report.violations.filter(v => v.enforcementLevel === "mandatory").length;
        try {
            fs.writeFileSync(path.resolve(args.comment), `${formatChangesMarkdown(changes, { mandatoryViolations })}\n`);
        } catch (e) {
            throw new InputError(`--comment ${args.comment}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
    }
    const blocked =
        report.applyErrors.length > 0 ||
        report.violations.some(v => v.enforcementLevel === "mandatory") ||
        (changes?.findings.some(f => f.enforcementLevel === "mandatory") ?? false);
    return { report, exitCode: blocked ? 1 : 0 };
}

/** Message for an input problem, whichever layer raised it; undefined for a bug (which keeps its trace). */
function inputProblem(e: unknown): string | undefined {
    if (e instanceof UsageError) return `${e.message}\n\n${USAGE}`;
    if (
        e instanceof InputError ||
        e instanceof ConfigFileError ||
        e instanceof PolicyConfigError ||
        e instanceof ConfigError ||
        e instanceof ProgramEntryError ||
        e instanceof BaselineError ||
        e instanceof ChangeThresholdsError
    ) {
        return e.message;
    }
    if (e instanceof ProgramError) return `The program failed: ${e.message}`;
    return undefined;
}

/** What one invocation of the command prints and its exit code. */
export interface CliResult {
    readonly stdout: string;
    readonly stderr: string;
    readonly exitCode: 0 | 1 | 2;
}

/**
 * The command for `argv` (the arguments after `npm run check --`), with its output returned instead of
 * written, so that tests hold it byte for byte without starting a process. A bug is thrown.
 */
export async function runCli(argv: readonly string[]): Promise<CliResult> {
    try {
        const args = parseCheckArgs(argv);
        if (args.help) {
            return { stdout: `${USAGE}\n`, stderr: "", exitCode: 0 };
        }
        const { report, exitCode } = await check(args);
        return { stdout: args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`, stderr: "", exitCode };
    } catch (e) {
        const problem = inputProblem(e);
        if (problem === undefined) {
            throw e;
        }
        return { stdout: "", stderr: `error: ${problem}\n`, exitCode: 2 };
    }
}

async function main(): Promise<number> {
    const { stdout, stderr, exitCode } = await runCli(process.argv.slice(2));
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    return exitCode;
}

/**
 * Runs the command on this process's arguments and exits with its code. A bug exits 3 with its stack trace,
 * `beforeTrace` running first (the precompiled entry maps the trace back to the TypeScript sources).
 */
export function cli(beforeTrace?: () => void): void {
    main().then(
        code => process.exit(code),
        e => {
            beforeTrace?.();
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exit(3);
        },
    );
}

if (require.main === module) {
    cli();
}
