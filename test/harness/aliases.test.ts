import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { urnOf } from "../../harness/aliases";
import { runInline } from "../support/stacks";

class Box extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
    }
}

describe("harness: aliases are recorded as the URNs they name", () => {
    it("GIVEN a rename, a re-type, a move out of a parent and a URN alias THEN each becomes the old URN", async () => {
        const old = "urn:pulumi:test::fargate-web::test:index:Old::legacy";
        const run = await runInline(() => {
            const box = new Box("box");
            new Box("renamed", { parent: box, aliases: [{ name: "before" }] });
            new Box("retyped", { parent: box, aliases: [{ type: "test:index:Crate" }] });
            new Box("moved", { aliases: [{ parent: box }] });
            new Box("adopted", { aliases: [old] });
        });
        const aliases = Object.fromEntries(run.resources.map(r => [r.name, r.opts.aliases]));
        assert.deepEqual(aliases.box, []);
        assert.deepEqual(aliases.renamed, ["urn:pulumi:test::fargate-web::test:index:Box$test:index:Box::before"]);
        assert.deepEqual(aliases.retyped, ["urn:pulumi:test::fargate-web::test:index:Box$test:index:Crate::retyped"]);
        assert.deepEqual(aliases.moved, ["urn:pulumi:test::fargate-web::test:index:Box$test:index:Box::moved"]);
        assert.deepEqual(aliases.adopted, [old]);
    });

    it("urnOf leaves the stack out of the type chain", () => {
        assert.equal(urnOf("s", "p", "t:m:T", "n", "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s"), "urn:pulumi:s::p::t:m:T::n");
        assert.equal(urnOf("s", "p", "t:m:T", "n", "urn:pulumi:s::p::a:b:C$d:e:F::x"), "urn:pulumi:s::p::a:b:C$d:e:F$t:m:T::n");
    });
});
