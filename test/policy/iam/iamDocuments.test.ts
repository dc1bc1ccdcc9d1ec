import * as assert from "node:assert/strict";
import { UnknownValueError } from "@pulumi/policy";
import { UNKNOWN } from "../../../harness/serialisation";
import {
    actionMatches,
    allows,
    globMatches,
    parsePolicyDocument,
    principalsOf,
    statementCoversAction,
    statementCoversResource,
    PolicyStatement,
} from "../../../policy/lib/iamDocuments";

const statements = (doc: unknown): PolicyStatement[] => {
    const parsed = parsePolicyDocument(doc);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    return parsed.statements;
};

describe("iamDocuments (defensive parser)", () => {
    it("GIVEN a JSON string with a single Statement object and string Action/Resource THEN lists", () => {
        const [s] = statements(JSON.stringify({ Version: "2012-10-17", Statement: { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" } }));
        assert.deepEqual(
            { sid: s.sid, effect: s.effect, actions: s.actions, resources: s.resources, notActions: s.notActions, hasCondition: s.hasCondition },
            { sid: "A", effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], notActions: undefined, hasCondition: false },
        );
    });

    it("GIVEN an object document with a Statement array THEN each statement in order", () => {
        const list = statements({ Statement: [{ Effect: "Deny", NotAction: ["iam:*"], NotResource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }, { Effect: "Allow", Action: [] }] });
        assert.equal(list.length, 2);
        assert.deepEqual([list[0].effect, list[0].notActions, list[0].notResources, list[0].hasCondition, list[1].index], ["Deny", ["iam:*"], ["*"], true, 1]);
    });

    const malformed: [unknown, string][] = [
        [undefined, "it is missing"],
        ["[1,2]", "it is not a JSON object"],
        ["{}", '"Statement" must be an object or a list of objects'],
        [{ Statement: ["x"] }, "statement 1 is not an object"],
        [{ Statement: [{ Effect: "allow" }] }, 'statement 1 has "Effect" "allow"; use "Allow" or "Deny"'],
        [{ Statement: [{ Action: "*" }] }, 'statement 1 has no "Effect"; use "Allow" or "Deny"'],
        [{ Statement: [{ Effect: "Allow", Action: ["s3:GetObject", 3] }] }, 'statement 1: "Action" must be a string or a list of strings'],
        [{ Statement: [{ Effect: "Allow", Resource: { arn: "x" } }] }, 'statement 1: "Resource" must be a string or a list of strings'],
    ];
    for (const [doc, reason] of malformed) {
        it(`GIVEN ${JSON.stringify(doc)} THEN not ok: ${reason}`, () => assert.deepEqual(parsePolicyDocument(doc), { ok: false, reason }));
    }

    it("GIVEN invalid JSON THEN not ok with the parser's message", () => {
        const parsed = parsePolicyDocument("{");
        assert.equal(parsed.ok, false);
        assert.match((parsed as { reason: string }).reason, /^it is not valid JSON \(.+\)$/);
    });

    it("GIVEN an unknown sentinel inside the JSON THEN reading it throws UnknownValueError", () => {
        assert.throws(() => parsePolicyDocument(JSON.stringify({ Statement: [{ Effect: "Allow", Resource: UNKNOWN }] })), UnknownValueError);
    });

    it("GIVEN IAM wildcards THEN actions match case-insensitively, resources case-sensitively", () => {
        assert.ok(actionMatches("s3:Get*", "S3:GETOBJECT"));
        assert.ok(actionMatches("*", "secretsmanager:GetSecretValue"));
        assert.ok(!actionMatches("s3:Put*", "s3:GetObject"));
        assert.ok(globMatches("arn:aws:secretsmanager:*:*:secret:db-??????", "arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf"));
        assert.ok(!globMatches("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket"));
        assert.ok(globMatches("a.b(c)", "a.b(c)"));
    });

    it("GIVEN NotAction / NotResource THEN coverage is inverted", () => {
        const [s] = statements({ Statement: [{ Effect: "Allow", NotAction: "iam:*", NotResource: "arn:aws:s3:::private/*" }] });
        assert.ok(statementCoversAction(s, "s3:GetObject"));
        assert.ok(!statementCoversAction(s, "iam:PassRole"));
        assert.ok(statementCoversResource(s, "arn:aws:s3:::public/x"));
        assert.ok(!statementCoversResource(s, "arn:aws:s3:::private/x"));
    });

    it("GIVEN an Allow and an unconditional Deny THEN the Deny wins; a conditional Deny does not", () => {
        const allow = { Effect: "Allow", Action: "secretsmanager:*", Resource: "*" };
        const deny = { Effect: "Deny", Action: "secretsmanager:GetSecretValue", Resource: "arn:x" };
        assert.ok(allows(statements({ Statement: [allow] }), "secretsmanager:GetSecretValue", "arn:x"));
        assert.ok(!allows(statements({ Statement: [allow, deny] }), "secretsmanager:GetSecretValue", "arn:x"));
        assert.ok(allows(statements({ Statement: [allow, { ...deny, Condition: { Bool: { x: "y" } } }] }), "secretsmanager:GetSecretValue", "arn:x"));
    });

    it("GIVEN principal forms THEN a flat list", () => {
        assert.deepEqual(principalsOf("*"), [{ kind: "*", value: "*" }]);
        assert.deepEqual(principalsOf({ Service: ["ecs-tasks.amazonaws.com", 3], AWS: "arn:aws:iam::1:root" }), [
            { kind: "Service", value: "ecs-tasks.amazonaws.com" },
            { kind: "AWS", value: "arn:aws:iam::1:root" },
        ]);
        assert.deepEqual(principalsOf(undefined), []);
    });
});
