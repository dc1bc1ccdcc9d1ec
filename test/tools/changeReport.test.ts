/**
 * The change report: two check reports compared (pure cases), the replace-on-change table, the thresholds,
 * and real runs of the prod stack whose config changes replace, revise or update resources.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { check, runCli } from "../../tools/check";
import { parseCheckArgs, UsageError } from "../../tools/checkArgs";
import { CheckReport, formatReport, ReportedResource } from "../../tools/checkReport";
import { BaselineError, parseBaselineReport } from "../../tools/changes/baseline";
import { compareReports } from "../../tools/changes/compare";
import { commentMarker, formatChangesMarkdown } from "../../tools/changes/format";
import { REPLACE_ON_CHANGE_ROWS, replaceRuleFor } from "../../tools/changes/replaceOnChange";
import { FORWARD_TARGET_GROUPS_PATH } from "../../components/deploymentRules";
import { ignoresForwardTargets } from "../../tools/changes/pinnedTargetGroups";
import { changeFindings, ChangeThresholdsError, DEFAULT_CHANGE_THRESHOLDS, parseChangeThresholds } from "../../tools/changes/thresholds";
import { PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES, DOCKER_TYPES } from "../../policy/facts/typeTokens";

const URN = (type: string, name: string) => `urn:pulumi:prod::fargate-web::${type}::${name}`;

function resource(type: string, name: string, inputs: Record<string, unknown>, options: Partial<ReportedResource["options"]> = {}): ReportedResource {
    return { urn: URN(type, name), type, name, parent: "urn:pulumi:prod::fargate-web::pulumi:pulumi:Stack::fargate-web-prod", inputs, options: { protect: false, retainOnDelete: false, aliases: [], ...options } };
}

function report(resources: ReportedResource[], over: Partial<CheckReport> = {}): CheckReport {
    return {
        stack: "prod",
        project: "fargate-web",
        resources,
        violations: [],
        applyErrors: [],
        cost: { monthlyUsd: 100, monthlyUsdMax: 200, currency: "USD", region: "us-east-1", items: [], unpriced: [], notes: [] },
        rollout: { secondsPerWave: 80, waves: 1, notes: [], warnings: [] },
        coverage: { remoteComponents: [], checksNotRun: 0, checksNotRunDetail: [] },
        ...over,
    };
}

const TG = AWS_TYPES.lbTargetGroup;
const REPO = AWS_TYPES.ecrRepository;
const TASK = AWS_TYPES.ecsTaskDefinition;
const SERVICE = AWS_TYPES.ecsService;

describe("change report: comparing two reports", () => {
    const tg = resource(TG, "web-tg", { port: 8080, protocol: "HTTP", healthCheck: { path: "/health" } });

    it("GIVEN identical reports THEN nothing changes and no finding is raised", () => {
        const c = compareReports(report([tg]), report([tg]));
        assert.deepEqual([c.added, c.deleted, c.updated, c.renamed, c.newViolations, c.fixedViolations], [[], [], [], [], [], []]);
        assert.deepEqual(changeFindings(c, DEFAULT_CHANGE_THRESHOLDS), []);
    });

    it("GIVEN a target group's port or protocol changes THEN it is replaced, citing the upstream source", () => {
        for (const changed of [{ port: 9090 }, { protocol: "HTTPS" }]) {
            const c = compareReports(report([tg]), report([{ ...tg, inputs: { ...(tg.inputs as object), ...changed } }]));
            assert.equal(c.updated.length, 1);
            assert.equal(c.updated[0].effect, "replace");
            assert.deepEqual(c.updated[0].because, Object.keys(changed));
            assert.match(c.updated[0].source ?? "", /internal\/service\/elbv2\/target_group\.go/);
        }
    });

    it("GIVEN only the health check path changes THEN the target group updates in place", () => {
        const c = compareReports(report([tg]), report([{ ...tg, inputs: { ...(tg.inputs as object), healthCheck: { path: "/ready" } } }]));
        assert.deepEqual(c.updated.map(u => [u.effect, u.changedInputs]), [["update", ["healthCheck"]]]);
    });

    it("GIVEN a task definition's container definitions change THEN a new revision, not a replacement; tags alone update", () => {
        const td = resource(TASK, "web-task", { family: "web", containerDefinitions: "[]", tags: { a: "1" } });
        const revised = compareReports(report([td]), report([{ ...td, inputs: { ...(td.inputs as object), containerDefinitions: '[{"name":"web"}]' } }]));
        assert.deepEqual(revised.updated.map(u => u.effect), ["new-revision"]);
        const tagged = compareReports(report([td]), report([{ ...td, inputs: { ...(td.inputs as object), tags: { a: "2" } } }]));
        assert.deepEqual(tagged.updated.map(u => u.effect), ["update"]);
    });

    it("GIVEN the ECR encryption type changes on a protected repository THEN replacement, with a mandatory finding", () => {
        const repo = resource(REPO, "web-repo", { encryptionConfigurations: [{ encryptionType: "AES256" }] }, { protect: true });
        const c = compareReports(report([repo]), report([{ ...repo, inputs: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:1:key/x" }] } }]));
        assert.equal(c.updated[0].effect, "replace");
        assert.equal(c.updated[0].protect, true);
        assert.equal(c.updated[0].stateful, true);
        const findings = changeFindings(c, DEFAULT_CHANGE_THRESHOLDS);
        assert.deepEqual(findings.map(f => [f.rule, f.enforcementLevel]), [["protectedResourceReplacement", "mandatory"], ["statefulResourceLoss", "advisory"]]);
    });

    it("GIVEN a service's capacity provider strategy changes without forceNewDeployment THEN the provider refuses it, a mandatory finding", () => {
        const before = resource(SERVICE, "web-service", { capacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1 }] });
        const strategy = (extra: Record<string, unknown>) => ({ ...before, inputs: { capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], ...extra } });
        const refused = compareReports(report([before]), report([strategy({})]));
        assert.deepEqual(refused.updated.map(u => [u.effect, [...u.because]]), [["refused", ["force_new_deployment should be true when capacity_provider_strategy is being updated"]]]);
        assert.deepEqual(changeFindings(refused, DEFAULT_CHANGE_THRESHOLDS).map(f => [f.rule, f.enforcementLevel]), [["changeRefusedByProvider", "mandatory"]]);
        assert.equal(compareReports(report([before]), report([strategy({ forceNewDeployment: true })])).updated[0].effect, "update");
    });

    it("GIVEN a replace-on-change input is not known offline THEN the replacement is reported as not determinable", () => {
        const c = compareReports(report([tg]), report([{ ...tg, inputs: { ...(tg.inputs as object), vpcId: "[unknown]" } }]));
        assert.equal(c.updated[0].effect, "undeterminable");
        assert.match(c.updated[0].because[0], /vpcId is not known offline/);
    });

    it("GIVEN a type the table does not know changes THEN 'replacement not determinable offline', as an advisory finding", () => {
        const db = resource(AWS_TYPES.rdsInstance, "db", { instanceClass: "db.t4g.micro" });
        const c = compareReports(report([db]), report([{ ...db, inputs: { instanceClass: "db.t4g.small" } }]));
        assert.equal(c.updated[0].effect, "undeterminable");
        assert.match(c.updated[0].because[0], /replacement not determinable offline/);
        assert.deepEqual(changeFindings(c, DEFAULT_CHANGE_THRESHOLDS).map(f => f.rule), ["replacementNotDeterminable"]);
    });

    it("GIVEN resources added and deleted THEN both are listed; a protected deletion is mandatory", () => {
        const logs = resource(AWS_TYPES.cloudwatchLogGroup, "web-logs", { retentionInDays: 365 }, { protect: true });
        const c = compareReports(report([tg, logs]), report([tg, resource(TG, "api-tg", { port: 3000 })]));
        assert.deepEqual(c.added.map(r => r.name), ["api-tg"]);
        assert.deepEqual(c.deleted.map(r => [r.name, r.protect, r.stateful]), [["web-logs", true, true]]);
        assert.deepEqual(changeFindings(c, DEFAULT_CHANGE_THRESHOLDS).map(f => [f.rule, f.enforcementLevel]), [["protectedResourceDeletion", "mandatory"], ["statefulResourceLoss", "advisory"]]);
    });

    it("GIVEN a resource moved under an alias of its old URN THEN it is the same resource, not a delete and a create", () => {
        const moved = { ...tg, urn: URN(`fargate-web:lb:LoadBalancer$${TG}`, "web-tg"), options: { protect: false, retainOnDelete: false, aliases: [tg.urn] } };
        const c = compareReports(report([tg]), report([moved]));
        assert.deepEqual([c.added, c.deleted, c.updated], [[], [], []]);
        assert.deepEqual(c.renamed, [{ from: tg.urn, to: moved.urn }]);
    });

    it("GIVEN cost and rollout change THEN the deltas are computed, and an increase over the threshold is a finding", () => {
        const c = compareReports(report([tg]), report([tg], { cost: { monthlyUsd: 130, monthlyUsdMax: 200, currency: "USD", region: "us-east-1", items: [], unpriced: [], notes: [] }, rollout: { secondsPerWave: 60, waves: 2, notes: [], warnings: [] } }));
        assert.deepEqual(c.monthlyCostUsd, { before: 100, after: 130, change: 30, percent: 30 });
        assert.deepEqual(c.rolloutSeconds, { before: 80, after: 120, change: 40, percent: 50 });
        const findings = changeFindings(c, DEFAULT_CHANGE_THRESHOLDS);
        assert.deepEqual(findings.map(f => f.rule), ["monthlyCostIncrease"]);
        assert.match(findings[0].message, /\$100\.00 a month → \$130\.00 a month \(\+30%; the threshold is \+20%\)/);
        assert.deepEqual(changeFindings(c, { ...DEFAULT_CHANGE_THRESHOLDS, monthlyCostIncrease: { enforcementLevel: "mandatory", maxPercent: 30 } }), []);
        assert.deepEqual(changeFindings(c, { ...DEFAULT_CHANGE_THRESHOLDS, monthlyCostIncrease: { enforcementLevel: "disabled", maxPercent: 0 } }), []);
    });

    it("GIVEN violations differ THEN new and fixed ones are listed", () => {
        const v = (policy: string) => ({ policy, enforcementLevel: "advisory" as const, urn: tg.urn, message: `${policy} message`, description: policy });
        const c = compareReports(report([tg], { violations: [v("a"), v("b")] }), report([tg], { violations: [v("b"), v("c")] }));
        assert.deepEqual(c.newViolations.map(x => x.policy), ["c"]);
        assert.deepEqual(c.fixedViolations.map(x => x.policy), ["a"]);
    });

    it("GIVEN a secret input THEN its change cannot be seen and the report says so", () => {
        const secret = resource(AWS_TYPES.secretsmanagerSecretVersion, "db", { secretId: "arn", secretString: "[secret]" });
        const c = compareReports(report([secret]), report([secret]));
        assert.deepEqual(c.secretInputsNotCompared, [{ urn: secret.urn, inputs: ["secretString"] }]);
    });

    it("GIVEN a baseline written before resource options were reported THEN it still compares (options read as unprotected)", () => {
        const { options: _dropped, ...old } = tg;
        const c = compareReports(report([old as ReportedResource]), report([]));
        assert.deepEqual(c.deleted.map(r => r.protect), [false]);
    });
});

describe("change report: target groups a rule ignoring its forward targets still forwards to", () => {
    const RULE = AWS_TYPES.lbListenerRule;
    const LISTENER = AWS_TYPES.lbListener;
    const tg = resource(TG, "web-tg", { port: 8080, protocol: "HTTP" });
    const alt = resource(TG, "web-alt", { port: 8080, protocol: "HTTP" });
    const listener = resource(LISTENER, "web-listener", { port: 443 });
    const forward = { actions: [{ type: "forward", forward: { targetGroups: [{ arn: "arn:tg", weight: 100 }, { arn: "arn:alt", weight: 0 }] } }], priority: 10 };
    /** A rule forwarding to `groups`, depending on them through `actions`, with `ignoreChanges`. */
    const rule = (ignoreChanges: string[] | undefined, groups: ReportedResource[] = [tg, alt]): ReportedResource => {
        const r = resource(RULE, "web-prod-rule", forward, ignoreChanges === undefined ? {} : { ignoreChanges });
        return { ...r, dependencies: { actions: groups.map(g => g.urn), listenerArn: [listener.urn] } };
    };
    const newPort = (g: ReportedResource) => ({ ...g, inputs: { ...(g.inputs as object), port: 9090 } });
    const findings = (c: ReturnType<typeof compareReports>, thresholds = DEFAULT_CHANGE_THRESHOLDS) =>
        changeFindings(c, thresholds).filter(f => f.rule === "shiftedTargetGroupReplacement").map(f => [f.enforcementLevel, f.urn?.split("::").pop()]);

    it("GIVEN ignoreChanges paths THEN those that keep the forward targets (or contain them) count, a weight or another field does not", () => {
        for (const path of ["actions[0].forward.targetGroups", "actions", "actions[0]", "actions[*].forward", '["actions"][0].forward', "actions[0].forward.targetGroups[*]", "actions[0].forward.targetGroups[1].arn", "actions[2].targetGroupArn"]) {
            assert.equal(ignoresForwardTargets([path]), true, path);
        }
        for (const path of ["actions[0].forward.targetGroups[*].weight", "actions[0].forward.stickiness", "actions[0].forward.targetGroupsX", "actions.forward", "tags", "conditions[0]", ""]) {
            assert.equal(ignoresForwardTargets([path]), false, path);
        }
        assert.equal(ignoresForwardTargets([]), false);
        assert.equal(ignoresForwardTargets([FORWARD_TARGET_GROUPS_PATH]), true, "the path the deployment rules ignore");
    });

    it("GIVEN a replaced group that a kept rule ignoring its forward targets uses THEN a finding per group, mandatory by default, advisory in dev", () => {
        const c = compareReports(report([listener, tg, alt, rule(["actions[0].forward.targetGroups"])]), report([listener, newPort(tg), newPort(alt), rule(["actions[0].forward.targetGroups"])]));
        assert.deepEqual(
            c.pinnedTargetGroups.map(g => [g.name, g.effect, [...g.because], [...g.rules]]),
            [["web-alt", "replace", ["port"], ["web-prod-rule"]], ["web-tg", "replace", ["port"], ["web-prod-rule"]]],
        );
        assert.deepEqual(findings(c), [["mandatory", "web-alt"], ["mandatory", "web-tg"]]);
        const dev = parseChangeThresholds(JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "dev.changes.json"), "utf8")), "dev");
        const prod = parseChangeThresholds(JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.changes.json"), "utf8")), "prod");
        assert.deepEqual(findings(c, dev), [["advisory", "web-alt"], ["advisory", "web-tg"]]);
        assert.deepEqual(findings(c, prod), [["mandatory", "web-alt"], ["mandatory", "web-tg"]]);
        assert.deepEqual(findings(c, { ...DEFAULT_CHANGE_THRESHOLDS, shiftedTargetGroupReplacement: { enforcementLevel: "disabled" } }), []);
        const message = changeFindings(c, DEFAULT_CHANGE_THRESHOLDS).find(f => f.rule === "shiftedTargetGroupReplacement")!.message;
        assert.match(message, /web-alt: a change of port replaces it, but listener rule web-prod-rule ignores its forward target groups/);
        assert.match(message, /ResourceInUse/);
        assert.match(message, /Deploy the change with deploymentStrategy rolling first, then switch back\.$/);
    });

    it("GIVEN the rule does not ignore its targets, is new, or the group only updates THEN no finding", () => {
        const noIgnore = compareReports(report([listener, tg, rule([], [tg])]), report([listener, newPort(tg), rule([], [tg])]));
        assert.deepEqual([noIgnore.updated.map(u => u.effect), noIgnore.pinnedTargetGroups], [["replace"], []]);
        const weightsOnly = compareReports(report([listener, tg, rule(["actions[0].forward.targetGroups[*].weight"], [tg])]), report([listener, newPort(tg), rule(["actions[0].forward.targetGroups[*].weight"], [tg])]));
        assert.deepEqual(weightsOnly.pinnedTargetGroups, []);
        const fresh = compareReports(report([listener, tg]), report([listener, newPort(tg), rule(["actions"], [tg])]));
        assert.deepEqual(fresh.pinnedTargetGroups, []);
        const healthCheck = compareReports(report([listener, tg, rule(["actions"], [tg])]), report([listener, { ...tg, inputs: { ...(tg.inputs as object), healthCheck: { path: "/ready" } } }, rule(["actions"], [tg])]));
        assert.deepEqual([healthCheck.updated.map(u => u.effect), healthCheck.pinnedTargetGroups], [["update"], []]);
    });

    it("GIVEN the kept rule now forwards elsewhere and the old group is deleted THEN the baseline's forward counts", () => {
        const other = resource(TG, "web-blue", { port: 8080, protocol: "HTTP" });
        const c = compareReports(report([listener, tg, alt, rule(["actions"], [tg, alt])]), report([listener, tg, other, rule(["actions"], [tg, other])]));
        assert.deepEqual(c.pinnedTargetGroups.map(g => [g.name, g.effect, [...g.because]]), [["web-alt", "delete", []]]);
        assert.match(changeFindings(c, DEFAULT_CHANGE_THRESHOLDS).find(f => f.rule === "shiftedTargetGroupReplacement")!.message, /web-alt: the program deletes it, but listener rule web-prod-rule/);
    });

    it("GIVEN a baseline written before ignoreChanges and dependencies were reported THEN it compares, judged by the head run's", () => {
        const old = (r: ReportedResource): ReportedResource => {
            const { dependencies: _dependencies, ...rest } = r;
            return { ...rest, options: { protect: false, retainOnDelete: false, aliases: [] } };
        };
        const c = compareReports(report([listener, tg, rule(undefined, [tg])].map(old)), report([listener, newPort(tg), rule(["actions[0].forward.targetGroups"], [tg])]));
        assert.deepEqual(c.pinnedTargetGroups.map(g => g.name), ["web-tg"]);
        const { options: _options, ...noOptions } = old(rule(undefined, [tg]));
        const older = compareReports(report([listener, tg, noOptions as ReportedResource]), report([listener, newPort(tg), rule(["actions"], [tg])]));
        assert.deepEqual(older.pinnedTargetGroups.map(g => g.name), ["web-tg"]);
        const shape = { stack: "prod", violations: [], cost: { monthlyUsd: 1, monthlyUsdMax: 1 }, rollout: { secondsPerWave: 1, waves: 1 } };
        assert.doesNotThrow(() => parseBaselineReport({ ...shape, resources: [old(rule(undefined))] }, "base.json", { stack: "prod" }));
        assert.throws(() => parseBaselineReport({ ...shape, resources: [rule([1 as unknown as string])] }, "base.json", { stack: "prod" }), /resources\[0\]\.options\.ignoreChanges is not a list of property paths/);
        assert.throws(() => parseBaselineReport({ ...shape, resources: [{ ...tg, dependencies: { actions: "urn" } }] }, "base.json", { stack: "prod" }), /resources\[0\]\.dependencies is not a map of inputs to URN lists/);
    });
});

