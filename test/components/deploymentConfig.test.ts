import { strict as assert } from "node:assert";
import { ECS_DEPLOYMENT_DEFAULTS } from "../../policy/facts/ecsDeployments";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { declarationOf } from "../../components/configKeys";
import { ROLLING } from "../../components/deploymentSettings";
import { parseStackConfig, ServiceSettings, StackSettings } from "../../components/stackConfig";
import { inspectStackConfig } from "../../harness/projectConfig";
import { ConfigChange, parseChanged, refusals } from "../support/stackConfig";
import { PROJECT_DIR } from "../support/stacks";

const P = "fargate-web";
const S = `${P}:services`;
const ARN = "arn:aws:lambda:us-east-1:123456789012:function:smoke-test";
const STRATEGIES = `allowed: "rolling", "blueGreen", "canary" or "linear"`;
const STAGES = `"RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT" or "POST_PRODUCTION_TRAFFIC_SHIFT"`;
const OWN_NETWORKS =
    "test traffic reaches a revision before it is released, so it may come only from your own networks: private blocks (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10) and public ones of at most 65,536 addresses together (one /16)";
const NOT_A_CIDR = "expected an IPv4 CIDR block such as 203.0.113.0/24 (four numbers from 0 to 255 without leading zeros or spaces, and a prefix from 0 to 32)";
const LAMBDA_FORM = "expected a Lambda function ARN, arn:aws:lambda:<region>:<account>:function:<name>, optionally with :<version or alias>";
const ALL_BUT_ROLLING = "it applies to the blueGreen, canary and linear strategies only";

const byName = (settings: StackSettings): Record<string, ServiceSettings> => Object.fromEntries(settings.services.map(s => [s.name, s]));
/** dev's stack with one more web service `api` set to `fields`. */
const api = (fields: Record<string, unknown>): ConfigChange => ({ services: { web: { kind: "web" }, api: { kind: "web", paths: ["/api/*"], ...fields } } });
const apiDeployment = (fields: Record<string, unknown>) => byName(parseChanged("dev", api(fields))).api.deployment;
/** The problems for `api` with `fields`; each of `expected` must be among them. */
function refusedWith(fields: Record<string, unknown>, ...expected: string[]): readonly string[] {
    const problems = refusals("dev", api(fields));
    for (const e of expected) assert.ok(problems.includes(e), `missing:\n  ${e}\ngot:\n  ${problems.join("\n  ")}`);
    return problems;
}
/** The one-service form: prod's stack file (no services) with flat keys changed. */
const flat = (values: Record<string, string | undefined>) => ({ values: { [`${P}:services`]: undefined, ...values } });
/** Prod's stack file without its deployment keys: the one-service form as rolling. */
const PROD_ROLLING = { [`${P}:deploymentStrategy`]: undefined, [`${P}:testTrafficCidrs`]: undefined };

