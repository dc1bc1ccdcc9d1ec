/**
 * Properties of the stack config loader and of the program over it, for dev and prod:
 *   A. every VALID generated config parses (pure, many runs);
 *   B. every valid config runs under mocks and passes the environment's policy pack with no mandatory
 *      violation and no duplicate URN (the engine refuses those; the mocks do not);
 *   C. every config with ONE field broken is refused with a ConfigError whose problems name that field,
 *      carry no stack trace and never repeat a secret value (pure, many runs);
 *   D. the program run with such a config rejects before registering any resource.
 * fast-check prints the seed and the (shrunk, for A and C) counterexample of any failure; replay with
 * `{ seed, path }` in the failing `fc.assert` call. B and D end on the first failure: each run costs up to a
 * second, and their counterexample is printed whole.
 *
 * KNOWN_GAPS lists configs the loader accepts but the pack or AWS refuses, found by these properties. Each is
 * a pending test stating the behaviour a fix should give; un-skip it with the fix.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import * as runtimeSettings from "@pulumi/pulumi/runtime/settings";
// Loaded before any run, the components stay shared between runs instead of being compiled again for each
// (runProgram reloads only the modules the program itself loaded first); they hold no module state.
import "../../components";
import { ConfigError, parseStackConfig } from "../../components/stackConfig";
import { evaluatePack, mandatory } from "../../harness/policyEngine";
import { ProgramError, ProgramRun } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { PROJECT_DIR, runStack } from "../support/stacks";
import { BREAKAGES, InvalidConfig, invalidConfig, withValue } from "./invalidConfigs";
import { ENVIRONMENTS, Environment, full, GeneratedConfig, rawConfig, validConfig } from "./validConfigs";

const RUNS = {
    /** Property A, per environment. */
    parseValid: 200,
    /** Property B, per environment (each run executes the program: ~0.3–1 s). */
    programValid: 15,
    /** Property C, per environment, over all classes at once. */
    parseInvalid: 300,
    /** Property C, per class and environment, so every class is exercised whatever the seed. */
    parseInvalidPerClass: 10,
    /** Property D, per environment. */
    programInvalid: 10,
};

const policyConfig = (environment: Environment) =>
    JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${environment}.json`), "utf8"));

/** Lines that only a stack trace or an internal error would put into a message. */
const STACK_TRACE = /\n\s*at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)|\.(ts|js):\d+|\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|Error:/;

/** Secret texts of a config: the values of every key set as secret, and their leaves for maps. */
function secretTexts(config: GeneratedConfig): string[] {
    return Object.values(config.secrets).flatMap(text => {
        try {
            const parsed = JSON.parse(text);
            return parsed !== null && typeof parsed === "object" ? Object.values(parsed).filter((v): v is string => typeof v === "string") : [text];
        } catch {
            return [text];
        }
    });
}

/** The problems the loader reports for `config`, failing when it accepts it or throws anything else. */
function problemsOf(config: GeneratedConfig): readonly string[] {
    try {
        parseStackConfig(rawConfig(config));
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e instanceof Error ? e.stack : String(e)}`);
        assert.equal(e.name, "ConfigError");
        return e.problems;
    }
    throw new Error("the loader accepted the config");
}

/** C: the problems name the broken key, carry no stack trace and repeat no secret value. */
function assertRefused({ key, config }: InvalidConfig): void {
    const problems = problemsOf(config);
    assert.ok(problems.length > 0, "a ConfigError without problems");
    assert.ok(
        problems.some(p => p.includes(key)),
        `no problem names ${key}:\n  ${problems.join("\n  ")}`,
    );
    for (const p of problems) {
        assert.doesNotMatch(p, STACK_TRACE, `a problem reads like a stack trace: ${p}`);
    }
    // The generators' distinctive secret values (arbitrary ones may occur in any message by chance).
    for (const secret of secretTexts(config).filter(s => s.startsWith("s3cr3t-"))) {
        assert.ok(!problems.some(p => p.includes(secret)), `a problem repeats the secret value ${JSON.stringify(secret)}`);
    }
}

const summary = (config: GeneratedConfig): string => JSON.stringify({ values: config.values, secrets: Object.keys(config.secrets) }, null, 1);