describe("change report: real runs of the dev stack", function () {
    this.timeout(120_000);
    let tmp: string;
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "change-report-dev-"));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    /** The dev stack file with the web service's keys set to `web`. */
    function devConfigWith(label: string, web: Record<string, unknown>): string {
        const file = path.join(tmp, `Pulumi.dev.${label}.yaml`);
        const doc = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.dev.yaml"), "utf8"));
        Object.assign(doc.config["fargate-web:services"].web, web);
        fs.writeFileSync(file, stringify(doc));
        return file;
    }

    it("GIVEN a canary web service beside a worker gets a new port THEN its pinned groups are an advisory finding in dev, exit 0", async () => {
        const baseline = path.join(tmp, "base.json");
        const { report: base } = await check(parseCheckArgs(["--stack", "dev", "--config", devConfigWith("canary", { deploymentStrategy: "canary" }), "--json"]));
        fs.writeFileSync(baseline, JSON.stringify(base));
        const head = devConfigWith("canary-port", { deploymentStrategy: "canary", containerPort: 9090 });
        const { report: r, exitCode } = await check(parseCheckArgs(["--stack", "dev", "--config", head, "--baseline", baseline]));
        assert.deepEqual(
            r.changes?.pinnedTargetGroups.map(g => [g.name, g.effect, [...g.rules]]),
            [
                ["web-alt", "replace", ["web-prod-rule"]],
                ["web-tg", "replace", ["web-prod-rule"]],
            ],
        );
        assert.deepEqual(
            r.changes?.findings.filter(f => f.rule === "shiftedTargetGroupReplacement").map(f => f.enforcementLevel),
            ["advisory", "advisory"],
        );
        assert.equal(exitCode, 0);
    });
});

