/**
 * The policy pack's shrinkwrap, taken from the repository's lockfile: the pack's runtime closure, resolved as
 * Node resolves it, with the workspace's own nested packages moved to the pack's root.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_DIR } from "../support/stacks";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS tool without typings
const { shrinkwrapOf } = require("../../tools/policyShrinkwrap.js") as { shrinkwrapOf: (lock: unknown) => { name: string; version: string; packages: Record<string, Record<string, unknown>> } };

const entry = (version: string, more: Record<string, unknown> = {}) => ({ version, resolved: `https://registry.example/${version}.tgz`, ...more });

describe("tools/policyShrinkwrap", () => {
    it("GIVEN the repository's lockfile THEN the pack's tree has its dependencies and no build toolchain", () => {
        const lock = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package-lock.json"), "utf8"));
        const policyPkg = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "package.json"), "utf8"));
        const wrap = shrinkwrapOf(lock);
        assert.equal(wrap.version, policyPkg.version);
        assert.deepEqual(wrap.packages[""].dependencies, policyPkg.dependencies);
        assert.equal(wrap.packages[""].devDependencies, undefined);
        for (const name of Object.keys(policyPkg.dependencies)) assert.equal(wrap.packages[`node_modules/${name}`].version, policyPkg.dependencies[name]);
        // @pulumi/pulumi's peers typescript and ts-node are optional: the compiled pack needs neither.
        for (const name of ["typescript", "ts-node", "mocha", "eslint", "@pulumi/aws"]) assert.equal(wrap.packages[`node_modules/${name}`], undefined, name);
        for (const [key, value] of Object.entries(wrap.packages)) {
            if (key) assert.deepEqual([value.dev, value.devOptional, value.peer], [undefined, undefined, undefined], key);
        }
    });

    it("GIVEN nested copies, a workspace-local package, optional peers and a platform-only optional THEN it resolves as Node does", () => {
        const lock = {
            packages: {
                "": { name: "root", workspaces: ["policy"] },
                policy: { name: "pack", version: "1.2.3", dependencies: { a: "1", w: "1" }, devDependencies: { t: "1" } },
                "policy/node_modules/w": entry("1.0.0"),
                "node_modules/a": entry("1.0.0", { dependencies: { b: "2" }, peerDependencies: { p: "1", q: "1" }, peerDependenciesMeta: { q: { optional: true } } }),
                "node_modules/a/node_modules/b": entry("2.0.0", { optionalDependencies: { native: "1" } }),
                "node_modules/b": entry("1.0.0", { dev: true }),
                "node_modules/p": entry("1.0.0", { peer: true }),
                "node_modules/q": entry("1.0.0"),
                "node_modules/t": entry("1.0.0", { dev: true }),
            },
        };
        const wrap = shrinkwrapOf(lock);
        assert.deepEqual(Object.keys(wrap.packages), ["", "node_modules/a", "node_modules/a/node_modules/b", "node_modules/p", "node_modules/w"]);
        assert.equal(wrap.packages["node_modules/p"].peer, undefined);
    });

    it("GIVEN a dependency the lockfile does not resolve THEN it says which and what to run", () => {
        const lock = { packages: { policy: { name: "pack", version: "1.0.0", dependencies: { gone: "1" } } } };
        assert.throws(() => shrinkwrapOf(lock), { message: "package-lock.json resolves no gone for policy; run npm install" });
    });

    it("GIVEN the workspace's and the root's copy of one package both in the tree THEN it refuses", () => {
        const lock = {
            packages: {
                policy: { name: "pack", version: "1.0.0", dependencies: { a: "1", c: "2" } },
                "policy/node_modules/c": entry("2.0.0"),
                "node_modules/a": entry("1.0.0", { dependencies: { c: "1" } }),
                "node_modules/c": entry("1.0.0"),
            },
        };
        assert.throws(() => shrinkwrapOf(lock), /node_modules\/c is both/);
    });
});