describe("stack config properties (fast-check)", function () {
    this.timeout(120_000);

    for (const environment of ENVIRONMENTS) {
        describe(`GIVEN valid ${environment} configs`, () => {
            it(`THEN the loader accepts every one (A, ${RUNS.parseValid} runs)`, () => {
                fc.assert(
                    fc.property(validConfig(environment), config => {
                        const settings = parseStackConfig(rawConfig(config));
                        if (environment === "prod") {
                            // What policy/config/prod.json makes mandatory holds in every generated prod config.
                            assert.equal(settings.deletionProtection, true);
                            assert.equal(settings.network.natStrategy, "perAz", "tasks without a public IP need NAT");
                            assert.ok(settings.loadBalancer.accessLogs, "access logs");
                            assert.ok(settings.loadBalancer.certificateArn || settings.loadBalancer.domain, "TLS, so HTTP redirects to HTTPS");
                            assert.ok(settings.scaling.minCapacity >= 2);
                            assert.ok(settings.service.logRetentionDays >= 365);
                        }
                    }),
                    { numRuns: RUNS.parseValid },
                );
            });

            it(`THEN the program runs and the ${environment} pack reports no mandatory violation (B, ${RUNS.programValid} runs)`, async () => {
                await fc.assert(
                    fc.asyncProperty(validConfig(environment), async config => {
                        let run: ProgramRun;
                        try {
                            run = await runStack(environment, config);
                        } catch (e) {
                            throw new Error(`the program failed: ${e instanceof Error ? e.message : e}\nconfig: ${summary(config)}`);
                        }
                        const urns = run.resources.map(r => r.urn);
                        const duplicates = urns.filter((u, i) => urns.indexOf(u) !== i);
                        assert.deepEqual(duplicates, [], `duplicate URNs (the engine would refuse the program)\nconfig: ${summary(config)}`);
                        const failed = mandatory(await evaluatePack(pack, run.resources, policyConfig(environment)));
                        if (failed.length > 0) {
                            throw new Error(
                                `mandatory violations:\n  ${failed.map(d => `${d.policyName} (${d.urn?.split("::").pop()}): ${d.detail}`).join("\n  ")}\nconfig: ${summary(config)}`,
                            );
                        }
                    }),
                    { numRuns: RUNS.programValid, endOnFailure: true },
                );
            });
        });

        describe(`GIVEN ${environment} configs with one field broken`, () => {
            const classes = BREAKAGES.filter(b => (b.environments ?? ENVIRONMENTS).includes(environment));

            it(`THEN the loader refuses every one, naming the broken key (C, ${RUNS.parseInvalid} runs over ${classes.length} classes)`, () => {
                fc.assert(fc.property(invalidConfig(environment), assertRefused), { numRuns: RUNS.parseInvalid });
            });

            it(`THEN each of the ${classes.length} classes is refused on its own (C, ${RUNS.parseInvalidPerClass} runs per class)`, () => {
                for (const breakage of classes) {
                    try {
                        fc.assert(fc.property(invalidConfig(environment, [breakage]), assertRefused), { numRuns: RUNS.parseInvalidPerClass });
                    } catch (e) {
                        throw new Error(`class "${breakage.name}": ${e instanceof Error ? e.message : e}`);
                    }
                }
            });

            it(`THEN the program rejects with the ConfigError before registering any resource (D, ${RUNS.programInvalid} runs)`, async () => {
                await fc.assert(
                    fc.asyncProperty(invalidConfig(environment), async ({ key, config, breakage }) => {
                        const { error, registered } = await runRecordingRegistrations(config);
                        assert.ok(error instanceof ProgramError, `${breakage}: the program did not fail (${error})`);
                        const cause = error.cause as { name?: string; problems?: string[] };
                        assert.equal(cause?.name, "ConfigError", `${breakage}: failed with ${error.message}`);
                        assert.ok(cause.problems?.some(p => p.includes(key)), `${breakage}: no problem names ${key}`);
                        assert.equal(registered, 0, `${breakage}: ${registered} resources were registered before the failure`);
                    }),
                    { numRuns: RUNS.programInvalid, endOnFailure: true },
                );
            });
        });
    }

    it("GIVEN a valid run THEN the registration count D relies on sees every registered resource (control)", async () => {
        const { error, registered, run } = await runRecordingRegistrations({ environment: "dev", values: {}, secrets: {} });
        assert.equal(error, undefined);
        assert.ok(registered > 0);
        assert.equal(registered, run!.resources.length);
    });
});

/**
 * Runs the program with `config` and counts the resources the mock monitor registered.
 *
 * Why this is sound: `runProgram` rejects as soon as `index.ts` throws, without draining the RPC queue, and
 * a resource's registration reaches the monitor asynchronously after its constructor returns. So after the
 * run this drains the queue (`disconnect` waits for every pending RPC) and then reads the SDK mock
 * monitor's own registry, which holds every `registerResource` and `readResource` it answered. A resource
 * constructed before the throw would be counted. The monitor is read from this project's SDK copy, the one
 * `runProgram` sets the mocks on for `index.ts`; the control test above fails if that ever stops being so.
 */
async function runRecordingRegistrations(config: GeneratedConfig): Promise<{ error?: unknown; registered: number; run?: ProgramRun }> {
    let run: ProgramRun | undefined;
    let error: unknown;
    try {
        run = await runStack(config.environment, config);
    } catch (e) {
        error = e;
    }
    const monitor = runtimeSettings.getMonitor() as unknown as { getRegisteredResources(): Map<string, unknown> };
    await pulumi.runtime.disconnect();
    return { error, registered: monitor.getRegisteredResources().size, run };
}

/**
 * Configs the loader once accepted although the environment's policy pack (or AWS) refuses them, found by the
 * properties above and fixed in the loader: each stays as a regression test.
 */
const dev = (values: Record<string, string>, secrets: Record<string, string> = {}): GeneratedConfig => ({ environment: "dev", values, secrets });
const prod = (values: Record<string, string>, secrets: Record<string, string> = {}): GeneratedConfig => ({ environment: "prod", values, secrets });

