// `npm ci --omit=dev` installs what `pulumi up` loads: every package the program and the policy pack
// import, and the compiler Pulumi's Node.js host runs them with.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { compilerPackages, programPackages, runtimeSpecifiers, TsNodeOptions } from "../../tools/runtimeImports";

const ROOT = path.resolve(__dirname, "..", "..");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));

/** Packages imported from `entry` that `dependencies` does not list, with the file importing each. */
function missing(entry: string, dependencies: Record<string, string>): string[] {
    return [...programPackages(path.join(ROOT, entry))]
        .filter(([name]) => !(name in dependencies))
        .map(([name, file]) => `${name} (imported by ${path.relative(ROOT, file)})`);
}

describe("tooling: what pulumi up loads is a runtime dependency", function () {
    const pkg = readJson("package.json");
    const policyPkg = readJson("policy/package.json");

    it("the program's import graph (package.json main) needs only dependencies", function () {
        assert.equal(pkg.main, "index.ts");
        const imported = [...programPackages(path.join(ROOT, pkg.main)).keys()];
        assert.ok(imported.includes("@pulumi/aws") && imported.includes("@pulumi/docker"), imported.join(", "));
        assert.deepEqual(missing(pkg.main, pkg.dependencies), []);
    });

    it("the policy pack's import graph needs only its own dependencies (the CLI runs it from policy/)", function () {
        // `main` is the compiled entry; its import graph is the TypeScript one it is compiled from.
        assert.equal(policyPkg.main, "bin/index.js");
        assert.deepEqual(missing("policy/index.ts", policyPkg.dependencies), []);
        // The CLI starts the pack with `@pulumi/pulumi/cmd/run-policy-pack`, resolved from the pack's folder.
        assert.ok("@pulumi/pulumi" in policyPkg.dependencies);
    });

    it("the compiler Pulumi runs both with (typescript, ts-node and what tsconfig's ts-node options load) is a dependency", function () {
        const tsconfig = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
        const needed = compilerPackages((tsconfig["ts-node"] ?? {}) as TsNodeOptions, tsconfig.compilerOptions?.types ?? []);
        assert.deepEqual(needed.filter(name => !(name in pkg.dependencies)), []);
        // Hoisted from the root for the policy pack, which has no ts-node of its own.
        assert.ok(!("typescript" in (pkg.devDependencies ?? {})) && !("ts-node" in (pkg.devDependencies ?? {})));
    });

    it("compilerPackages follows ts-node's options: swc, a custom compiler, require hooks, type-checking", function () {
        assert.deepEqual(compilerPackages({ transpileOnly: true }, ["node", "mocha"]), ["ts-node", "typescript"]);
        assert.deepEqual(compilerPackages({ swc: true }, ["node"]), ["@swc/core", "ts-node", "typescript"]);
        assert.deepEqual(compilerPackages({ transpileOnly: true, compiler: "ttypescript", require: ["tsconfig-paths/register", "./local"] }), [
            "ts-node",
            "tsconfig-paths",
            "ttypescript",
            "typescript",
        ]);
        assert.deepEqual(compilerPackages({}, ["node", "@acme/types"]), ["@acme/types", "@types/node", "ts-node", "typescript"]);
    });

    it("runtimeSpecifiers sees value imports, re-exports, require and import(), not type-only imports", function () {
        const text = [
            'import * as a from "a";',
            'import b from "b/sub";',
            'import type { T } from "type-only";',
            'import { type U } from "all-types";',
            'import { type V, w } from "@s/mixed/x";',
            'export * from "./local";',
            'export type { X } from "type-export";',
            'import e = require("eq");',
            'const r = require("req");',
            'const d = import("dyn");',
            'import "side-effect";',
        ].join("\n");
        assert.deepEqual(runtimeSpecifiers("x.ts", text), ["a", "b/sub", "@s/mixed/x", "./local", "eq", "req", "dyn", "side-effect"]);
    });
});
