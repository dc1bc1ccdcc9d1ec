/**
 * What the check could not see, and how the verdict says so.
 */
import * as assert from "node:assert/strict";
import { fixture } from "../../harness/fixtures";
import { Diagnostic } from "../../harness/types";
import { checkCoverage, formatCoverage, verdict } from "../../tools/checkCoverage";
import { AWSX_TYPES, AWS_TYPES } from "../../policy/facts/typeTokens";

const component = (type: string, name: string, remote: boolean) => ({ ...fixture(type, name, {}), component: true, remote });
const notRun = (policy: string, urn: string): Diagnostic => ({
    policyName: policy,
    policyPackName: "p",
    enforcementLevel: "advisory",
    message: "",
    detail: `can't run policy '${policy}' from policy pack 'p@v1' during preview: containerDefinitions is unknown`,
    urn,
});

describe("check coverage (tools/checkCoverage)", () => {
    it("GIVEN only custom resources and local components, every check run THEN complete, PASSED and no section", () => {
        const coverage = checkCoverage([fixture(AWS_TYPES.ecsCluster, "c", {}), component("my:x:Y", "local", false)], []);
        assert.deepEqual(coverage, { remoteComponents: [], checksNotRun: 0, checksNotRunDetail: [] });
        assert.deepEqual(formatCoverage(coverage), []);
        assert.equal(verdict(0, coverage), "PASSED: no mandatory policy violation.");
    });

    it("GIVEN remote components and checks that could not run THEN named in text and data, and the verdict is INCOMPLETE", () => {
        const service = component("awsx:ecs:FargateService", "svc", true);
        const vpc = component(AWSX_TYPES.ec2Vpc, "vpc", true);
        const coverage = checkCoverage([vpc, service], [notRun("ecs-task-definition-read-only-root-filesystem", "urn:td")]);
        assert.deepEqual(coverage.remoteComponents, [
            { type: AWSX_TYPES.ec2Vpc, name: "vpc", urn: vpc.urn, costExcluded: false, modelled: true },
            { type: "awsx:ecs:FargateService", name: "svc", urn: service.urn, costExcluded: true, modelled: false },
        ]);
        assert.equal(coverage.checksNotRun, 1);
        assert.deepEqual(formatCoverage(coverage), [
            "NOT CHECKED: 1 remote component(s). Their provider creates their children, which cannot be seen offline:",
            "  awsx:ecs:FargateService svc (excluded from the cost estimate)",
            "  No policy judged what they create.",
            "NOT CHECKED: 1 policy check(s) could not run because a value they read is unknown offline (ecs-task-definition-read-only-root-filesystem).",
            "",
        ]);
        assert.equal(verdict(0, coverage), "INCOMPLETE: no mandatory policy violation in what could be checked; 1 remote component(s) and 1 policy check(s) not checked (see NOT CHECKED above).");
        assert.equal(verdict(2, coverage), "FAILED: 2 mandatory policy violation(s). Also 1 remote component(s) and 1 policy check(s) not checked (see NOT CHECKED above).");
        assert.equal(verdict(2, checkCoverage([], [])), "FAILED: 2 mandatory policy violation(s).");
    });

    it("GIVEN only an awsx Vpc THEN complete: what it creates follows from its inputs and is modelled", () => {
        const coverage = checkCoverage([component(AWSX_TYPES.ec2Vpc, "vpc", true)], []);
        assert.deepEqual(formatCoverage(coverage), []);
        assert.equal(verdict(0, coverage), "PASSED: no mandatory policy violation.");
    });
});
