/**
 * Robustness of every policy of the pack against ARBITRARY inputs (fast-check): resource policies over every
 * type token they could match, with JSON-ish props biased towards each type's real field names and values
 * (the baselines'), the unknown sentinel anywhere, and malformed JSON documents where a policy parses one
 * (`containerDefinitions`, IAM and ECR policies); stack policies over small arbitrary stacks of such
 * resources. A policy may only fail with `UnknownValueError`, which the engine turns into an advisory note;
 * `evaluatePack` rethrows anything else, so every evaluation must resolve.
 *
 * Complements test/policy/robustness.test.ts, which mutates one field of a baseline at a time.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { PolicyPackConfig } from "@pulumi/policy";
import { defaultOptions, fixture } from "../../harness/fixtures";
import { evaluatePack, PackDefinition } from "../../harness/policyEngine";
import { UNKNOWN } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";
import * as typeTokens from "../../policy/lib/types";
import { policies } from "../../policy/pack";
import { baselineContainer, ecsBaselines, ecsStack } from "../policy/baselines/ecs";
import { ARNS, IDS, networkBaselines } from "../policy/baselines/network";
import { PROJECT_DIR } from "../support/stacks";

const RUNS = { resource: 300, jsonDocuments: 200, stack: 150 };

const BASELINES: Record<string, Record<string, unknown>> = { ...ecsBaselines, ...networkBaselines };

/** Every type a policy could match: the tokens policies name, the baselines' types, and a few others. */
const TYPES = [
    ...new Set([
        ...(Object.values(typeTokens) as unknown[]).filter((v): v is readonly string[] => Array.isArray(v)).flat(),
        ...Object.keys(BASELINES),
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:acm/certificate:Certificate",
        "docker:index/image:Image",
        "example:index:Unrelated",
    ]),
].sort();
const COMPONENT_TYPES = new Set(["awsx:ec2:Vpc", "awsx:ec2:DefaultVpc"]);

/** Fields whose string value is a JSON document some policy parses. */
const JSON_FIELDS = ["containerDefinitions", "policy", "assumeRolePolicy"];

// ---------------------------------------------------------------------------------------------------------
// What the baselines know: field names and leaf values, to bias arbitrary values towards real shapes.

function collect(value: unknown, keys: Set<string>, leaves: Set<string | number | boolean>, depth = 0): void {
    if (depth > 6) return;
    if (typeof value === "string") {
        leaves.add(value);
        try {
            const parsed = JSON.parse(value);
            if (parsed !== null && typeof parsed === "object") collect(parsed, keys, leaves, depth + 1);
        } catch {
            // not a JSON document
        }
    } else if (typeof value === "number" || typeof value === "boolean") {
        leaves.add(value);
    } else if (Array.isArray(value)) {
        value.forEach(v => collect(v, keys, leaves, depth + 1));
    } else if (value !== null && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
            keys.add(k);
            collect(v, keys, leaves, depth + 1);
        }
    }
}
const KNOWN_KEYS = new Set<string>();
const KNOWN_LEAVES = new Set<string | number | boolean>();
collect([BASELINES, baselineContainer()], KNOWN_KEYS, KNOWN_LEAVES);
const keyNames = [...KNOWN_KEYS].sort();
const leafValues = [...KNOWN_LEAVES];

/** Values that make some policy report or take another branch. */
const TRIGGERS = [
    ...["", "*", "0", "-1", "true", "null", "[]", "{}", "host", "bridge", "none", "DISABLED", "ENABLED", "HTTP", "HTTPS", "TCP", "UDP", "TLS", "GENEVE"],
    ...["redirect", "forward", "fixed-response", "Allow", "Deny", "iam:*", "s3:*", "sts:AssumeRole", "0.0.0.0/0", "::/0", "10.0.0.0/8", "all", "icmp"],
    ...["LATEST", "1.3.0", "DAEMON", "REPLICA", "EXTERNAL", "CODE_DEPLOY", "ECS", "MUTABLE", "IMMUTABLE_WITH_EXCLUSION", "AES256", "KMS", "awslogs", "splunk"],
    ...["root", "root:root", "WINDOWS_SERVER_2019_FULL", "LINUX", "lambda", "ip", "instance", "Private", "Public", "TargetTrackingScaling", "StepScaling"],
    ...["ecs-tasks.amazonaws.com", "arn:aws:iam::aws:policy/AdministratorAccess", "AKIAIOSFODNN7EXAMPLE", "postgres://user:pass@db/x", "defensive", "monitor"],
    ...[22, 80, 443, 3389, 8080, 0, 1, 65535, 100, 200, 300, 3600, true, false],
];

