/**
 * Robustness of the network group's policies (load balancing, ECR, EC2/VPC): every policy over every
 * baseline with each top-level field, and each field one or two levels down, set in turn to the
 * unknown sentinel, deleted, null, or a value of the wrong type. The harness rethrows anything but
 * `UnknownValueError`, so a resolved evaluation means the policy coped; messages must stay readable.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PolicyPackConfig } from "@pulumi/policy";
import { fixture, withPath } from "../../harness/fixtures";
import { evaluatePack, PackDefinition } from "../../harness/policyEngine";
import { UNKNOWN } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";
import { ecrPolicies } from "../../policy/ecr";
import { ec2Policies } from "../../policy/ec2";
import { lbPolicies } from "../../policy/lb";
import { ARNS, IDS, networkBaselines } from "./baselines/network";

const all = [...lbPolicies, ...ecrPolicies, ...ec2Policies];
const resourcePolicies = all.filter(p => "validateResource" in p);
const stackPolicies = all.filter(p => "validateStack" in p);

function wrongTypeFor(value: unknown): unknown {
    if (typeof value === "string") return 42;
    if (typeof value === "number") return "not-a-number";
    if (typeof value === "boolean") return "yes";
    if (Array.isArray(value)) return { not: "an array" };
    return "not-an-object";
}

/** Dotted paths: every key, then keys and first elements one and two levels down. */
function pathsOf(value: unknown, prefix = "", depth = 0): string[] {
    if (depth > 2 || value === null || typeof value !== "object") {
        return [];
    }
    const entries: [string, unknown][] = Array.isArray(value)
        ? value.length > 0 ? [["0", value[0]]] : []
        : Object.entries(value as Record<string, unknown>);
    return entries.flatMap(([key, child]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        return [path, ...pathsOf(child, path, depth + 1)];
    });
}

function getPath(value: unknown, path: string): unknown {
    return path.split(".").reduce<any>((cursor, key) => (cursor === null || cursor === undefined ? undefined : cursor[key]), value);
}

const mutationsOf = (inputs: Record<string, unknown>) =>
    pathsOf(inputs).flatMap(path => [
        { label: `${path} = UNKNOWN`, inputs: withPath(inputs, path, UNKNOWN) },
        { label: `${path} deleted`, inputs: withPath(inputs, path, undefined) },
        { label: `${path} = null`, inputs: withPath(inputs, path, null) },
        { label: `${path} wrong type`, inputs: withPath(inputs, path, wrongTypeFor(getPath(inputs, path))) },
    ]);

const remediateAll: PolicyPackConfig = Object.fromEntries(all.filter(p => "remediateResource" in p && p.remediateResource).map(p => [p.name, "remediate"]));

function assertReadable(details: string[], label: string) {
    for (const detail of details) {
        assert.doesNotMatch(detail, /\[object Object\]|\bundefined\b|\bNaN\b/, `${label}: ${detail}`);
    }
}

describe("network policies survive malformed and unknown inputs", () => {
    const resourcePack: PackDefinition = { name: "network-robustness", policies: resourcePolicies };
    const stackPack: PackDefinition = { name: "network-robustness", policies: stackPolicies };
    /** One resource per baseline, wired together the way the program's state would be. */
    const stackState: Record<string, Record<string, unknown>> = {
        "aws:lb/loadBalancer:LoadBalancer": { arn: ARNS.loadBalancer },
        "aws:alb/loadBalancer:LoadBalancer": { arn: ARNS.loadBalancer },
        "aws:ec2/vpc:Vpc": { id: IDS.vpc },
    };
    const stackBaseline = (): RecordedResource[] => [
        ...Object.entries(networkBaselines).map(([type, inputs], i) => fixture(type, `r${i}`, inputs, { state: stackState[type] ?? {} })),
        { ...fixture("awsx:ec2:Vpc", "net", {}, { state: { vpcId: IDS.vpc } }), component: true },
    ];

    it("GIVEN the baselines as one stack THEN no policy reports anything", async () => {
        const result = await evaluatePack({ name: "network-robustness", policies: all }, stackBaseline());
        assert.deepEqual(result.diagnostics.map(d => `${d.policyName}: ${d.detail}`), []);
    });

    for (const [type, inputs] of Object.entries(networkBaselines)) {
        it(`GIVEN ${type} with each field unknown, deleted, null or mistyped THEN every resource policy (and remediation) resolves`, async () => {
            for (const mutation of mutationsOf(inputs)) {
                const resource = fixture(type, "mutated", mutation.inputs);
                for (const config of [{}, remediateAll]) {
                    const result = await evaluatePack(resourcePack, [resource], config).catch(e => {
                        throw new Error(`${type} ${mutation.label}: ${e instanceof Error ? e.message : e}`);
                    });
                    assertReadable(result.diagnostics.map(d => d.detail), `${type} ${mutation.label}`);
                }
            }
        });
    }

    it("GIVEN the whole baseline stack with one resource mutated at a time THEN every stack policy resolves", async () => {
        const base = stackBaseline();
        for (let i = 0; i < base.length; i++) {
            for (const mutation of mutationsOf(base[i].state)) {
                const resources = [...base];
                resources[i] = { ...base[i], state: mutation.inputs, inputs: {} };
                const result = await evaluatePack(stackPack, resources).catch(e => {
                    throw new Error(`${base[i].type} ${mutation.label}: ${e instanceof Error ? e.message : e}`);
                });
                assertReadable(result.diagnostics.map(d => d.detail), `${base[i].type} ${mutation.label}`);
            }
        }
    });
});

describe("network policies' metadata", () => {
    const folders: Record<string, readonly unknown[]> = { lb: lbPolicies, ecr: ecrPolicies, ec2: ec2Policies };

    for (const [folder, listed] of Object.entries(folders)) {
        it(`GIVEN policy/${folder} THEN every policy file exports one policy named after the file, and the index lists it`, () => {
            const dir = path.join(__dirname, "../../policy", folder);
            const files = fs.readdirSync(dir).filter(f => f.startsWith(`${folder}-`) && f.endsWith(".ts"));
            assert.ok(files.length > 0);
            for (const file of files) {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const exported = Object.values(require(path.join(dir, file))).filter(
                    (v): v is { name: string } => typeof v === "object" && v !== null && "name" in v && ("validateResource" in v || "validateStack" in v),
                );
                assert.equal(exported.length, 1, file);
                assert.equal(`${exported[0].name}.ts`, file);
                assert.ok(listed.includes(exported[0]), `${file} is not in policy/${folder}/index.ts`);
            }
            assert.equal(listed.length, files.length);
        });
    }

    it("GIVEN every policy THEN it has a unique kebab-case name, a one-sentence description, a level and a severity", () => {
        const names = new Set<string>();
        for (const p of all) {
            assert.match(p.name, /^(lb|ecr|ec2)-[a-z0-9]+(-[a-z0-9]+)+$/);
            assert.ok(!names.has(p.name), `duplicate ${p.name}`);
            names.add(p.name);
            assert.match(p.description, /^[A-Z].*\.$/, p.name);
            assert.ok(p.enforcementLevel === "advisory" || p.enforcementLevel === "mandatory", p.name);
            assert.ok(["low", "medium", "high", "critical"].includes(p.severity ?? ""), p.name);
            for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
                assert.notEqual((schema as { default?: unknown }).default, undefined, `${p.name}.${key} has no default`);
            }
        }
    });
});