describe("deployment strategy config", () => {
    describe("GIVEN no deployment keys", () => {
        it("THEN every web service is rolling, and workers have no deployment at all", () => {
            const { web, worker } = byName(parseChanged("dev"));
            assert.deepEqual(web.deployment, ROLLING);
            assert.equal(worker.deployment, undefined);
            assert.ok("deployment" in worker);
        });

        it("THEN the one-service form is rolling too, in dev and prod", () => {
            for (const stack of ["dev", "prod"]) {
                const settings = parseChanged(stack, { values: { [S]: undefined, ...PROD_ROLLING } });
                assert.deepEqual(settings.services.map(s => s.deployment), [ROLLING]);
            }
        });
    });

    describe("GIVEN each strategy with its defaults", () => {
        it("THEN blue/green bakes 10 minutes; canary 5 % for 10 min; linear 10 % steps every 6 min (ECS's own defaults)", () => {
            assert.deepEqual(apiDeployment({ deploymentStrategy: "blueGreen" }), { strategy: "blueGreen", bakeTimeMinutes: 10, hooks: [] });
            assert.deepEqual(apiDeployment({ deploymentStrategy: "canary" }), { strategy: "canary", bakeTimeMinutes: 10, canary: { percent: 5, bakeMinutes: 10 }, hooks: [] });
            assert.deepEqual(apiDeployment({ deploymentStrategy: "linear" }), { strategy: "linear", bakeTimeMinutes: 10, linear: { stepPercent: 10, stepBakeMinutes: 6 }, hooks: [] });
        });

        it("THEN a strategy's own keys, test traffic and hooks arrive whole; integers written as text read like cpu: \"512\"", () => {
            const hooks = [
                { stages: ["POST_TEST_TRAFFIC_SHIFT"], pauseMinutes: "30", onTimeout: "CONTINUE" },
                { stages: ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"], lambdaArn: `${ARN}:live` },
                { stages: ["POST_SCALE_UP"], pauseMinutes: 20160 },
            ];
            assert.deepEqual(apiDeployment({ deploymentStrategy: "canary", bakeTimeMinutes: 0, canaryPercent: "20", canaryBakeMinutes: 1440, testTrafficCidrs: ["203.0.113.0/24", "10.0.0.0/8"], lifecycleHooks: hooks }), {
                strategy: "canary",
                bakeTimeMinutes: 0,
                canary: { percent: 20, bakeMinutes: 1440 },
                testTraffic: { cidrs: ["203.0.113.0/24", "10.0.0.0/8"] },
                hooks: [
                    { type: "pause", stages: ["POST_TEST_TRAFFIC_SHIFT"], timeoutMinutes: 30, onTimeout: "CONTINUE" },
                    { type: "lambda", stages: ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"], functionArn: `${ARN}:live` },
                    { type: "pause", stages: ["POST_SCALE_UP"], timeoutMinutes: 20160, onTimeout: "ROLLBACK" },
                ],
            });
            assert.deepEqual(apiDeployment({ deploymentStrategy: "linear", linearStepPercent: 50, linearStepBakeMinutes: "0" })?.linear, { stepPercent: 50, stepBakeMinutes: 0 });
        });

        it("THEN a key of another strategy left at its default is no problem (canaryPercent 5 with linear)", () => {
            assert.equal(apiDeployment({ deploymentStrategy: "linear", canaryPercent: 5, canaryBakeMinutes: "10" })?.strategy, "linear");
            assert.deepEqual(apiDeployment({ bakeTimeMinutes: 10, testTrafficCidrs: [], lifecycleHooks: [] }), ROLLING);
        });

        it("THEN hooks at the test-traffic stages need no test CIDRs: ECS still runs those stages, without test traffic", () => {
            const hooks = [
                { stages: ["TEST_TRAFFIC_SHIFT"], lambdaArn: ARN },
                { stages: ["POST_TEST_TRAFFIC_SHIFT"], pauseMinutes: 60 },
            ];
            assert.equal(apiDeployment({ deploymentStrategy: "blueGreen", lifecycleHooks: hooks })?.hooks.length, 2);
        });
    });

    describe("GIVEN the stack-wide keys", () => {
        it("THEN prod, a one-service stack, deploys blue/green with the flat key alone", () => {
            assert.deepEqual(parseChanged("prod", { values: { ...PROD_ROLLING, [`${P}:deploymentStrategy`]: "blueGreen" } }).services.map(s => s.deployment), [{ strategy: "blueGreen", bakeTimeMinutes: 10, hooks: [] }]);
        });

        it("THEN prod as committed deploys blue/green, baking 10 minutes, with test traffic from its release network", () => {
            assert.deepEqual(parseChanged("prod").services.map(s => s.deployment), [{ strategy: "blueGreen", bakeTimeMinutes: 10, testTraffic: { cidrs: ["203.0.113.0/24"] }, hooks: [] }]);
        });

        it("THEN the one-service form takes them as its own", () => {
            const settings = parseChanged("prod", flat({ [`${P}:deploymentStrategy`]: "linear", [`${P}:linearStepPercent`]: "25", [`${P}:testTrafficCidrs`]: `["198.51.100.0/24"]` }));
            assert.deepEqual(settings.services[0].deployment, { strategy: "linear", bakeTimeMinutes: 10, linear: { stepPercent: 25, stepBakeMinutes: 6 }, testTraffic: { cidrs: ["198.51.100.0/24"] }, hooks: [] });
        });

        it("THEN web entries inherit what they do not set, an entry's own value wins, and a worker stays rolling", () => {
            const values = { [`${P}:deploymentStrategy`]: "canary", [`${P}:canaryPercent`]: "20" };
            const { web, worker } = byName(parseChanged("dev", { values }));
            assert.deepEqual(web.deployment?.canary, { percent: 20, bakeMinutes: 10 });
            assert.equal(worker.deployment, undefined);
            const services = { web: { kind: "web", deploymentStrategy: "blueGreen" }, api: { kind: "web", paths: ["/api/*"], deploymentStrategy: "canary" }, admin: { kind: "web", paths: ["/admin/*"], deploymentStrategy: "canary", canaryPercent: 40 } };
            const mixed = byName(parseChanged("dev", { values: { [`${P}:canaryPercent`]: "20" }, services }));
            assert.deepEqual([mixed.web.deployment?.strategy, mixed.api.deployment?.canary?.percent, mixed.admin.deployment?.canary?.percent], ["blueGreen", 20, 40]);
        });

        it("THEN a stack-wide key that only entries of another strategy inherit is refused once, naming them", () => {
            const values = { [`${P}:canaryPercent`]: "20" };
            const unused = (which: string) => `${P}:canaryPercent is 20; it applies to the canary strategy only, and no web service that inherits it uses it (${which}): remove it, or set it on the services that use it`;
            assert.deepEqual(refusals("dev", { values }), [unused(`web is "rolling"`)]);
            const services = { web: { kind: "web", deploymentStrategy: "blueGreen" }, api: { kind: "web", paths: ["/api/*"] }, admin: { kind: "web", paths: ["/admin/*"], deploymentStrategy: "canary", canaryPercent: 40 } };
            assert.deepEqual(refusals("dev", { values, services }), [unused(`web is "blueGreen", api is "rolling"`)]);
            const testOnly = { [`${P}:testTrafficCidrs`]: `["10.0.0.0/8"]` };
            assert.deepEqual(refusals("dev", { values: testOnly }), [
                `${P}:testTrafficCidrs is ["10.0.0.0/8"]; it applies to the blueGreen, canary and linear strategies only, and no web service that inherits it uses one of them (web is "rolling"): remove it, or set it on the services that use it`,
            ]);
        });
    });

    describe("GIVEN a key the chosen strategy does not use, set away from its default", () => {
        const cases: [string, Record<string, unknown>, string][] = [
            ["canaryPercent", { deploymentStrategy: "linear", canaryPercent: 20 }, `${S}.api.canaryPercent is 20; it applies to the canary strategy only, and ${S}.api.deploymentStrategy is "linear": remove it, or choose canary`],
            ["canaryBakeMinutes", { deploymentStrategy: "blueGreen", canaryBakeMinutes: 0 }, `${S}.api.canaryBakeMinutes is 0; it applies to the canary strategy only, and ${S}.api.deploymentStrategy is "blueGreen": remove it, or choose canary`],
            ["linearStepPercent", { deploymentStrategy: "canary", linearStepPercent: "25" }, `${S}.api.linearStepPercent is 25; it applies to the linear strategy only, and ${S}.api.deploymentStrategy is "canary": remove it, or choose linear`],
            ["linearStepBakeMinutes", { linearStepBakeMinutes: 1 }, `${S}.api.linearStepBakeMinutes is 1; it applies to the linear strategy only, and ${S}.api.deploymentStrategy (from ${P}:deploymentStrategy) is "rolling": remove it, or choose linear`],
            ["bakeTimeMinutes", { deploymentStrategy: "rolling", bakeTimeMinutes: 0 }, `${S}.api.bakeTimeMinutes is 0; ${ALL_BUT_ROLLING}, and ${S}.api.deploymentStrategy is "rolling": remove it, or choose one of those strategies`],
            ["testTrafficCidrs", { testTrafficCidrs: ["10.0.0.0/8"] }, `${S}.api.testTrafficCidrs is ["10.0.0.0/8"]; ${ALL_BUT_ROLLING}, and ${S}.api.deploymentStrategy (from ${P}:deploymentStrategy) is "rolling": remove it, or choose one of those strategies`],
            ["lifecycleHooks", { lifecycleHooks: [{ stages: ["POST_SCALE_UP"], pauseMinutes: 5 }] }, `${S}.api.lifecycleHooks is [{"stages":["POST_SCALE_UP"],"pauseMinutes":5}]; ${ALL_BUT_ROLLING}, and ${S}.api.deploymentStrategy (from ${P}:deploymentStrategy) is "rolling": remove it, or choose one of those strategies`],
        ];
        for (const [key, fields, message] of cases) {
            it(`THEN ${key} is refused, naming the strategy it needs`, () => {
                assert.deepEqual(refusals("dev", api(fields)), [message]);
            });
        }

        it("THEN a stack-wide one is refused in the one-service form, by its flat name", () => {
            assert.deepEqual(refusals("prod", flat({ [`${P}:deploymentStrategy`]: "blueGreen", [`${P}:linearStepPercent`]: "5" })), [
                `${P}:linearStepPercent is 5; it applies to the linear strategy only, and ${P}:deploymentStrategy is "blueGreen": remove it, or choose linear`,
            ]);
            assert.deepEqual(refusals("prod", flat({ ...PROD_ROLLING, [`${P}:lifecycleHooks`]: `[{"stages":["PRE_SCALE_UP"],"lambdaArn":"${ARN}"}]` })), [
                `${P}:lifecycleHooks is [{"stages":["PRE_SCALE_UP"],"lambdaArn":"${ARN}"}]; ${ALL_BUT_ROLLING}, and ${P}:deploymentStrategy is "rolling": remove it, or choose one of those strategies`,
            ]);
        });
    });

    describe("GIVEN a strategy spelled otherwise, or on a service that is not web", () => {
        for (const spelling of ["BlueGreen", "blue-green", "BLUE_GREEN", "bluegreen", " canary", "canary ", "Rolling", ""]) {
            it(`THEN ${JSON.stringify(spelling)} is refused with the allowed spellings`, () => {
                refusedWith({ deploymentStrategy: spelling }, `${S}.api.deploymentStrategy is ${JSON.stringify(spelling)}; ${STRATEGIES}`);
            });
        }

        it("THEN a wrong stack-wide strategy is named once, not again for each web entry, nor the keys it would use", () => {
            assert.deepEqual(refusals("dev", { values: { [`${P}:deploymentStrategy`]: "BLUE_GREEN" } }), [`${P}:deploymentStrategy is "BLUE_GREEN"; ${STRATEGIES}`]);
            assert.deepEqual(refusals("dev", { values: { [`${P}:deploymentStrategy`]: "Canary", [`${P}:canaryPercent`]: "20" } }), [`${P}:deploymentStrategy is "Canary"; ${STRATEGIES}`]);
            assert.deepEqual(refusals("dev", api({ deploymentStrategy: "Canary", canaryPercent: 20 })), [`${S}.api.deploymentStrategy is "Canary"; ${STRATEGIES}`]);
        });

        it("THEN any deployment key on a worker or scheduled entry is refused: they stay rolling", () => {
            const services = { web: { kind: "web" }, jobs: { kind: "worker", deploymentStrategy: "canary", lifecycleHooks: [] }, nightly: { kind: "scheduled", schedule: "rate(1 day)", capacityProvider: "FARGATE", bakeTimeMinutes: 10 } };
            assert.deepEqual(refusals("dev", { services }), [
                `${S}.jobs.deploymentStrategy is set on a worker service; it applies to web services only, so remove it`,
                `${S}.jobs.lifecycleHooks is set on a worker service; it applies to web services only, so remove it`,
                `${S}.nightly.bakeTimeMinutes is set on a scheduled service; it applies to web services only, so remove it`,
            ]);
        });
    });

    describe("GIVEN numbers outside their ranges, however written", () => {
        const cases: [string, number, number, unknown[]][] = [
            ["canaryPercent", 1, 99, [0, 100, -5, 12.5, "12.5", "1e1", "0x10", 1e21, "99999999999999999999", " 20", true]],
            ["linearStepPercent", 3, 50, [2, 51, 100, 2.9]],
            ["bakeTimeMinutes", 0, 1440, [-1, 1441, 1e9]],
            ["canaryBakeMinutes", 0, 1440, [-0.5, 1441]],
            ["linearStepBakeMinutes", 0, 1440, [1441, null]],
        ];
        for (const [key, min, max, values] of cases) {
            it(`THEN ${key} takes only whole numbers from ${min} to ${max}`, () => {
                const strategy = key.startsWith("canary") ? "canary" : key.startsWith("linear") ? "linear" : "blueGreen";
                for (const value of values) {
                    assert.deepEqual(refusals("dev", api({ deploymentStrategy: strategy, [key]: value })), [`${S}.api.${key} is ${JSON.stringify(value)}; expected an integer from ${min} to ${max}`], `${key} ${JSON.stringify(value)}`);
                }
            });
        }
    });

    describe("GIVEN test-traffic CIDRs", () => {
        const blueGreen = (testTrafficCidrs: unknown) => ({ deploymentStrategy: "blueGreen", testTrafficCidrs });
        const at = (i: number, value: unknown, problem: string) => `${S}.api.testTrafficCidrs[${i}] is ${JSON.stringify(value)}; ${problem}`;

        it("THEN private blocks of any size and public ones of one /16's addresses together are accepted", () => {
            for (const cidrs of [["10.0.0.0/8"], ["172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"], ["52.94.0.0/16"], ["52.94.0.0/17", "54.239.0.0/17"], ["198.51.100.7/32", "203.0.113.0/24", "10.0.0.0/8"], ["0.0.0.0/32"]]) {
                assert.deepEqual(apiDeployment(blueGreen(cidrs))?.testTraffic, { cidrs });
            }
        });

        it("THEN public blocks that admit more than one /16's addresses together are refused as a whole", () => {
            const cidrs = ["52.94.0.0/16", "54.239.0.0/24"];
            assert.deepEqual(refusals("dev", api(blueGreen(cidrs))), [`${S}.api.testTrafficCidrs is ${JSON.stringify(cidrs)}; together the blocks admit 65,792 public addresses; ${OWN_NETWORKS}`]);
        });

        it("THEN the world, and any split of it, is refused block by block", () => {
            refusedWith(blueGreen(["0.0.0.0/0"]), at(0, "0.0.0.0/0", `that is the whole internet; ${OWN_NETWORKS}`));
            // Counted as the pack counts: less the private, shared, loopback, link-local and other non-public ranges inside.
            refusedWith(
                blueGreen(["0.0.0.0/1", "128.0.0.0/1"]),
                at(0, "0.0.0.0/1", `it admits 2,092,957,696 public addresses; ${OWN_NETWORKS}`),
                at(1, "128.0.0.0/1", `it admits 1,609,300,992 public addresses; ${OWN_NETWORKS}`),
            );
            const cases: [string, string][] = [
                ["64.0.0.0/2", "1,052,770,304"],
                ["8.0.0.0/7", "33,554,432"],
                ["10.0.0.0/7", "16,777,216"],
                ["52.0.0.0/8", "16,777,216"],
                ["52.94.0.0/15", "131,072"],
            ];
            for (const [cidr, count] of cases) {
                assert.deepEqual(refusals("dev", api(blueGreen([cidr]))), [at(0, cidr, `it admits ${count} public addresses; ${OWN_NETWORKS}`)], cidr);
            }
        });

        it("THEN IPv6, bare addresses, host bits, spaces, leading zeros and non-text are refused, each saying what to write", () => {
            const ipv6 = "IPv6 blocks match nobody: the load balancer has IPv4 addresses only; give an IPv4 block such as 203.0.113.0/24";
            refusedWith(
                blueGreen(["::/0", "2001:db8::/32", "203.0.113.7"]),
                at(0, "::/0", ipv6),
                at(1, "2001:db8::/32", ipv6),
                at(2, "203.0.113.7", `expected a CIDR block: write "203.0.113.7/32" for one address`),
            );
            refusedWith(
                blueGreen(["10.0.0.1/8", " 10.0.0.0/8", "010.0.0.0/8"]),
                at(0, "10.0.0.1/8", "host bits are set, so the block is ambiguous; write its network address 10.0.0.0/8"),
                at(1, " 10.0.0.0/8", NOT_A_CIDR),
                at(2, "010.0.0.0/8", NOT_A_CIDR),
            );
            refusedWith(blueGreen(["10.0.0.0/33", "256.0.0.0/16", 10]), at(0, "10.0.0.0/33", NOT_A_CIDR), at(1, "256.0.0.0/16", NOT_A_CIDR), at(2, 10, "expected an IPv4 CIDR block such as 203.0.113.0/24"));
            refusedWith(blueGreen("10.0.0.0/8"), `${S}.api.testTrafficCidrs is "10.0.0.0/8"; expected a list`);
        });

        it("THEN a block listed twice or inside another is refused, and so are more than one condition takes", () => {
            refusedWith(
                blueGreen(["10.0.0.0/8", "10.1.0.0/16", "10.0.0.0/8"]),
                at(1, "10.1.0.0/16", "overlaps 10.0.0.0/8 at [0]; list each address once, as the larger block or the smaller ones"),
                at(2, "10.0.0.0/8", "listed twice (also at [0])"),
            );
            const four = ["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"];
            assert.deepEqual(refusals("dev", api(blueGreen(four))), [
                `${S}.api.testTrafficCidrs is ${JSON.stringify(four)}; holds 4 blocks; one source-ip condition of a listener rule takes at most 3 (ELB, condition types for listener rules)`,
            ]);
        });

        it("THEN the test rule's condition values (paths, hosts, the header, the blocks) stay within ELB's 5 per rule", () => {
            const three = ["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"];
            assert.deepEqual(apiDeployment({ ...blueGreen(three), paths: ["/api/*"] })?.testTraffic, { cidrs: three });
            assert.deepEqual(refusals("dev", api({ ...blueGreen(three), paths: ["/api/*"], hosts: ["api.example.com"] })), [
                `${S}.api.testTrafficCidrs has 3 blocks; with the route's 2 paths and hosts and the X-Deployment-Test header, the test listener rule would hold 6 condition values and ELB allows 5 per rule (quota condition-values-per-alb-rule): list fewer blocks or paths and hosts`,
            ]);
        });

        it("THEN the production and test rules need free priorities just ahead of the route's own: refused by the loader, naming the service", () => {
            assert.deepEqual(refusals("dev", api({ ...blueGreen(["10.0.0.0/8"]), priority: 2 })), [
                `${S}.api deploys blueGreen, so its production and test rules must come before its own priority 2, at priorities that are not multiples of 10, but none is left there; give api a larger priority`,
            ]);
            // docs at 9 leaves api (derived 10) no room between them; a rolling api needs none.
            const docs = { kind: "web", paths: ["/docs/*"], priority: 9 };
            const withDocs = (fields: Record<string, unknown>): ConfigChange => ({ services: { ...(api(fields).services as object), docs } });
            assert.deepEqual(refusals("dev", withDocs({ deploymentStrategy: "canary" })), [
                `${S}.api deploys canary, so its production rule must come after route docs at priority 9 and before its own priority 10, at priorities that are not multiples of 10, but none is left there; give api a larger priority or docs a smaller one`,
            ]);
            assert.equal(byName(parseChanged("dev", withDocs({}))).api.route?.priority, 10);
            assert.deepEqual(byName(parseChanged("dev", api({ ...blueGreen(["10.0.0.0/8"]), priority: 3 }))).api.route?.priority, 3);
        });

        it("THEN in the one-service form the flat key is named with the item", () => {
            assert.deepEqual(refusals("prod", flat({ [`${P}:deploymentStrategy`]: "canary", [`${P}:testTrafficCidrs`]: `["0.0.0.0/0"]` })), [
                `${P}:testTrafficCidrs[0] is "0.0.0.0/0"; that is the whole internet; ${OWN_NETWORKS}`,
            ]);
        });

        it("THEN values set with --secret are named but never shown, nor anything taken from them", () => {
            const cidrs = ["0.0.0.0/0", "203.0.113.7", "198.51.100.1/24", "52.0.0.0/8"];
            const hooks = [
                { stages: ["PRE_SCALE_UP"], lambdaArn: "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f" },
                { stages: ["pre_scale_up"], lambdaArn: "arn:aws-cn:lambda:us-east-1:123456789012:function:g" },
            ];
            const values = { [`${P}:deploymentStrategy`]: "canary", [`${P}:testTrafficCidrs`]: JSON.stringify(cidrs), [`${P}:lifecycleHooks`]: JSON.stringify(hooks) };
            const problems = refusals("prod", { ...flat(values), secretKeys: [`${P}:testTrafficCidrs`, `${P}:lifecycleHooks`] });
            assert.deepEqual(problems, [
                `${P}:testTrafficCidrs[0] is [secret]; that is the whole internet; ${OWN_NETWORKS}`,
                `${P}:testTrafficCidrs[1] is [secret]; expected a CIDR block: add /32 for one address`,
                `${P}:testTrafficCidrs[2] is [secret]; host bits are set, so the block is ambiguous; write its network address`,
                `${P}:testTrafficCidrs[3] is [secret]; the block is too large; ${OWN_NETWORKS}`,
                `${P}:testTrafficCidrs is [secret]; holds 4 blocks; one source-ip condition of a listener rule takes at most 3 (ELB, condition types for listener rules)`,
                `${P}:lifecycleHooks[0].lambdaArn is [secret]; the function is in another partition than the stack's region us-east-1 (aws), and partitions cannot reach each other`,
                `${P}:lifecycleHooks[1].stages[0] is [secret]; allowed: ${STAGES}`,
                `${P}:lifecycleHooks[1].lambdaArn is [secret]; ${LAMBDA_FORM}: its region is not in its partition`,
            ]);
            for (const leak of ["203.0.113", "198.51.100", "52.0", "/1 ", "us-gov", "aws-cn", "PRE_SCALE_UP\"?"]) {
                assert.ok(!problems.some(p => p.includes(leak)), leak);
            }
        });

        it("THEN an overlap in a secret list names the other block by its index only", () => {
            const change = { ...flat({ [`${P}:deploymentStrategy`]: "canary", [`${P}:testTrafficCidrs`]: `["10.0.0.0/8","10.9.0.0/16"]` }), secretKeys: [`${P}:testTrafficCidrs`] };
            assert.deepEqual(refusals("prod", change), [`${P}:testTrafficCidrs[1] is [secret]; overlaps the block at [0]; list each address once, as the larger block or the smaller ones`]);
        });

        it("THEN a bad stack-wide block is named once, not again for each web entry that inherits it", () => {
            const values = { [`${P}:deploymentStrategy`]: "blueGreen", [`${P}:testTrafficCidrs`]: `["128.0.0.0/1"]` };
            assert.deepEqual(refusals("dev", { values, services: { web: { kind: "web" }, api: { kind: "web", paths: ["/api/*"] } } }), [
                `${P}:testTrafficCidrs[0] is "128.0.0.0/1"; it admits 1,609,300,992 public addresses; ${OWN_NETWORKS}`,
            ]);
        });
    });

    describe("GIVEN lifecycle hooks", () => {
        const canary = (...lifecycleHooks: unknown[]) => ({ deploymentStrategy: "canary", lifecycleHooks });
        const at = (path: string, value: unknown, problem: string) => `${S}.api.lifecycleHooks${path} is ${JSON.stringify(value)}; ${problem}`;
        const lambdaOnly = (stage: string, instead: string) =>
            at(`[0].stages[0]`, stage, `a pause hook cannot run at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT, which only Lambda hooks may use (ECS API, DeploymentLifecycleHook); pause at ${instead} instead`);

        it("THEN a pause hook at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT is refused; a Lambda hook there is accepted", () => {
            refusedWith(canary({ stages: ["TEST_TRAFFIC_SHIFT"], pauseMinutes: 10 }), lambdaOnly("TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT"));
            refusedWith(canary({ stages: ["PRODUCTION_TRAFFIC_SHIFT"], pauseMinutes: 10 }), lambdaOnly("PRODUCTION_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT or POST_PRODUCTION_TRAFFIC_SHIFT"));
            assert.equal(apiDeployment(canary({ stages: ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"], lambdaArn: ARN }))?.hooks.length, 1);
        });

        it("THEN unknown, wrongly cased, repeated and missing stages are refused", () => {
            refusedWith(
                canary({ stages: ["pre_scale_up", "POST_SCALE_UP", "POST_SCALE_UP", "BEFORE_DEPLOY", 7], lambdaArn: ARN }),
                at("[0].stages[0]", "pre_scale_up", `allowed: ${STAGES}; did you mean "PRE_SCALE_UP"?`),
                at("[0].stages[2]", "POST_SCALE_UP", "listed twice (also at [1]); a hook runs once per stage"),
                at("[0].stages[3]", "BEFORE_DEPLOY", `allowed: ${STAGES}`),
                at("[0].stages[4]", 7, `allowed: ${STAGES}`),
            );
            refusedWith(
                canary({ stages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], lambdaArn: ARN }),
                at("[0].stages[0]", "PRE_PRODUCTION_TRAFFIC_SHIFT", `allowed: ${STAGES} (PRE_PRODUCTION_TRAFFIC_SHIFT is newer than the AWS provider this project pins, @pulumi/aws 7.48.0)`),
            );
            const empty = `expected a non-empty list of stages (ECS requires lifecycleStages), from ${STAGES}`;
            refusedWith(canary({ stages: [], lambdaArn: ARN }, { lambdaArn: ARN }, { stages: "POST_SCALE_UP", pauseMinutes: 5 }), at("[0].stages", [], empty), `${S}.api.lifecycleHooks[1].stages is not set; ${empty}`, at("[2].stages", "POST_SCALE_UP", empty));
        });

        it("THEN the same function twice at one stage, or two pauses at one stage, is refused; a Lambda and a pause hook may share one", () => {
            refusedWith(
                canary({ stages: ["PRE_SCALE_UP", "POST_SCALE_UP"], lambdaArn: ARN }, { stages: ["POST_SCALE_UP"], lambdaArn: ARN }, { stages: ["POST_SCALE_UP"], pauseMinutes: 5 }, { stages: ["RECONCILE_SERVICE", "POST_SCALE_UP"], pauseMinutes: 9 }),
                at("[1].stages[0]", "POST_SCALE_UP", "this function already runs at POST_SCALE_UP (lifecycleHooks[0]); one is enough"),
                at("[3].stages[1]", "POST_SCALE_UP", "a pause hook already pauses at POST_SCALE_UP (lifecycleHooks[2]); one is enough"),
            );
            const shared = [{ stages: ["POST_SCALE_UP"], lambdaArn: ARN }, { stages: ["POST_SCALE_UP"], lambdaArn: `${ARN}-2` }, { stages: ["POST_SCALE_UP"], pauseMinutes: 5 }];
            assert.equal(apiDeployment(canary(...shared))?.hooks.length, 3);
        });

        it("THEN a hook that is neither or both kinds, or no object, is refused", () => {
            const shapes = "expected {stages: [...], lambdaArn} or {stages: [...], pauseMinutes, onTimeout}";
            const both = { stages: ["POST_SCALE_UP"], lambdaArn: ARN, pauseMinutes: 5 };
            refusedWith(
                canary({ stages: ["POST_SCALE_UP"] }, both, "POST_SCALE_UP", null, ["POST_SCALE_UP"]),
                at("[0]", { stages: ["POST_SCALE_UP"] }, shapes),
                at("[1]", both, "a hook either invokes a Lambda function (lambdaArn) or pauses (pauseMinutes), not both"),
                at("[2]", "POST_SCALE_UP", shapes),
                at("[3]", null, shapes),
                at("[4]", ["POST_SCALE_UP"], shapes),
            );
        });

        it("THEN unknown fields are refused, ECS's own names with the field to write instead", () => {
            const fields = "not a field of a lifecycle hook (stages, lambdaArn, pauseMinutes, onTimeout)";
            refusedWith(
                canary({ stages: ["POST_SCALE_UP"], lambdaArn: ARN, roleArn: "arn:aws:iam::123456789012:role/x", hookDetails: { a: 1 }, lambdaARN: ARN, extra: true }),
                at("[0].roleArn", "arn:aws:iam::123456789012:role/x", `${fields}; the stack creates the role ECS invokes the function with`),
                at("[0].hookDetails", { a: 1 }, `${fields}; the stack passes no hook details`),
                at("[0].lambdaARN", ARN, `${fields}; did you mean lambdaArn?`),
                at("[0].extra", true, fields),
            );
            refusedWith(
                canary({ lifecycleStages: ["POST_SCALE_UP"], hookTargetArn: ARN, targetType: "PAUSE", timeoutConfiguration: { timeoutInMinutes: 5 } }),
                at("[0].lifecycleStages", ["POST_SCALE_UP"], `${fields}; write stages`),
                at("[0].hookTargetArn", ARN, `${fields}; write lambdaArn`),
                at("[0].targetType", "PAUSE", `${fields}; a hook with lambdaArn invokes the function, one with pauseMinutes pauses`),
                at("[0].timeoutConfiguration", { timeoutInMinutes: 5 }, `${fields}; write pauseMinutes and onTimeout`),
            );
        });

        it("THEN pause minutes outside 1 to 20160 and timeout actions other than ROLLBACK or CONTINUE are refused", () => {
            const minutes = "expected an integer from 1 to 20160 (minutes ECS waits before onTimeout: 14 days at most)";
            for (const value of [0, 20161, -1, 1.5, "1.5", "ten", null]) {
                refusedWith(canary({ stages: ["POST_SCALE_UP"], pauseMinutes: value }), at("[0].pauseMinutes", value, minutes));
            }
            for (const value of ["rollback", "Continue", "ABORT", "", 1]) {
                refusedWith(canary({ stages: ["POST_SCALE_UP"], pauseMinutes: 5, onTimeout: value }), at("[0].onTimeout", value, `allowed: "ROLLBACK" or "CONTINUE" (what ECS does when the pause times out)`));
            }
            refusedWith(
                canary({ stages: ["POST_SCALE_UP"], lambdaArn: ARN, onTimeout: "CONTINUE" }),
                at("[0].onTimeout", "CONTINUE", "applies to pause hooks only (ECS takes a timeout configuration only for PAUSE hooks); remove it"),
            );
        });

        it("THEN Lambda function ARNs are accepted unqualified, with $LATEST, a version or an alias, from another region of the partition", () => {
            for (const arn of [ARN, `${ARN}:$LATEST`, `${ARN}:12`, `${ARN}:live`, "arn:aws:lambda:eu-west-1:210987654321:function:Other_Fn-2"]) {
                assert.equal(apiDeployment(canary({ stages: ["PRE_SCALE_UP"], lambdaArn: arn }))?.hooks[0].type, "lambda", arn);
            }
        });

        it("THEN anything but a Lambda function ARN the stack's partition can reach is refused", () => {
            const cases: [unknown, string][] = [
                ["smoke-test", `${LAMBDA_FORM}: give the function's full ARN, not its name`],
                ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3", `${LAMBDA_FORM}: this is a layer, which cannot be invoked`],
                ["arn:aws:lambda:us-east-1:123456789012:function:", LAMBDA_FORM],
                ["arn:aws:lambda:us-east-1:12345:function:f", LAMBDA_FORM],
                [`${ARN}:live:extra`, LAMBDA_FORM],
                [`${ARN}:`, LAMBDA_FORM],
                [`${"arn:aws:lambda:us-east-1:123456789012:function:"}${"f".repeat(65)}`, LAMBDA_FORM],
                ["arn:aws:states:us-east-1:123456789012:stateMachine:deploy", LAMBDA_FORM],
                [` ${ARN}`, LAMBDA_FORM],
                [ARN.toUpperCase(), LAMBDA_FORM],
                ["arn:aws-cn:lambda:us-east-1:123456789012:function:f", `${LAMBDA_FORM}: region us-east-1 is not in partition aws-cn`],
                [
                    "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f",
                    "the function is in partition aws-us-gov but the stack deploys to us-east-1 (aws), and partitions cannot reach each other",
                ],
                [42, "expected a Lambda function ARN"],
            ];
            for (const [arn, problem] of cases) {
                assert.deepEqual(refusals("dev", api(canary({ stages: ["PRE_SCALE_UP"], lambdaArn: arn }))), [at("[0].lambdaArn", arn, problem)], String(arn));
            }
        });

        it("THEN the stack-wide hooks are judged once and inherited by every web entry", () => {
            const values = { [`${P}:deploymentStrategy`]: "blueGreen", [`${P}:lifecycleHooks`]: JSON.stringify([{ stages: ["POST_TEST_TRAFFIC_SHIFT"], pauseMinutes: 60 }]) };
            const { web, worker } = byName(parseChanged("dev", { values }));
            assert.deepEqual(web.deployment?.hooks, [{ type: "pause", stages: ["POST_TEST_TRAFFIC_SHIFT"], timeoutMinutes: 60, onTimeout: "ROLLBACK" }]);
            assert.equal(worker.deployment, undefined);
            const bad = { ...values, [`${P}:lifecycleHooks`]: JSON.stringify([{ stages: ["TEST_TRAFFIC_SHIFT"], pauseMinutes: 60 }]) };
            assert.deepEqual(refusals("dev", { values: bad }), [
                `${P}:lifecycleHooks[0].stages[0] is "TEST_TRAFFIC_SHIFT"; a pause hook cannot run at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT, which only Lambda hooks may use (ECS API, DeploymentLifecycleHook); pause at POST_TEST_TRAFFIC_SHIFT instead`,
            ]);
        });
    });

    describe("GIVEN the README's example", () => {
        it("THEN it loads as the canary service it describes", () => {
            const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
            const section = readme.slice(readme.indexOf("### Deployment strategy keys"));
            const block = /```yaml\n([\s\S]*?)```/.exec(section)![1];
            const services = YAML.parse(block)["fargate-web:services"];
            assert.deepEqual(byName(parseChanged("dev", { services: { web: { kind: "web" }, ...services } })).api.deployment, {
                strategy: "canary",
                bakeTimeMinutes: 10,
                canary: { percent: 10, bakeMinutes: 10 },
                testTraffic: { cidrs: ["203.0.113.0/24"] },
                hooks: [{ type: "pause", stages: ["POST_TEST_TRAFFIC_SHIFT"], timeoutMinutes: 60, onTimeout: "ROLLBACK" }],
            });
        });
    });

    describe("GIVEN what ECS documents for each range (the ECS SDK's declaration comments)", () => {
        const models = fs.readFileSync(require.resolve("@aws-sdk/client-ecs/dist-types/models/models_0.d.ts"), "utf8");
        /** The doc comment of `member` in `interface name`. */
        const doc = (name: string, member: string): string => {
            const body = models.slice(models.indexOf(`export interface ${name} {`));
            return body.slice(0, body.indexOf(`${member}?:`)).split("/**").pop()!;
        };

        it("THEN each strategy key's range lies within ECS's (a narrower one is this project's choice)", () => {
            const cases: [string, string, string, RegExp][] = [
                ["canaryPercent", "CanaryConfiguration", "canaryPercent", /from (\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)/],
                ["canaryBakeMinutes", "CanaryConfiguration", "canaryBakeTimeInMinutes", /are (\d+) to (\d+) minutes/],
                ["linearStepPercent", "LinearConfiguration", "stepPercent", /from (\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)/],
                ["linearStepBakeMinutes", "LinearConfiguration", "stepBakeTimeInMinutes", /are (\d+) to (\d+) minutes/],
            ];
            for (const [key, shape, member, range] of cases) {
                const match = range.exec(doc(shape, member));
                assert.ok(match, `${shape}.${member}: no range in ${doc(shape, member)}`);
                const { min, max } = declarationOf(key as "canaryPercent");
                assert.ok(min! >= Number(match[1]) && max! <= Number(match[2]), `${key} ${min}..${max} outside ECS's ${match[1]}..${match[2]}`);
            }
        });

        it("THEN each strategy key defaults to ECS's own default", () => {
            assert.match(doc("CanaryConfiguration", "canaryPercent"), new RegExp(`default value is ${declarationOf("canaryPercent").default}\\.0\\.`));
            assert.match(doc("CanaryConfiguration", "canaryBakeTimeInMinutes"), new RegExp(`default value is ${declarationOf("canaryBakeMinutes").default}\\.`));
            assert.match(doc("LinearConfiguration", "stepPercent"), new RegExp(`default value is ${declarationOf("linearStepPercent").default}\\.0\\.`));
            assert.match(doc("LinearConfiguration", "stepBakeTimeInMinutes"), new RegExp(`default value is ${declarationOf("linearStepBakeMinutes").default}\\.`));
            assert.match(doc("DeploymentLifecycleHookTimeoutConfiguration", "action"), /Default: <code>ROLLBACK<\/code>/);
            // The rollout model's default for a pause hook without a timeout (one owner: policy/facts/ecsDeployments.ts).
            assert.match(doc("DeploymentLifecycleHookTimeoutConfiguration", "timeoutInMinutes"), new RegExp(`Default: ${ECS_DEPLOYMENT_DEFAULTS.hookTimeoutInMinutes} `));
        });

        it("THEN the stages are ECS's, and the stages a pause hook cannot use are the ones ECS names", () => {
            const stages = doc("DeploymentLifecycleHook", "lifecycleStages");
            for (const stage of ["RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"]) {
                assert.ok(stages.includes(`<p>${stage}</p>`), stage);
            }
            assert.match(stages, /<code>PAUSE<\/code> hooks cannot be configured at <code>TEST_TRAFFIC_SHIFT<\/code> or <code>PRODUCTION_TRAFFIC_SHIFT<\/code> stages/);
        });
    });

    describe("GIVEN a stack file as the CLI reads it against Pulumi.yaml's declared types", () => {
        let dir: string;
        before(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "deployment-"));
        });
        after(() => fs.rmSync(dir, { recursive: true, force: true }));
        const inspect = (lines: string[]) => {
            const file = path.join(dir, "Pulumi.test.yaml");
            fs.writeFileSync(file, ["config:", "  aws:region: us-east-1", ...lines, ""].join("\n"));
            return inspectStackConfig(PROJECT_DIR, "test", file);
        };

        it("THEN list-valued keys (array<string>, array<object>) arrive as the loader's settings", () => {
            const inspection = inspect([
                "  fargate-web:deploymentStrategy: blueGreen",
                "  fargate-web:testTrafficCidrs:",
                "  - 10.0.0.0/8",
                "  fargate-web:lifecycleHooks:",
                "  - stages: [POST_TEST_TRAFFIC_SHIFT]",
                "    pauseMinutes: 30",
            ]);
            assert.deepEqual(inspection.problems, []);
            const c = inspection.config;
            const settings = parseStackConfig({ project: c.project, stack: "test", values: c.config, secretKeys: c.secretKeys, securePaths: c.securePaths });
            assert.deepEqual(settings.services[0].deployment, {
                strategy: "blueGreen",
                bakeTimeMinutes: 10,
                testTraffic: { cidrs: ["10.0.0.0/8"] },
                hooks: [{ type: "pause", stages: ["POST_TEST_TRAFFIC_SHIFT"], timeoutMinutes: 30, onTimeout: "ROLLBACK" }],
            });
        });

        it("THEN a lone CIDR or a lone hook where a list is declared is refused as the CLI refuses it", () => {
            const cidr = inspect(["  fargate-web:testTrafficCidrs: 10.0.0.0/8"]);
            assert.equal(cidr.problems.length, 1);
            assert.equal(
                cidr.problems[0],
                `fargate-web:testTrafficCidrs is text; expected a list of string (the CLI refuses: "Stack 'test' with configuration key 'fargate-web:testTrafficCidrs' must be of type 'array<string>'")`,
            );
            const hook = inspect(["  fargate-web:lifecycleHooks:", "    stages: [POST_SCALE_UP]", "    pauseMinutes: 5"]);
            assert.equal(hook.problems.length, 1);
            assert.match(hook.problems[0], /^fargate-web:lifecycleHooks is .*must be of type 'array<object>'/);
            const hookInList = inspect(["  fargate-web:lifecycleHooks:", "  - POST_SCALE_UP"]);
            assert.match(hookInList.problems[0], /must be of type 'array<object>'/);
        });

        it("THEN inside services (an object the CLI does not look into) the loader refuses a lone hook itself", () => {
            const hook = { stages: ["POST_SCALE_UP"], pauseMinutes: 5 };
            assert.deepEqual(refusals("dev", api({ deploymentStrategy: "canary", lifecycleHooks: hook })), [`${S}.api.lifecycleHooks is ${JSON.stringify(hook)}; expected a list`]);
        });
    });
});
