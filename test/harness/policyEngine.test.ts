import { strict as assert } from "node:assert";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { evaluatePack, PolicyConfigError, resolveEnforcementLevel } from "../../harness/policyEngine";
import { fixture } from "../../harness/fixtures";
import { UNKNOWN } from "../../harness/serialisation";

const REPO = "aws:ecr/repository:Repository";
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
        const other = fixture("aws:s3/bucket:Bucket", "b", {});
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

    it("rejects config the CLI would reject, naming the key", async () => {
        await assert.rejects(evaluatePack(pack([scanOnPush]), [], { "scan-on-pusj": "mandatory" }), PolicyConfigError);
        await assert.rejects(evaluatePack(pack([scanOnPush]), [], { "scan-on-push": "sometimes" as any }), /enforcement level "sometimes" is not one of advisory, mandatory, remediate, disabled/);
        await assert.rejects(evaluatePack(pack([scanOnPush]), [], { "scan-on-push": { message: 3 } }), /property "message" is 3; expected a string/);
        await assert.rejects(evaluatePack(pack([scanOnPush]), [], { "scan-on-push": { nope: 1 } }), /property "nope" is not in its configSchema \(allowed: message\)/);
    });
});