describe("change report: the replace-on-change table", () => {
    it("names each type once, cites a provider source file for each row, and replaces a regional resource on region", () => {
        const types = REPLACE_ON_CHANGE_ROWS.flatMap(r => r.types);
        assert.equal(new Set(types).size, types.length);
        for (const row of REPLACE_ON_CHANGE_ROWS) {
            assert.match(row.source, /terraform-provider-aws v6 internal\/service\/[a-z0-9]+\/[a-z0-9_]+\.go/, row.types[0]);
            for (const type of row.types) {
                assert.equal(replaceRuleFor(type)?.forcesReplacement("region"), !row.global, type);
            }
        }
    });

    it("names only inputs that the installed @pulumi/aws declares for the type", () => {
        for (const row of REPLACE_ON_CHANGE_ROWS) {
            for (const type of row.types) {
                const [, module, file, cls] = /^aws:([^/]+)\/([^:]+):(.+)$/.exec(type) ?? [];
                const declarations = fs.readFileSync(path.join(PROJECT_DIR, "node_modules", "@pulumi", "aws", ...module.split("/"), `${file}.d.ts`), "utf8");
                const args = new RegExp(`export interface ${cls}Args \\{([\\s\\S]*?)\\n\\}`).exec(declarations)?.[1] ?? "";
                const declared = new Set([...args.matchAll(/^ {4}(\w+)\??:/gm)].map(m => m[1]));
                assert.ok(declared.size > 0, `${type}: no ${cls}Args in ${module}/${file}.d.ts`);
                assert.equal(declared.has("region"), !row.global, `${type}: global is ${row.global}, but region is ${declared.has("region") ? "" : "not "}declared`);
                const named = [...(row.replaceOn ?? []), ...(row.allBut ?? []), ...Object.keys(row.replaceWhen ?? {}), ...(row.unverified ?? []), ...(row.keptWhenRemoved ?? []), ...Object.keys(row.refuses ?? {})];
                for (const input of row.keptWhenRemoved ?? []) {
                    assert.ok(replaceRuleFor(type)?.forcesReplacement(input, { [input]: "b" }, { [input]: "a" }), `${type}: ${input} is kept when removed but does not replace when changed`);
                }
                for (const input of [...named, ...(row.global ? [] : ["region"])]) {
                    assert.ok(declared.has(input), `${type}: ${input} is not an input of ${cls}Args`);
                }
            }
        }
    });

    it("covers every resource type with cloud state in both stacks (the docker image is not a Terraform resource)", async () => {
        const uncited = new Set<string>([DOCKER_TYPES.image]);
        for (const stack of ["dev", "prod"]) {
            for (const res of (await runStack(stack)).resources) {
                if (res.component || uncited.has(res.type)) continue;
                assert.ok(replaceRuleFor(res.type), `${stack}: ${res.type} has no replace-on-change row`);
            }
        }
    });
});