/** A wire-form secret, as recorded inputs carry them (the harness unwraps it before policies see it). */
const asSecret = (value: unknown) => ({ [rpc.specialSigKey]: rpc.specialSecretSig, value });

const leaf = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...leafValues) },
    { weight: 2, arbitrary: fc.constant(UNKNOWN) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom(...TRIGGERS) },
    { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -70000, max: 70000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, 65535, 1e21)) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
);

/** JSON-ish values (plus the unknown sentinel and wire-form secrets) whose object keys are mostly real field names. */
const { value: jsonish } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>(tie => ({
    value: fc.oneof({ depthSize: "small", maxDepth: 4 }, leaf, tie("array"), tie("object"), tie("value").map(asSecret)),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keyNames) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), tie("value"), {
        maxKeys: 5,
    }),
}));

/** Text where a policy expects a JSON document: random JSON, truncated, non-array, the sentinel, or weird arrays. */
const jsonDocumentText = (baselineText: string | undefined): fc.Arbitrary<string> =>
    fc.oneof(
        fc.json({ maxDepth: 3 }),
        jsonish.map(v => JSON.stringify(v) ?? "null"),
        fc.constantFrom("", " ", "[", "{", "[]", "{}", "null", "42", '"text"', "[null]", "[[]]", "[42]", '["web"]', "[{}]", UNKNOWN, `[${JSON.stringify(UNKNOWN)}]`),
        ...(baselineText
            ? [
                  fc.integer({ min: 0, max: baselineText.length - 1 }).map(n => baselineText.slice(0, n)),
                  fc.constant(baselineText.replace(/"[^"]*"/, JSON.stringify(UNKNOWN))),
              ]
            : []),
        // Arrays of containers whose fields are replaced with arbitrary values, or arbitrary containers.
        fc
            .array(
                fc.oneof(
                    fc.dictionary(fc.constantFrom(...Object.keys(baselineContainer())), jsonish, { maxKeys: 6 }).map(o => ({ ...baselineContainer(), ...o })),
                    fc.dictionary(fc.constantFrom(...Object.keys(baselineContainer())), jsonish, { maxKeys: 8 }),
                    jsonish,
                ),
                { maxLength: 3 },
            )
            .map(containers => JSON.stringify(containers)),
        // IAM-like documents with arbitrary statements.
        fc.array(fc.dictionary(fc.constantFrom("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"), jsonish, { maxKeys: 5 }), { maxLength: 3 }).map(
            statements => JSON.stringify({ Version: "2012-10-17", Statement: statements.length === 1 ? statements[0] : statements }),
        ),
    );

/** Dotted paths into `value`, down to `depth` levels (array elements by index). */
function pathsOf(value: unknown, prefix = "", depth = 0): string[] {
    if (depth > 2 || value === null || typeof value !== "object") return [];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, child]) => {
        const p = prefix ? `${prefix}.${k}` : k;
        return [p, ...pathsOf(child, p, depth + 1)];
    });
}

function setPath(target: Record<string, unknown>, dotted: string, next: unknown): void {
    const keys = dotted.split(".");
    let cursor: any = target;
    for (const k of keys.slice(0, -1)) {
        if (cursor[k] === null || typeof cursor[k] !== "object") return;
        cursor = cursor[k];
    }
    cursor[keys[keys.length - 1]] = next;
}

