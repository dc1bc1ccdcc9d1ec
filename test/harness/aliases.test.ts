/**
 * Alias URNs: computed from specs as the engine does, and recorded by the program runner.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { aliasUrns } from "../../harness/aliases";
import { runInline } from "../support/stacks";

const ME = { name: "web-tg", type: "aws:lb/targetGroup:TargetGroup", stack: "prod", project: "fargate-web", parentUrn: "urn:pulumi:prod::fargate-web::fargate-web:lb:LoadBalancer::web" };

describe("harness: alias URNs", () => {
    it("GIVEN a URN THEN that URN", () => {
        assert.deepEqual(aliasUrns(ME, [{ urn: "urn:pulumi:prod::fargate-web::x:y:Z::a" }]), ["urn:pulumi:prod::fargate-web::x:y:Z::a"]);
    });

    it("GIVEN a spec with blanks THEN they are the resource's own name, type, stack, project and parent", () => {
        assert.deepEqual(aliasUrns(ME, [{ spec: { name: "old-tg" } }]), ["urn:pulumi:prod::fargate-web::fargate-web:lb:LoadBalancer$aws:lb/targetGroup:TargetGroup::old-tg"]);
        assert.deepEqual(aliasUrns(ME, [{ spec: { stack: "dev", project: "other" } }]), ["urn:pulumi:dev::other::fargate-web:lb:LoadBalancer$aws:lb/targetGroup:TargetGroup::web-tg"]);
    });

    it("GIVEN noParent or a parent that is the stack THEN the type stands alone", () => {
        assert.deepEqual(aliasUrns(ME, [{ spec: { noParent: true } }]), ["urn:pulumi:prod::fargate-web::aws:lb/targetGroup:TargetGroup::web-tg"]);
        assert.deepEqual(aliasUrns(ME, [{ spec: { parentUrn: "urn:pulumi:prod::fargate-web::pulumi:pulumi:Stack::fargate-web-prod" } }]), ["urn:pulumi:prod::fargate-web::aws:lb/targetGroup:TargetGroup::web-tg"]);
    });

    it("GIVEN a nested parent THEN its whole qualified type chain prefixes the type", () => {
        const nested = { ...ME, parentUrn: "urn:pulumi:prod::fargate-web::fargate-web:lb:LoadBalancer$fargate-web:lb:Routes::r" };
        assert.deepEqual(aliasUrns(nested, [{ spec: {} }]), ["urn:pulumi:prod::fargate-web::fargate-web:lb:LoadBalancer$fargate-web:lb:Routes$aws:lb/targetGroup:TargetGroup::web-tg"]);
    });

    it("GIVEN a program that moves a resource into a component with an alias THEN the runner records the old URN", async () => {
        const run = await runInline(() => {
            const parent = new pulumi.ComponentResource("fargate-web:test:Holder", "holder");
            new aws.cloudwatch.LogGroup("logs", { retentionInDays: 7 }, { parent, aliases: [{ parent: pulumi.rootStackResource }] });
        });
        const logs = run.resources.find(r => r.name === "logs");
        assert.equal(logs?.urn, "urn:pulumi:test::fargate-web::fargate-web:test:Holder$aws:cloudwatch/logGroup:LogGroup::logs");
        assert.deepEqual(logs?.opts.aliases, ["urn:pulumi:test::fargate-web::aws:cloudwatch/logGroup:LogGroup::logs"]);
    });
});