describe("change report: rows checked against the upstream provider source", () => {
    /** The effect, the inputs that decide it and the reason, for one resource changed from `before` to `after`. */
    function change(type: string, before: Record<string, unknown>, after: Record<string, unknown>) {
        const was = resource(type, "r", before);
        const c = compareReports(report([was]), report([{ ...was, inputs: after }]));
        assert.equal(c.updated.length, 1, `${type}: one updated resource`);
        return { effect: c.updated[0].effect, because: [...c.updated[0].because] };
    }

    it("GIVEN an ECS service's registries, load balancers, placement or deployment controller change THEN in place; launch type still replaces", () => {
        const base = { name: "web", launchType: "FARGATE", serviceRegistries: { registryArn: "arn:aws:servicediscovery:us-east-1:1:service/srv-a" } };
        for (const changed of [
            { serviceRegistries: { registryArn: "arn:aws:servicediscovery:us-east-1:1:service/srv-b" } },
            { loadBalancers: [{ containerName: "web", containerPort: 8080, targetGroupArn: "arn:tg" }] },
            { orderedPlacementStrategies: [{ type: "spread", field: "attribute:ecs.availability-zone" }] },
            { deploymentController: { type: "CODE_DEPLOY" } },
        ]) {
            assert.deepEqual(change(SERVICE, base, { ...base, ...changed }), { effect: "update", because: [] }, Object.keys(changed)[0]);
        }
        assert.deepEqual(change(SERVICE, base, { ...base, launchType: "EC2" }), { effect: "replace", because: ["launchType"] });
    });

    it("GIVEN a secret version's value changes THEN a new version replaces it; moving its stages updates it", () => {
        const SECRET_VERSION = AWS_TYPES.secretsmanagerSecretVersion;
        const base = { secretId: "arn:aws:secretsmanager:us-east-1:1:secret:db", secretString: "one", versionStages: ["AWSCURRENT"] };
        assert.deepEqual(change(SECRET_VERSION, base, { ...base, secretString: "two" }), { effect: "replace", because: ["secretString"] });
        assert.deepEqual(change(SECRET_VERSION, { secretId: base.secretId, secretBinary: "b25l" }, { secretId: base.secretId, secretBinary: "dHdv" }), { effect: "replace", because: ["secretBinary"] });
        assert.deepEqual(change(SECRET_VERSION, { ...base, secretStringWoVersion: 1 }, { ...base, secretStringWoVersion: 2 }), { effect: "replace", because: ["secretStringWoVersion"] });
        assert.deepEqual(change(SECRET_VERSION, base, { ...base, versionStages: ["AWSCURRENT", "blue"] }), { effect: "update", because: [] });
    });

    it("GIVEN an ACM certificate's validation options change THEN replaced; its options (transparency logging) update in place", () => {
        const CERT = AWS_TYPES.acmCertificate;
        const base = { domainName: "example.com", validationMethod: "EMAIL", validationOptions: [{ domainName: "example.com", validationDomain: "example.com" }] };
        assert.deepEqual(change(CERT, base, { ...base, validationOptions: [{ domainName: "example.com", validationDomain: "mail.example.com" }] }), { effect: "replace", because: ["validationOptions"] });
        assert.deepEqual(change(CERT, base, { ...base, options: { certificateTransparencyLoggingPreference: "DISABLED" } }), { effect: "update", because: [] });
    });

    it("GIVEN a network load balancer loses or swaps a subnet, or gains its first security group THEN replaced; adding a subnet updates it", () => {
        const LB = AWS_TYPES.lbLoadBalancer;
        const nlb = { loadBalancerType: "network", subnets: ["subnet-a", "subnet-b"] };
        assert.deepEqual(change(LB, nlb, { ...nlb, subnets: ["subnet-a"] }), { effect: "replace", because: ["subnets"] });
        assert.deepEqual(change(LB, nlb, { ...nlb, subnets: ["subnet-a", "subnet-c"] }), { effect: "replace", because: ["subnets"] });
        assert.deepEqual(change(LB, nlb, { ...nlb, subnets: ["subnet-a", "subnet-b", "subnet-c"] }), { effect: "update", because: [] });
        assert.deepEqual(change(LB, nlb, { ...nlb, securityGroups: ["sg-1"] }), { effect: "replace", because: ["securityGroups"] });
        assert.deepEqual(change(LB, { ...nlb, securityGroups: ["sg-1"] }, { ...nlb, securityGroups: ["sg-2"] }), { effect: "update", because: [] });
    });

    it("GIVEN an application load balancer's subnets or security groups change THEN in place; a rewritten subnet mapping replaces it", () => {
        const LB = AWS_TYPES.albLoadBalancer;
        const alb = { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"] };
        assert.deepEqual(change(LB, alb, { ...alb, subnets: ["subnet-a"], securityGroups: [] }), { effect: "update", because: [] });
        const mapped = { subnetMappings: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }] };
        assert.deepEqual(change(LB, mapped, { subnetMappings: [...mapped.subnetMappings, { subnetId: "subnet-c" }] }), { effect: "update", because: [] });
        assert.deepEqual(change(LB, mapped, { subnetMappings: [{ subnetId: "subnet-a" }] }), { effect: "update", because: [] });
        assert.deepEqual(change(LB, mapped, { subnetMappings: [{ subnetId: "subnet-a" }, { subnetId: "subnet-c" }] }), { effect: "replace", because: ["subnetMappings"] });
    });

    it("GIVEN a load balancer's secondary IPs are lowered THEN replaced; raised THEN updated; an input newer than the source read THEN not determinable", () => {
        const LB = AWS_TYPES.lbLoadBalancer;
        const nlb = { loadBalancerType: "network", subnets: ["subnet-a"], secondaryIpsAutoAssignedPerSubnet: 2 };
        assert.deepEqual(change(LB, nlb, { ...nlb, secondaryIpsAutoAssignedPerSubnet: 1 }), { effect: "replace", because: ["secondaryIpsAutoAssignedPerSubnet"] });
        assert.deepEqual(change(LB, nlb, { ...nlb, secondaryIpsAutoAssignedPerSubnet: 3 }), { effect: "update", because: [] });
        const prefix = change(LB, nlb, { ...nlb, enablePrefixForIpv6SourceNat: "on" });
        assert.equal(prefix.effect, "undeterminable");
        assert.match(prefix.because[0], /enablePrefixForIpv6SourceNat is newer than the upstream source read/);
    });

    it("GIVEN a VPC security group rule changes its source type THEN replaced; a new CIDR of the same type, or new ports, update in place", () => {
        for (const type of [AWS_TYPES.vpcSecurityGroupIngressRule, AWS_TYPES.vpcSecurityGroupEgressRule]) {
            const rule = { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.0.0.0/16" };
            const { cidrIpv4: _cidr, ...bare } = rule;
            assert.deepEqual(change(type, rule, { ...bare, referencedSecurityGroupId: "sg-2" }), { effect: "replace", because: ["cidrIpv4", "referencedSecurityGroupId"] }, type);
            assert.deepEqual(change(type, rule, { ...rule, cidrIpv4: "10.1.0.0/16", fromPort: 80, toPort: 80 }), { effect: "update", because: [] }, type);
            assert.deepEqual(change(type, rule, { ...rule, securityGroupId: "sg-3" }), { effect: "replace", because: ["securityGroupId"] }, type);
        }
    });

    it("GIVEN a resource's region moves between two explicit regions THEN replaced; between unset and explicit THEN not determinable", () => {
        const base = { port: 80, protocol: "HTTP", region: "us-east-1" };
        assert.deepEqual(change(TG, base, { ...base, region: "eu-west-1" }), { effect: "replace", because: ["region"] });
        const { region: _region, ...unset } = base;
        const moved = change(TG, unset, base);
        assert.equal(moved.effect, "undeterminable");
        assert.match(moved.because[0], /a replacement unless that value is the provider's own region/);
    });

    it("GIVEN an ECR lifecycle policy's rules change THEN replaced (the resource has no update)", () => {
        const POLICY = AWS_TYPES.ecrLifecyclePolicy;
        const base = { repository: "web", policy: '{"rules":[{"rulePriority":1}]}' };
        assert.deepEqual(change(POLICY, base, { ...base, policy: '{"rules":[{"rulePriority":2}]}' }), { effect: "replace", because: ["policy"] });
    });

    it("GIVEN a bucket's deprecated object-lock block switches object lock THEN replaced; its retention rule alone updates in place", () => {
        const BUCKET = AWS_TYPES.s3Bucket;
        const rule = { defaultRetention: { mode: "GOVERNANCE", days: 1 } };
        const base = { bucket: "logs", objectLockConfiguration: { objectLockEnabled: "Enabled", rule } };
        assert.deepEqual(change(BUCKET, base, { ...base, objectLockConfiguration: { rule } }), { effect: "replace", because: ["objectLockConfiguration"] });
        assert.deepEqual(change(BUCKET, base, { ...base, objectLockConfiguration: { objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "GOVERNANCE", days: 7 } } } }), { effect: "update", because: [] });
    });

    it("GIVEN an Optional+Computed replace-on-change input is removed THEN the resource keeps its value: no replacement", () => {
        const base = { name: "web", cluster: "main", launchType: "FARGATE" };
        const strategy = { capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] };
        const { launchType: _launchType, ...withoutLaunchType } = base;
        assert.deepEqual(change(SERVICE, base, { ...withoutLaunchType, ...strategy, forceNewDeployment: true }), { effect: "update", because: [] });
        assert.equal(change(SERVICE, base, { ...withoutLaunchType, ...strategy }).effect, "refused");
        assert.deepEqual(change(SERVICE, base, { ...base, launchType: "EC2" }), { effect: "replace", because: ["launchType"] });
        const repo = { name: "web", encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:1:key/x" }] };
        assert.deepEqual(change(REPO, repo, { name: "web", imageTagMutability: "IMMUTABLE" }), { effect: "update", because: [] });
        assert.deepEqual(change(REPO, { name: "web" }, repo), { effect: "replace", because: ["encryptionConfigurations"] });
    });

    it("GIVEN a conditionally replacing input is not known offline THEN not determinable, not a guessed replacement", () => {
        const LB = AWS_TYPES.lbLoadBalancer;
        const nlb = { loadBalancerType: "network", subnets: ["subnet-a", "subnet-b"] };
        const c = change(LB, nlb, { ...nlb, subnets: "[unknown]" });
        assert.deepEqual(c, { effect: "undeterminable", because: ["subnets is not known offline and could force a replacement"] });
    });
});

