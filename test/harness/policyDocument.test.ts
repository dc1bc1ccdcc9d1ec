/**
 * `aws.iam.getPolicyDocument` rendered offline, held to the provider's own rendering rules
 * (terraform-provider-aws `policy_document_data_source.go`, `policy_model.go`) and its documented examples.
 */
import * as assert from "node:assert/strict";
import { PolicyDocumentError, renderPolicyDocument } from "../../harness/policyDocument";

describe("IAM policy documents rendered as the provider renders them", () => {
    it("GIVEN one statement THEN Go's MarshalIndent layout, Allow by default, single values as strings", () => {
        const { json, minifiedJson } = renderPolicyDocument({ statements: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }] });
        assert.equal(
            json,
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::b/*"\n    }\n  ]\n}',
        );
        assert.equal(minifiedJson, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}');
    });

    it("GIVEN sets of actions and identifiers THEN duplicates dropped and sorted in reverse; maps keyed in order; '*' principal collapsed", () => {
        const doc = JSON.parse(
            renderPolicyDocument({
                policyId: "p1",
                statements: [
                    {
                        sid: "Read",
                        effect: "Deny",
                        actions: ["s3:ListBucket", "s3:GetObject", "s3:ListBucket"],
                        resources: ["arn:aws:s3:::a", "arn:aws:s3:::b"],
                        principals: [
                            { type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] },
                            { type: "AWS", identifiers: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"] },
                        ],
                        conditions: [
                            { test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] },
                            { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:b", "arn:a"] },
                        ],
                    },
                    { actions: ["sts:AssumeRole"], principals: [{ type: "*", identifiers: ["*"] }], notResources: ["x"] },
                ],
            }).json,
        );
        assert.deepEqual(doc, {
            Version: "2012-10-17",
            Id: "p1",
            Statement: [
                {
                    Sid: "Read",
                    Effect: "Deny",
                    Action: ["s3:ListBucket", "s3:GetObject"],
                    Resource: ["arn:aws:s3:::b", "arn:aws:s3:::a"],
                    Principal: { AWS: ["arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:root"], Service: "ecs-tasks.amazonaws.com" },
                    Condition: { ArnLike: { "aws:SourceArn": ["arn:b", "arn:a"] }, StringEquals: { "aws:SourceAccount": "111111111111" } },
                },
                { Effect: "Allow", Action: "sts:AssumeRole", NotResource: "x", Principal: "*" },
            ],
        });
        assert.deepEqual(Object.keys(doc.Statement[0]), ["Sid", "Effect", "Action", "Resource", "Principal", "Condition"]);
        assert.deepEqual(Object.keys(doc.Statement[0].Principal), ["AWS", "Service"]);
    });

    it("GIVEN {type: AWS, identifiers: ['*']} THEN it stays a map (IAM refuses a bare '*' in trust policies)", () => {
        const doc = JSON.parse(renderPolicyDocument({ statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["*"] }] }] }).json);
        assert.deepEqual(doc.Statement[0].Principal, { AWS: "*" });
    });

    it("GIVEN &{ policy variables THEN written as ${ and escaped as Go escapes & < >", () => {
        const { json } = renderPolicyDocument({ statements: [{ actions: ["s3:*"], resources: ["arn:aws:s3:::home/&{aws:username}/*"] }] });
        assert.ok(json.includes('"arn:aws:s3:::home/${aws:username}/*"'), json);
        const escaped = renderPolicyDocument({ statements: [{ actions: ["s3:*"], resources: ["a<b>&c"] }] }).json;
        assert.ok(escaped.includes('"a\\u003cb\\u003e\\u0026c"'), escaped);
        assert.equal(JSON.parse(escaped).Statement[0].Resource, "a<b>&c");
    });

    it("GIVEN source and override documents THEN merged by Sid in order: source, own statements, overrides", () => {
        const source = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Action: "a:1", Resource: "*" }, { Sid: "B", Effect: "Allow", Action: "b:1", Resource: "*" }] });
        const override = JSON.stringify({ Statement: [{ Sid: "B", Effect: "Deny", Action: "b:2", Resource: "*" }] });
        const doc = JSON.parse(
            renderPolicyDocument({ sourcePolicyDocuments: [source], statements: [{ sid: "A", actions: ["a:2"], resources: ["r"] }, { actions: ["c:1"], resources: ["*"] }], overridePolicyDocuments: [override] }).json,
        );
        assert.deepEqual(
            doc.Statement.map((s: any) => [s.Sid, s.Effect, s.Action]),
            [
                ["A", "Allow", "a:2"],
                ["B", "Deny", "b:2"],
                [undefined, "Allow", "c:1"],
            ],
        );
    });

    it("GIVEN the same input twice THEN the same id (the hash code of the JSON); a different document, another id", () => {
        const a = renderPolicyDocument({ statements: [{ actions: ["a:1"] }] });
        assert.equal(a.id, renderPolicyDocument({ statements: [{ actions: ["a:1"] }] }).id);
        assert.notEqual(a.id, renderPolicyDocument({ statements: [{ actions: ["a:2"] }] }).id);
        assert.match(a.id, /^\d+$/);
    });

    it("GIVEN what the provider refuses THEN an error naming it", () => {
        assert.throws(() => renderPolicyDocument({ statements: [{ sid: "X", actions: ["a"] }, { sid: "X", actions: ["b"] }] }), PolicyDocumentError);
        assert.throws(() => renderPolicyDocument({ statements: [{ effect: "allow", actions: ["a"] }] }), /statements\[0\]\.effect must be Allow or Deny, got "allow"/);
        assert.throws(() => renderPolicyDocument({ version: "2008-10-17", statements: [{ actions: ["a"], resources: ["&{aws:username}"] }] }), /not supported in document version 2008-10-17/);
    });
});
