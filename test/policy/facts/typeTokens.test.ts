// Every type token the project names exists in the provider packages it installs: a token an upgrade
// renames or drops (as awsguard's did with @pulumi/aws 7) fails here, not silently in a policy that
// never matches again.
import { strict as assert } from "node:assert";
import * as typeTokens from "../../../policy/facts/typeTokens";
import { AWS_FUNCTIONS, AWS_TYPES, AWSX_TYPES, DOCKER_TYPES } from "../../../policy/facts/typeTokens";
import { functionTokenProblem, resourceTokenProblem } from "../../support/installedTokens";

const tableTokens = (): string[] => [...Object.values(AWS_TYPES), ...Object.values(AWSX_TYPES), ...Object.values(DOCKER_TYPES)];

describe("facts: type tokens", () => {
    it("GIVEN every resource token of the table THEN the installed @pulumi/aws, awsx or docker registers it", () => {
        const problems = tableTokens().map(resourceTokenProblem).filter(p => p !== undefined);
        assert.deepEqual(problems, []);
        assert.ok(tableTokens().includes(AWS_TYPES.ecsService) && tableTokens().includes(AWSX_TYPES.ec2Vpc));
    });

    it("GIVEN every data-source token of the table THEN the installed @pulumi/aws invokes it", () => {
        assert.deepEqual(Object.values(AWS_FUNCTIONS).map(functionTokenProblem).filter(p => p !== undefined), []);
    });

    it("GIVEN a token that no longer exists or moved THEN the check names it", () => {
        assert.equal(resourceTokenProblem("aws:ecs/service:Service"), undefined);
        assert.match(resourceTokenProblem("aws:ecs/service:Servic") ?? "", /registers another type/);
        assert.match(resourceTokenProblem("aws:elasticbeanstalk/nothing:Nothing") ?? "", /no such module/);
        assert.match(functionTokenProblem("aws:ec2/getVpc:getVpcs") ?? "", /invokes another function/);
    });

    it("GIVEN the groups policies match THEN each holds tokens of the table only, each once", () => {
        const known = new Set(tableTokens());
        const groups = (Object.entries(typeTokens) as [string, unknown][]).filter((e): e is [string, readonly string[]] => Array.isArray(e[1]));
        assert.ok(groups.length > 40);
        for (const [name, group] of groups) {
            assert.ok(group.length > 0, name);
            assert.equal(new Set(group).size, group.length, name);
            for (const token of group) assert.ok(known.has(token), `${name}: ${token} is not in the table`);
        }
    });

    it("GIVEN the tables THEN no token is listed twice", () => {
        const all = [...tableTokens(), ...Object.values(AWS_FUNCTIONS)];
        assert.equal(new Set(all).size, all.length);
    });
});
