import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { evaluatePack, PolicyConfigError, resolveEnforcementLevel } from "../../harness/policyEngine";
import { fixture } from "../../harness/fixtures";
import { UNKNOWN } from "../../harness/serialisation";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const REPO = AWS_TYPES.ecrRepository;
const repo = (inputs: Record<string, unknown>) => fixture(REPO, "repo", inputs);

const scanOnPush: ResourceValidationPolicy = {
    name: "scan-on-push",
    description: "Repositories scan images on push.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { message: { type: "string", default: "turn scanning on" } } },
    validateResource: (args, report) => {
        if (args.type !== REPO) args.notApplicable("not a repository");
        if (args.props.imageScanningConfiguration?.scanOnPush !== true) report(args.getConfig<{ message: string }>().message);
    },
    remediateResource: args => (args.type === REPO ? { ...args.props, imageScanningConfiguration: { scanOnPush: true } } : undefined),
};

const pack = (policies: any[], enforcementLevel?: any) => ({ name: "test", version: "1.0.0", enforcementLevel, policies });

describe("offline policy engine", () => {
    it("resolves levels as config ?? policy ?? pack ?? advisory", () => {
        const p = { name: "x", enforcementLevel: "mandatory" as const };
        assert.equal(resolveEnforcementLevel(pack([]), p, {}), "mandatory");
        assert.equal(resolveEnforcementLevel(pack([]), p, { x: "advisory" }), "advisory");
        assert.equal(resolveEnforcementLevel(pack([]), p, { x: { enforcementLevel: "disabled" } }), "disabled");
        assert.equal(resolveEnforcementLevel(pack([]), { name: "y" }, { all: "mandatory" }), "mandatory");
        assert.equal(resolveEnforcementLevel(pack([], "mandatory"), { name: "y" }, {}), "mandatory");
        assert.equal(resolveEnforcementLevel(pack([]), { name: "y" }, {}), "advisory");
    });

    it("reports with the engine's message, the policy's detail and the resource's urn", async () => {
        const r = repo({});
        const { diagnostics } = await evaluatePack(pack([scanOnPush]), [r]);
        assert.deepEqual(diagnostics.map(d => [d.policyName, d.enforcementLevel, d.detail, d.message, d.urn]), [
            ["scan-on-push", "mandatory", "turn scanning on", "Repositories scan images on push.\nturn scanning on", r.urn],
        ]);
    });

    it("fills getConfig from configSchema defaults, then the config file", async () => {
        const { diagnostics } = await evaluatePack(pack([scanOnPush]), [repo({})], { "scan-on-push": { message: "custom" } });
        assert.equal(diagnostics[0].detail, "custom");
    });

    it("skips disabled policies and records notApplicable", async () => {
        const other = fixture(AWS_TYPES.s3Bucket, "b", {});
        assert.deepEqual((await evaluatePack(pack([scanOnPush]), [repo({})], { "scan-on-push": "disabled" })).diagnostics, []);
        const result = await evaluatePack(pack([scanOnPush]), [other]);
        assert.deepEqual(result.notApplicable, [{ policyName: "scan-on-push", urn: other.urn, reason: "not a repository" }]);
    });

    it("remediates before validating at level remediate and reports what is left as mandatory", async () => {
        const result = await evaluatePack(pack([scanOnPush]), [repo({ imageTagMutability: "MUTABLE" })], { "scan-on-push": "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.deepEqual(result.remediations.map(r => r.properties), [{ imageTagMutability: "MUTABLE", imageScanningConfiguration: { scanOnPush: true } }]);
    });

    it("turns an unknown value into an advisory 'cannot run during preview', never a crash", async () => {
        const { diagnostics } = await evaluatePack(pack([scanOnPush]), [repo({ imageScanningConfiguration: UNKNOWN })]);
        assert.equal(diagnostics.length, 1);
        assert.equal(diagnostics[0].enforcementLevel, "advisory");
        assert.match(diagnostics[0].detail, /^can't run policy 'scan-on-push' from policy pack 'test@v1.0.0' during preview: /);
    });

    it("unwraps secrets before a policy reads them", async () => {
        const secretProps = { imageScanningConfiguration: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: { scanOnPush: true } } };
        assert.deepEqual((await evaluatePack(pack([scanOnPush]), [repo(secretProps)])).diagnostics, []);
    });

    it("rethrows a policy's own bug with the policy named", async () => {
        const broken: ResourceValidationPolicy = { name: "broken", description: "d", validateResource: () => { throw new TypeError("boom"); } };
        await assert.rejects(evaluatePack(pack([broken]), [repo({})]), /Error validating resource with policy 'broken' from policy pack 'test': boom/);
    });

    it("gives stack policies every resource with parent, dependencies and state", async () => {
        const parent = fixture("my:component:Thing", "parent", {});
        const child = fixture(REPO, "child", { name: "x" }, { parent: parent.urn, dependencies: [parent.urn], state: { arn: "arn:aws:ecr:us-east-1:1:repository/x" } });
        const seen: string[] = [];
        const stack: StackValidationPolicy = {
            name: "stack",
            description: "d",
            enforcementLevel: "mandatory",
            validateStack: (args, report) => {
                for (const r of args.resources) seen.push(`${r.name}<${r.parent?.name ?? "-"}>[${r.dependencies.map(d => d.name)}]${r.props.arn ?? ""}`);
                report("found", child.urn);
            },
        };
        const { diagnostics } = await evaluatePack(pack([stack]), [parent, child]);
        assert.deepEqual(seen, ["parent<->[]", "child<parent>[parent]arn:aws:ecr:us-east-1:1:repository/x"]);
        assert.deepEqual(diagnostics.map(d => [d.detail, d.urn]), [["found", child.urn]]);
    });

    it("GIVEN policies that change what they were given THEN no other validation or stack policy sees the change", async () => {
        const listConfig = { properties: { allowed: { type: "array", default: ["a"] } } } as const;
        const seen: unknown[] = [];
        const meddler = (name: string): ResourceValidationPolicy & StackValidationPolicy => ({
            name,
            description: "d",
            enforcementLevel: "advisory",
            configSchema: listConfig,
            validateResource: args => {
                seen.push([name, args.props.imageTagMutability, args.asType(aws.ecr.Repository)?.imageTagMutability, args.getConfig<{ allowed: string[] }>().allowed]);
                args.props.imageTagMutability = "CHANGED";
                args.getConfig<{ allowed: string[] }>().allowed.push("b");
            },
            validateStack: args => {
                seen.push([name, args.resources[0].props.name, args.getConfig<{ allowed: string[] }>().allowed]);
                args.resources[0].props.name = "changed";
                args.getConfig<{ allowed: string[] }>().allowed.push("b");
            },
        });
        const resource = (p: ResourceValidationPolicy & StackValidationPolicy) => ({ ...p, validateStack: undefined }) as unknown as ResourceValidationPolicy;
        const stack = (p: ResourceValidationPolicy & StackValidationPolicy) => ({ ...p, validateResource: undefined }) as unknown as StackValidationPolicy;
        const policies = [resource(meddler("r1")), resource(meddler("r2")), stack(meddler("s1")), stack(meddler("s2"))];
        await evaluatePack(pack(policies), [repo({ imageTagMutability: "IMMUTABLE" }), repo({ imageTagMutability: "IMMUTABLE" })].map((r, i) => ({ ...r, urn: `${r.urn}${i}` })));
        assert.deepEqual(seen, [
            ["r1", "IMMUTABLE", "IMMUTABLE", ["a"]],
            ["r2", "IMMUTABLE", "IMMUTABLE", ["a"]],
            ["r1", "IMMUTABLE", "IMMUTABLE", ["a"]],
            ["r2", "IMMUTABLE", "IMMUTABLE", ["a"]],
            ["s1", undefined, ["a"]],
            ["s2", undefined, ["a"]],
        ]);
    });

    it("GIVEN a validation that reads props only through asType THEN it gets the same values as props", async () => {
        const viaAsType: ResourceValidationPolicy = {
            name: "as-type",
            description: "d",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                const props = args.asType(aws.ecr.Repository);
                if (props && props.imageTagMutability !== "IMMUTABLE") report(`mutable: ${props.imageTagMutability}`);
            },
        };
        const { diagnostics } = await evaluatePack(pack([viaAsType]), [repo({ imageTagMutability: "MUTABLE" })]);
        assert.deepEqual(diagnostics.map(d => d.detail), ["mutable: MUTABLE"]);
    });

    it("rejects config the CLI would reject, naming the key", async () => {
        await assert.rejects(evaluatePack(pack([scanOnPush]), [], { "scan-on-pusj": "mandatory" }), PolicyConfigError);
        await assert.rejects(evaluatePack(pack([scanOnPush]), [], { "scan-on-push": "sometimes" as any }), /enforcement level "sometimes" is not one of advisory, mandatory, remediate, disabled/);
        await assert.rejects(evaluatePack(pack([scanOnPush]), [], { "scan-on-push": { message: 3 } }), /property "message" is 3; expected a string/);
        await assert.rejects(evaluatePack(pack([scanOnPush]), [], { "scan-on-push": { nope: 1 } }), /property "nope" is not in its configSchema \(allowed: message\)/);
    });
});