/** Each former gap: the config, and the keys of which the loader's problem must name at least one. */
const FORMER_GAPS: readonly { title: string; config: GeneratedConfig; keys: string[] }[] = [
    {
        title: "prod with readonlyRootFilesystem false (ecs-task-definition-read-only-root-filesystem is mandatory in prod)",
        config: prod({ [full("readonlyRootFilesystem")]: "false" }),
        keys: [full("readonlyRootFilesystem")],
    },
    {
        title: 'a health check command with only blank arguments, e.g. ["CMD-SHELL", " "] (ecs-task-definition-container-health-check, mandatory)',
        config: dev({ [full("containerHealthCheckCommand")]: JSON.stringify(["CMD-SHELL", " "]) }),
        keys: [full("containerHealthCheckCommand")],
    },
    { title: 'containerUser "00" (uid 0: root)', config: prod({ [full("containerUser")]: "00" }), keys: [full("containerUser")] },
    {
        title: 'a health check matcher with two ranges, "200-300-400" (lb-target-group-health-check-well-formed, mandatory in prod)',
        config: prod({ [full("healthCheckMatcher")]: "200-300-400" }),
        keys: [full("healthCheckMatcher")],
    },
    { title: 'a health check matcher outside 200-499, e.g. "100" (the ALB API refuses it)', config: dev({ [full("healthCheckMatcher")]: "100" }), keys: [full("healthCheckMatcher")] },
    { title: "prod without access logs (lb-load-balancer-access-logs, mandatory in prod)", config: prod({ [full("accessLogs")]: "false" }), keys: [full("accessLogs")] },
    {
        title: "prod without TLS (lb-listener-http-redirects-to-https, mandatory in prod)",
        config: prod({ [full("domainName")]: "", [full("hostedZoneId")]: "" }),
        keys: [full("certificateArn"), full("domainName")],
    },
    { title: "prod log retention below 365 days (logs-log-group-retention, mandatory in prod)", config: prod({ [full("logRetentionDays")]: "30" }), keys: [full("logRetentionDays")] },
    {
        title: "prod deregistration delay above 120 s (lb-target-group-deregistration-delay, mandatory in prod)",
        config: prod({ [full("deregistrationDelaySeconds")]: "300" }),
        keys: [full("deregistrationDelaySeconds")],
    },
    {
        title: "prod health check interval × healthyThreshold above 90 s (lb-target-group-health-check-timings, mandatory in prod)",
        config: prod({ [full("healthCheckIntervalSeconds")]: "60", [full("healthyThreshold")]: "5" }),
        keys: [full("healthCheckIntervalSeconds"), full("healthyThreshold")],
    },
    {
        title: "a plain variable named like a secret (ecs-task-definition-no-plaintext-secrets, mandatory)",
        config: dev({ [full("containerEnvironment")]: JSON.stringify({ DB_PASSWORD: "x" }) }),
        keys: [full("containerEnvironment")],
    },
];

describe("former gaps between the loader and the pack (regressions)", () => {
    for (const gap of FORMER_GAPS) {
        it(`GIVEN ${gap.title} THEN the loader refuses it, naming ${gap.keys.join(" or ")}`, () => {
            assert.ok(problemsOf(gap.config).some(p => gap.keys.some(k => p.includes(k))));
        });
    }

    it("GIVEN prod with maxCapacity 60 THEN the loader and the prod pack both accept it", async () => {
        const config = prod({ [full("maxCapacity")]: "60" });
        assert.doesNotThrow(() => parseStackConfig(rawConfig(config)));
        const run = await runStack("prod", config);
        const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.json"), "utf8"));
        assert.deepEqual(mandatory(await evaluatePack(pack, run.resources, policyConfig)), []);
    });

    it("GIVEN secretValues whose names differ only in case THEN the program registers distinct URNs", async () => {
        const config = dev({}, { [full("secretValues")]: JSON.stringify({ Api_Key: "s3cr3t-one", API_KEY: "s3cr3t-two" }) });
        assert.doesNotThrow(() => parseStackConfig(rawConfig(config)));
        const urns = (await runStack("dev", config)).resources.map(r => r.urn);
        assert.equal(new Set(urns).size, urns.length, "duplicate URNs: `pulumi preview` fails with 'Duplicate resource URN'");
    });

    it("GIVEN a raw secret pasted into `secrets` and set with --secret THEN the error does not print it", () => {
        const config = withValue(dev({}), full("secrets"), JSON.stringify({ DB_PASSWORD: "s3cr3t-hunter2-value" }), true);
        const problems = problemsOf(config);
        assert.ok(problems.length > 0);
        assert.ok(!problems.some(p => p.includes("s3cr3t-hunter2-value")), problems.join("\n"));
    });

    it("GIVEN cpu out of range THEN only cpu is blamed, not memory against the default cpu", () => {
        assert.deepEqual(
            problemsOf(dev({ [full("cpu")]: "20000", [full("memory")]: "4096" })).filter(p => !p.includes(full("cpu"))),
            [],
        );
    });
});
