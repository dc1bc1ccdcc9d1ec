/**
 * The components package's manifest tells the truth: its version is its changelog's newest; it points at the
 * build output of `components/index.ts`; it ships only that output and the changelog; it declares every
 * package the components import, the SDK and the AWS provider as peers at ranges the repository's own pins
 * satisfy. The packed form itself is tested in `packed.slow.test.ts`.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import { PROJECT_DIR } from "../../support/stacks";

interface Manifest {
    readonly version: string;
    readonly main: string;
    readonly types: string;
    readonly exports: Record<string, { types: string; default: string } | string>;
    readonly files: readonly string[];
    readonly dependencies: Record<string, string>;
    readonly devDependencies?: Record<string, string>;
    readonly peerDependencies: Record<string, string>;
}

const PACKAGE_DIR = path.join(PROJECT_DIR, "packages", "components");
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;
const manifest = readJson<Manifest>(path.join(PACKAGE_DIR, "package.json"));
const root = readJson<{ dependencies: Record<string, string>; devDependencies: Record<string, string> }>(path.join(PROJECT_DIR, "package.json"));
const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** Whether `version` (x.y.z) satisfies `range`, which must be a caret range `^x.y.z`. */
function satisfiesCaret(version: string, range: string): boolean {
    const [, ...want] = SEMVER.exec(range.replace(/^\^/, "")) ?? assert.fail(`${range} is not a caret range ^x.y.z`);
    const [, ...have] = SEMVER.exec(version) ?? assert.fail(`${version} is not x.y.z`);
    const [w, h] = [want.map(Number), have.map(Number)];
    return range.startsWith("^") && w[0] > 0 && h[0] === w[0] && (h[1] > w[1] || (h[1] === w[1] && h[2] >= w[2]));
}

/** The packages `components/` imports by name (not relative paths, not Node's own modules). */
function importedPackages(): string[] {
    const names = new Set<string>();
    const dir = path.join(PROJECT_DIR, "components");
    for (const file of fs.readdirSync(dir).filter(f => f.endsWith(".ts"))) {
        for (const [, specifier] of fs.readFileSync(path.join(dir, file), "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom "([^"]+)"/gm)) {
            if (specifier.startsWith(".") || specifier.startsWith("node:") || builtinModules.includes(specifier)) continue;
            names.add(specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/"));
        }
    }
    return [...names].sort();
}

describe("packages/components: the manifest", () => {
    it("THEN its version is semver and equal to the newest heading of its CHANGELOG", () => {
        assert.match(manifest.version, SEMVER);
        const newest = /^## (.+)$/m.exec(fs.readFileSync(path.join(PACKAGE_DIR, "CHANGELOG.md"), "utf8"));
        assert.equal(newest?.[1], manifest.version);
    });

    it("THEN main, types and exports point at the build output of components/index.ts", () => {
        const build = readJson<{ compilerOptions: { rootDir: string; outDir: string; declaration: boolean }; files: string[] }>(path.join(PACKAGE_DIR, "tsconfig.build.json"));
        assert.deepEqual(build.files, ["../../components/index.ts"]);
        assert.equal(build.compilerOptions.declaration, true);
        // rootDir is the repository, so components/index.ts compiles to <outDir>/components/index.js.
        assert.equal(path.resolve(PACKAGE_DIR, build.compilerOptions.rootDir), PROJECT_DIR);
        const entry = `${build.compilerOptions.outDir}/components/index`;
        assert.equal(manifest.main, `${entry}.js`);
        assert.equal(manifest.types, `${entry}.d.ts`);
        assert.deepEqual(manifest.exports, { ".": { types: `./${entry}.d.ts`, default: `./${entry}.js` }, "./package.json": "./package.json" });
    });

    it("THEN it ships the build output and the changelog only", () => {
        assert.deepEqual(manifest.files, ["dist/components/", "dist/policy/facts/", "dist/policy/config/prod.json", "CHANGELOG.md"]);
    });

    it("THEN every package the components import is a dependency or a peer, and nothing else is", () => {
        assert.deepEqual(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).sort(), importedPackages());
        assert.equal(manifest.devDependencies, undefined);
    });

    it("THEN the SDK and the AWS provider are peers at caret ranges the repository's pinned versions satisfy", () => {
        assert.deepEqual(Object.keys(manifest.peerDependencies).sort(), ["@pulumi/aws", "@pulumi/pulumi"]);
        for (const [name, range] of Object.entries(manifest.peerDependencies)) {
            assert.ok(satisfiesCaret(root.dependencies[name], range), `${name}: the repository runs ${root.dependencies[name]}, outside ${range}`);
        }
    });

    it("THEN its own dependencies are pinned to the versions the repository runs and tests", () => {
        for (const [name, version] of Object.entries(manifest.dependencies)) assert.equal(version, root.dependencies[name], name);
    });

    it("THEN examples/two-services pins the versions of the repository's lockfile, so its test installs from npm's cache", () => {
        const example = readJson<{ dependencies: Record<string, string>; devDependencies: Record<string, string> }>(path.join(PROJECT_DIR, "examples", "two-services", "package.json"));
        for (const [name, version] of Object.entries({ ...example.dependencies, ...example.devDependencies })) {
            assert.equal(version, root.dependencies[name] ?? root.devDependencies[name], name);
        }
    });
});

describe("packages/components: satisfiesCaret", () => {
    it("GIVEN versions around a caret range THEN only the same major at or above it satisfy it", () => {
        assert.deepEqual(
            ["7.43.0", "7.48.0", "7.42.9", "8.0.0", "6.99.0", "7.43.1"].map(v => satisfiesCaret(v, "^7.43.0")),
            [true, true, false, false, false, true],
        );
        assert.equal(satisfiesCaret("7.48.0", "7.48.0"), false);
    });
});