/** Props for `type`: some of its baseline fields kept, some deep fields replaced, arbitrary fields added. */
function propsFor(type: string): fc.Arbitrary<Record<string, unknown>> {
    const baseline = BASELINES[type] ?? {};
    const paths = pathsOf(baseline);
    const topKeys = [...new Set([...Object.keys(baseline), ...JSON_FIELDS.filter(f => f in baseline)])];
    // Mostly the whole baseline with a few changes, so that policies get past their first checks.
    return fc
        .tuple(
            fc.oneof({ weight: 3, arbitrary: fc.constant(Object.keys(baseline)) }, { weight: 1, arbitrary: fc.subarray(Object.keys(baseline)) }),
            paths.length > 0 ? fc.array(fc.tuple(fc.constantFrom(...paths), jsonish), { maxLength: 3 }) : fc.constant([] as [string, unknown][]),
            fc.dictionary(fc.oneof(...(topKeys.length > 0 ? [fc.constantFrom(...topKeys)] : []), fc.constantFrom(...keyNames)), jsonish, { maxKeys: 3 }),
            fc.oneof(
                { weight: 2, arbitrary: fc.constant([] as [string, string][]) },
                {
                    weight: 1,
                    arbitrary: fc.array(
                        fc.tuple(fc.constantFrom(...JSON_FIELDS), jsonDocumentText(JSON_FIELDS.map(f => baseline[f]).find((v): v is string => typeof v === "string"))),
                        { minLength: 1, maxLength: 2 },
                    ),
                },
            ),
        )
        .map(([kept, deep, added, documents]) => {
            const props: Record<string, unknown> = structuredClone(Object.fromEntries(kept.map(k => [k, baseline[k]])));
            for (const [p, v] of deep) setPath(props, p, v);
            return { ...props, ...added, ...Object.fromEntries(documents) };
        });
}

const resourceOf = (type: string, name: string, props: Record<string, unknown>, state: Record<string, unknown> = {}): RecordedResource => {
    const r = fixture(type, name, props, { state });
    return COMPONENT_TYPES.has(type) ? { ...r, component: true } : r;
};

/** A resource of any type with arbitrary props. */
const anyResource = fc.constantFrom(...TYPES).chain(type => propsFor(type).map(props => ({ type, props })));

// ---------------------------------------------------------------------------------------------------------