describe("change report: thresholds", () => {
    it("GIVEN nothing THEN the defaults; GIVEN a level string or an object THEN those settings", () => {
        assert.deepEqual(parseChangeThresholds({}, "f"), DEFAULT_CHANGE_THRESHOLDS);
        const t = parseChangeThresholds({ monthlyCostIncrease: { enforcementLevel: "mandatory", maxPercent: 10 }, statefulResourceLoss: "disabled" }, "f");
        assert.deepEqual(t.monthlyCostIncrease, { enforcementLevel: "mandatory", maxPercent: 10 });
        assert.deepEqual(t.statefulResourceLoss, { enforcementLevel: "disabled", maxPercent: undefined });
    });

    it("GIVEN unknown rules, settings, levels or percentages THEN every problem is named with its key", () => {
        assert.throws(
            () => parseChangeThresholds({ costIncrease: "advisory", monthlyCostIncrease: { enforcementLevel: "blocking", maxPercent: -1, max: 3 }, protectedResourceDeletion: { maxPercent: 5 } }, "prod.changes.json"),
            (e: Error) =>
                e instanceof ChangeThresholdsError &&
                e.message.includes('"costIncrease" is not a change rule') &&
                e.message.includes('"monthlyCostIncrease.max" is not a setting') &&
                e.message.includes('"monthlyCostIncrease.enforcementLevel" is "blocking"; expected one of advisory, mandatory, disabled') &&
                e.message.includes('"monthlyCostIncrease.maxPercent" is -1') &&
                e.message.includes('"protectedResourceDeletion.maxPercent" is not a setting of this rule'),
        );
        assert.throws(() => parseChangeThresholds([], "f"), ChangeThresholdsError);
    });

    it("the stacks' own threshold files are valid: prod blocks a protected deletion and flags cost over +20%", () => {
        for (const stack of ["dev", "prod"]) {
            const file = path.join(PROJECT_DIR, "policy", "config", `${stack}.changes.json`);
            const t = parseChangeThresholds(JSON.parse(fs.readFileSync(file, "utf8")), file);
            assert.equal(t.protectedResourceDeletion.enforcementLevel, "mandatory");
            if (stack === "prod") assert.equal(t.monthlyCostIncrease.maxPercent, 20);
        }
    });
});

