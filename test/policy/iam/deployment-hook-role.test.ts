/**
 * The role ECS assumes to invoke a blue/green lifecycle hook's Lambda function: `lambda:InvokeFunction` on
 * exactly the hook's functions passes the wildcard rules; on every function (in any spelling) it is
 * reported by both, since invoking arbitrary functions runs code under their roles.
 */
import * as assert from "node:assert/strict";
import { evaluatePack } from "../../../harness/policyEngine";
import { iamPolicyNoWildcardActions } from "../../../policy/iam/iam-policy-no-wildcard-actions";
import { iamPolicyNoWildcardResources } from "../../../policy/iam/iam-policy-no-wildcard-resources";
import { ACCOUNT, REGION, resourceOf, ROLE_POLICY } from "../baselines/ecs";

const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:web-smoke-test`;
const hookPolicy = (Resource: unknown, Action: unknown = "lambda:InvokeFunction") =>
    resourceOf(ROLE_POLICY, "web-deploy-hooks", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "InvokeHooks", Effect: "Allow", Action, Resource }] }) });
const reporters = async (resource: ReturnType<typeof hookPolicy>) => {
    const result = await evaluatePack({ name: "test", policies: [iamPolicyNoWildcardActions, iamPolicyNoWildcardResources] }, [resource], {
        "iam-policy-no-wildcard-resources": "mandatory",
    });
    return result.diagnostics.map(d => d.policyName).sort();
};

describe("a lifecycle-hook role's lambda:InvokeFunction grant", () => {
    it("GIVEN exactly the hook's functions (unqualified, a version or alias, or every qualifier of one function) THEN both wildcard rules pass", async () => {
        for (const resource of [FUNCTION, [FUNCTION, `${FUNCTION}-2`], `${FUNCTION}:live`, `${FUNCTION}:*`]) {
            assert.deepEqual(await reporters(hookPolicy(resource)), [], JSON.stringify(resource));
        }
    });

    it('GIVEN "*", function:*, every function in any region or account, or every qualifier of every function THEN both rules report it', async () => {
        for (const resource of [
            "*",
            `arn:aws:lambda:${REGION}:${ACCOUNT}:function:*`,
            `arn:aws:lambda:${REGION}:${ACCOUNT}:function:*:*`,
            "arn:aws:lambda:*:*:function:*",
            `arn:aws:lambda:${REGION}:*:function:web-smoke-test`,
            [FUNCTION, `arn:aws:lambda:${REGION}:${ACCOUNT}:function:*`],
        ]) {
            assert.deepEqual(await reporters(hookPolicy(resource)), ["iam-policy-no-wildcard-actions", "iam-policy-no-wildcard-resources"], JSON.stringify(resource));
        }
    });

    it("GIVEN the action spelled with a wildcard (lambda:Invoke*) on every function THEN still reported by both", async () => {
        assert.deepEqual(await reporters(hookPolicy(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:*`, "lambda:Invoke*")), ["iam-policy-no-wildcard-actions", "iam-policy-no-wildcard-resources"]);
    });
});