const policyFile = (env: string): PolicyPackConfig =>
    JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${env}.json`), "utf8"));
const remediateAll: PolicyPackConfig = Object.fromEntries(
    policies.filter(p => "remediateResource" in p && p.remediateResource).map(p => [p.name, "remediate"]),
);
const CONFIGS: readonly [string, PolicyPackConfig][] = [
    ["defaults", {}],
    ["dev.json", policyFile("dev")],
    ["prod.json", policyFile("prod")],
    ["remediate all", remediateAll],
];
const config = fc.constantFrom(...CONFIGS);

const resourcePack: PackDefinition = { name: "properties", policies: policies.filter(p => "validateResource" in p || "remediateResource" in p) };
const stackPack: PackDefinition = { name: "properties", policies: policies.filter(p => "validateStack" in p) };

/** Evaluates and turns a rejection into a failure that names the policy and the input. */
async function mustResolve(pack: PackDefinition, resources: RecordedResource[], [label, cfg]: [string, PolicyPackConfig]): Promise<void> {
    // The CLI refuses a config naming a policy the pack lacks; these packs hold part of the policies.
    const names = new Set(pack.policies.map(p => p.name));
    const ownConfig = Object.fromEntries(Object.entries(cfg).filter(([name]) => name === "all" || names.has(name)));
    try {
        const result = await evaluatePack(pack, resources, ownConfig);
        for (const d of result.diagnostics) {
            assert.equal(typeof d.detail, "string");
        }
    } catch (e) {
        const shown = resources.map(r => ({ type: r.type, inputs: r.inputs, state: r.state }));
        throw new Error(`${e instanceof Error ? e.message : e}\nconfig: ${label}\nresources: ${JSON.stringify(shown).slice(0, 4000)}`);
    }
}

describe("every policy of the pack resolves on arbitrary inputs (fast-check)", function () {
    this.timeout(60_000);

    it(`GIVEN ${resourcePack.policies.length} resource policies, ${TYPES.length} types and arbitrary props THEN every evaluation resolves (${RUNS.resource} runs)`, async () => {
        assert.ok(resourcePack.policies.length > 0 && TYPES.length > 30);
        await fc.assert(
            fc.asyncProperty(anyResource, config, async ({ type, props }, cfg) => mustResolve(resourcePack, [resourceOf(type, "fuzzed", props)], cfg)),
            { numRuns: RUNS.resource },
        );
    });

    it(`GIVEN task definitions and policy documents with malformed JSON THEN every evaluation resolves (${RUNS.jsonDocuments} runs)`, async () => {
        const documentTypes = TYPES.filter(t => JSON_FIELDS.some(f => typeof BASELINES[t]?.[f] === "string"));
        assert.ok(documentTypes.includes("aws:ecs/taskDefinition:TaskDefinition"));
        const documents = fc.constantFrom(...documentTypes).chain(type => {
            const field = JSON_FIELDS.find(f => typeof BASELINES[type][f] === "string")!;
            return jsonDocumentText(BASELINES[type][field] as string).map(text => ({ type, props: { ...BASELINES[type], [field]: text } }));
        });
        await fc.assert(
            fc.asyncProperty(documents, config, async ({ type, props }, cfg) => mustResolve(resourcePack, [resourceOf(type, "fuzzed", props)], cfg)),
            { numRuns: RUNS.jsonDocuments },
        );
    });

    it(`GIVEN ${stackPack.policies.length} stack policies and small arbitrary stacks THEN every evaluation resolves (${RUNS.stack} runs)`, async () => {
        // Baseline resources (so cross-references resolve and the policies get deep), mutated ones, and
        // arbitrary ones; states carry ids and ARNs from the baselines' pool so references sometimes match.
        const baseline = [...ecsStack(), ...Object.entries(networkBaselines).map(([type, inputs], i) => resourceOf(type, `n${i}`, inputs, networkState(type)))];
        const reference = fc.constantFrom(...leafValues.filter((v): v is string => typeof v === "string" && /^(arn:|vpc-|sg-|subnet-|web)/.test(v)), UNKNOWN);
        const arbitraryResource = fc
            .tuple(anyResource, fc.record({ arn: reference, id: reference }, { requiredKeys: [] }), jsonish)
            .map(([{ type, props }, state, extra]) => ({ type, props, state: { ...state, ...(extra !== null && typeof extra === "object" && !Array.isArray(extra) ? extra : {}) } }));
        const stack = fc
            .tuple(
                fc.subarray(baseline, { maxLength: 8 }),
                fc.array(fc.tuple(fc.nat(), arbitraryResource), { maxLength: 3 }),
                fc.array(arbitraryResource, { maxLength: 3 }),
                fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
            )
            .map(([kept, mutated, added, links]) => {
                const resources: RecordedResource[] = [...kept];
                for (const [i, m] of mutated) {
                    if (resources.length > 0) {
                        const target = resources[i % resources.length];
                        resources[i % resources.length] = { ...target, inputs: m.props, state: { ...m.props, ...m.state } };
                    }
                }
                added.forEach((a, i) => resources.push(resourceOf(a.type, `fuzzed-${i}`, a.props, a.state)));
                // Parents and dependencies between the stack's resources, including cycles.
                for (const [from, to] of links) {
                    if (resources.length > 0) {
                        const a = resources[from % resources.length];
                        const b = resources[to % resources.length];
                        resources[from % resources.length] = { ...a, parent: b.urn, dependencies: [...a.dependencies, b.urn], propertyDependencies: { policy: [b.urn] }, opts: { ...defaultOptions(), parent: b.urn } };
                    }
                }
                return resources;
            });
        await fc.assert(
            fc.asyncProperty(stack, config, async (resources, cfg) => mustResolve(stackPack, resources, cfg)),
            { numRuns: RUNS.stack },
        );
    });
});

/** State the network baselines have once created: the ARNs and ids other resources reference. */
function networkState(type: string): Record<string, unknown> {
    if (type.includes("loadBalancer:LoadBalancer")) return { arn: ARNS.loadBalancer };
    if (type.includes("targetGroup:TargetGroup")) return { arn: ARNS.targetGroup };
    if (type.includes("listener:Listener")) return { arn: ARNS.listener };
    if (type === "aws:ec2/vpc:Vpc") return { id: IDS.vpc };
    return {};
}