describe("change report: README", () => {
    it("lists every change rule with each stack's level and percentage as its threshold file sets them", () => {
        const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
        const rows = new Map([...readme.matchAll(/^\| `(\w+)` \| [^|]+ \| ([^|]+) \| ([^|]+) \|$/gm)].map(m => [m[1], [m[2].trim(), m[3].trim()]]));
        const files = ["dev", "prod"].map(stack => parseChangeThresholds(JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.changes.json`), "utf8")), stack));
        for (const rule of Object.keys(DEFAULT_CHANGE_THRESHOLDS) as (keyof typeof DEFAULT_CHANGE_THRESHOLDS)[]) {
            const expected = files.map(t => (t[rule].maxPercent === undefined ? t[rule].enforcementLevel : `${t[rule].enforcementLevel}, ${t[rule].maxPercent} %`));
            assert.deepEqual(rows.get(rule), expected, rule);
        }
    });
});

describe("change report: baseline and arguments", () => {
    it("GIVEN --change-config or --comment without --baseline THEN a usage error", () => {
        assert.throws(() => parseCheckArgs(["--stack", "dev", "--comment", "c.md"]), (e: Error) => e instanceof UsageError && /--comment goes with --baseline/.test(e.message));
        assert.throws(() => parseCheckArgs(["--stack", "dev", "--change-config", "c.json"]), UsageError);
    });

    it("GIVEN a baseline of another stack, or not a report THEN it is refused naming what is wrong", () => {
        assert.throws(() => parseBaselineReport(report([]), "base.json", { stack: "dev" }), (e: Error) => e instanceof BaselineError && /report of stack "prod", not of "dev"/.test(e.message));
        assert.throws(() => parseBaselineReport({ stack: "prod", resources: [{}] }, "base.json", { stack: "prod" }), /resources\[0\] lacks urn, type or name/);
        assert.throws(() => parseBaselineReport("x", "base.json", { stack: "prod" }), /expected one JSON object/);
        const shape = { stack: "prod", cost: { monthlyUsd: 1, monthlyUsdMax: 1 }, rollout: { secondsPerWave: 1, waves: 1 } };
        const resource = { urn: "urn:pulumi:prod::p::aws:ecr/repository:Repository::r", type: AWS_TYPES.ecrRepository, name: "r" };
        assert.doesNotThrow(() => parseBaselineReport({ ...shape, resources: [resource], violations: [] }, "base.json", { stack: "prod" }));
        assert.throws(() => parseBaselineReport({ ...shape, resources: [], violations: [{}] }, "base.json", { stack: "prod" }), /violations\[0\] lacks policy, message or enforcementLevel/);
        assert.throws(
            () => parseBaselineReport({ ...shape, resources: [], violations: [{ policy: "p", message: "m", enforcementLevel: "mandatory", urn: 5 }] }, "base.json", { stack: "prod" }),
            /violations\[0\]\.urn is not a string/,
        );
        assert.throws(
            () => parseBaselineReport({ ...shape, resources: [{ ...resource, options: { protect: true } }], violations: [] }, "base.json", { stack: "prod" }),
            /resources\[0\]\.options lacks its aliases list/,
        );
    });
});

describe("change report: --comment", function () {
    this.timeout(60_000);
    it("GIVEN --comment in a folder that does not exist THEN exit 2 naming it, before the program runs", async () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "comment-"));
        try {
            const baseline = path.join(tmp, "base.json");
            fs.writeFileSync(baseline, JSON.stringify({ stack: "dev", resources: [], violations: [], cost: { monthlyUsd: 0, monthlyUsdMax: 0 }, rollout: { secondsPerWave: 0, waves: 0 } }));
            const comment = path.join(tmp, "missing", "comment.md");
            const { stdout, stderr, exitCode } = await runCli(["--stack", "dev", "--baseline", baseline, "--comment", comment]);
            assert.equal(exitCode, 2, stderr);
            assert.equal(stdout, "");
            assert.equal(stderr, `error: --comment ${comment}: its folder does not exist\n`);
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});

describe("change report: real runs of the prod stack", function () {
    this.timeout(120_000);
    let tmp: string;
    let baseline: string;
    before(async () => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "change-report-"));
        baseline = path.join(tmp, "base.json");
        const { report: base } = await check(parseCheckArgs(["--stack", "prod", "--json"]));
        fs.writeFileSync(baseline, JSON.stringify(base));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    /** The prod stack file with `changes` applied to its config (`null` removes a key). */
    function prodConfigWith(changes: Record<string, unknown>, label = Object.keys(changes).join("-")): string {
        const file = path.join(tmp, `Pulumi.prod.${label}.yaml`);
        const doc = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "utf8"));
        for (const [key, value] of Object.entries(changes)) {
            if (value === null) delete doc.config[`fargate-web:${key}`];
            else doc.config[`fargate-web:${key}`] = value;
        }
        fs.writeFileSync(file, stringify(doc));
        return file;
    }

    it("GIVEN no change THEN nothing to create, update or delete, no finding, exit 0", async () => {
        const { report: r, exitCode } = await check(parseCheckArgs(["--stack", "prod", "--baseline", baseline]));
        assert.equal(exitCode, 0);
        assert.deepEqual([r.changes?.added, r.changes?.updated, r.changes?.deleted, r.changes?.findings], [[], [], [], []]);
    });

    it("GIVEN a new port, a bigger task and a KMS key THEN the target group is replaced, the task definition revised, the protected repository's replacement blocks", async () => {
        const config = prodConfigWith({ containerPort: 9090, cpu: 1024, memory: 2048, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555" });
        const comment = path.join(tmp, "comment.md");
        const { report: r, exitCode } = await check(parseCheckArgs(["--stack", "prod", "--config", config, "--baseline", baseline, "--comment", comment]));
        const effect = (type: string) => r.changes?.updated.filter(u => u.type === type).map(u => [u.name, u.effect, [...u.because]]);
        // Both target groups of the blue/green service take the port.
        assert.deepEqual(effect(TG), [
            ["web-tg", "replace", ["port"]],
            ["web-alt", "replace", ["port"]],
        ]);
        assert.deepEqual(effect(TASK), [["web-task", "new-revision", ["containerDefinitions", "cpu", "memory"]]]);
        assert.deepEqual(effect(REPO), [["web-repo", "replace", ["encryptionConfigurations"]]]);
        assert.ok(r.changes!.monthlyCostUsd.after > r.changes!.monthlyCostUsd.before);
        assert.deepEqual(
            r.changes?.findings.filter(f => f.enforcementLevel === "mandatory").map(f => f.rule),
            ["protectedResourceReplacement", "statefulResourceLoss", "shiftedTargetGroupReplacement", "shiftedTargetGroupReplacement"],
        );
        assert.equal(exitCode, 1);
        const text = formatReport(r);
        assert.match(text, /^ {2}replace {2}aws:lb\/targetGroup:TargetGroup web-tg: port forces a new resource$/m);
        assert.match(text, /^FAILED: 0 mandatory policy violation\(s\), 4 mandatory change finding\(s\)\.$/m);
        const md = fs.readFileSync(comment, "utf8");
        assert.ok(md.startsWith(commentMarker("prod")));
        assert.equal(md, `${formatChangesMarkdown(r.changes!, { mandatoryViolations: 0 })}\n`);
        assert.match(md, /\*\*mandatory\*\* `protectedResourceReplacement`/);
    });

    it("GIVEN only a new port on the blue/green prod stack THEN both target groups are pinned by the production and test rules: mandatory, with the way out", async () => {
        const { report: r, exitCode } = await check(parseCheckArgs(["--stack", "prod", "--config", prodConfigWith({ containerPort: 9090 }), "--baseline", baseline]));
        assert.deepEqual(
            r.changes?.pinnedTargetGroups.map(g => [g.name, g.effect, [...g.because], [...g.rules]]),
            [
                ["web-alt", "replace", ["port"], ["web-prod-rule", "web-test-rule"]],
                ["web-tg", "replace", ["port"], ["web-prod-rule", "web-test-rule"]],
            ],
        );
        const pinned = r.changes!.findings.filter(f => f.rule === "shiftedTargetGroupReplacement");
        assert.deepEqual(pinned.map(f => [f.enforcementLevel, f.urn?.split("::").pop()]), [["mandatory", "web-alt"], ["mandatory", "web-tg"]]);
        assert.match(pinned[1].message, /^aws:lb\/targetGroup:TargetGroup web-tg: a change of port replaces it, but listener rules web-prod-rule, web-test-rule ignore their forward target groups \(ECS moves their weights\), so they keep forwarding to the old group: deleting that group fails while a rule uses it \(ELB ResourceInUse\)/);
        assert.match(pinned[1].message, /Deploy the change with deploymentStrategy rolling first, then switch back\.$/);
        assert.equal(exitCode, 1);
        assert.match(formatReport(r), /^ {2}\[mandatory\] shiftedTargetGroupReplacement: aws:lb\/targetGroup:TargetGroup web-tg: /m);
    });

    it("GIVEN the same baseline without ignoreChanges and dependencies (an older report) THEN it still compares and still finds the pinned groups", async () => {
        const old = JSON.parse(fs.readFileSync(baseline, "utf8")) as CheckReport;
        const stripped = path.join(tmp, "base-old.json");
        fs.writeFileSync(stripped, JSON.stringify({ ...old, resources: old.resources.map(({ dependencies: _d, options, ...rest }) => ({ ...rest, options: { protect: options.protect, retainOnDelete: options.retainOnDelete, aliases: options.aliases } })) }));
        const { report: r } = await check(parseCheckArgs(["--stack", "prod", "--config", prodConfigWith({ containerPort: 9090 }), "--baseline", stripped]));
        assert.deepEqual(r.changes?.pinnedTargetGroups.map(g => g.name), ["web-alt", "web-tg"]);
    });

    it("GIVEN the same port change on a rolling stack THEN the target group is replaced but nothing pins it: no such finding", async () => {
        const rolling = { deploymentStrategy: null, testTrafficCidrs: null };
        const rollingBaseline = path.join(tmp, "base-rolling.json");
        const { report: base } = await check(parseCheckArgs(["--stack", "prod", "--config", prodConfigWith(rolling, "rolling"), "--json"]));
        assert.ok(!base.resources.some(res => res.name === "web-alt"), "the rolling baseline has no alternate group");
        fs.writeFileSync(rollingBaseline, JSON.stringify(base));
        const { report: r } = await check(parseCheckArgs(["--stack", "prod", "--config", prodConfigWith({ ...rolling, containerPort: 9090 }, "rolling-port"), "--baseline", rollingBaseline]));
        assert.deepEqual(r.changes?.updated.filter(u => u.type === TG).map(u => [u.name, u.effect]), [["web-tg", "replace"]]);
        assert.deepEqual(r.changes?.pinnedTargetGroups, []);
        assert.deepEqual(r.changes?.findings.filter(f => f.rule === "shiftedTargetGroupReplacement"), []);
    });
});
