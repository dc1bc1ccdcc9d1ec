/**
 * The pack as a whole: metadata of every policy, every policy file in its folder's index and every index in
 * the pack, the per-environment configs valid, and the files the Pulumi CLI needs to load the pack.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { validatePolicyConfig } from "../../harness/policyEngine";
import { pack, policies } from "../../policy/pack";
import { programFiles } from "../../tools/runtimeImports";

const POLICY_DIR = path.join(__dirname, "../../policy");
const FOLDERS = ["ecs", "iam", "secrets", "logs", "scaling", "scheduler", "lb", "ecr", "ec2", "cloudwatch", "sns"];

describe("policy pack", () => {
    for (const folder of FOLDERS) {
        it(`GIVEN policy/${folder} THEN every policy file exports one policy named after the file, and the pack has it`, () => {
            const dir = path.join(POLICY_DIR, folder);
            const files = fs.readdirSync(dir).filter(f => f.startsWith(`${folder}-`) && f.endsWith(".ts"));
            assert.ok(files.length > 0);
            for (const file of files) {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const exported = Object.values(require(path.join(dir, file))).filter(
                    (v): v is { name: string } => typeof v === "object" && v !== null && "name" in v && ("validateResource" in v || "validateStack" in v),
                );
                assert.equal(exported.length, 1, file);
                assert.equal(`${exported[0].name}.ts`, file);
                assert.ok(policies.includes(exported[0] as never), `${file} is not in the pack`);
            }
        });
    }

    it("GIVEN every policy THEN it has a unique kebab-case name, a one-sentence description, a level, a severity and config defaults", () => {
        const names = new Set<string>();
        for (const p of policies) {
            assert.match(p.name, new RegExp(`^(${FOLDERS.join("|")})-[a-z0-9]+(-[a-z0-9]+)+$`));
            assert.ok(!names.has(p.name), `duplicate ${p.name}`);
            names.add(p.name);
            assert.match(p.description, /^[A-Z].*\.$/, p.name);
            assert.ok(p.enforcementLevel === "advisory" || p.enforcementLevel === "mandatory", p.name);
            assert.ok(["low", "medium", "high", "critical"].includes(p.severity ?? ""), p.name);
            for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
                assert.notEqual((schema as { default?: unknown }).default, undefined, `${p.name}.${key} has no default`);
            }
        }
        assert.ok(policies.length >= 60, `only ${policies.length} policies`);
    });

    for (const stack of ["dev", "prod"]) {
        it(`GIVEN policy/config/${stack}.json THEN it names only policies of the pack with valid levels and settings`, () => {
            const config = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "config", `${stack}.json`), "utf8"));
            assert.doesNotThrow(() => validatePolicyConfig(pack, config));
        });
    }

    it("GIVEN the production rules THEN they are advisory in dev and mandatory in prod", () => {
        const level = (stack: string, name: string) => {
            const entry = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "config", `${stack}.json`), "utf8"))[name];
            return typeof entry === "string" ? entry : entry?.enforcementLevel;
        };
        const production = [
            "lb-load-balancer-deletion-protection",
            "ecs-service-no-public-ip",
            "scaling-target-capacity-bounds",
            "logs-log-group-retention",
            "lb-load-balancer-access-logs",
            "lb-listener-http-redirects-to-https",
            "lb-listener-rule-http-redirects-to-https",
            "ecs-service-minimum-capacity",
            "scaling-scheduled-action-capacity-bounds",
            "ecs-service-exec-logged-encrypted",
            "lb-listener-rule-not-shadowed",
            "scheduler-task-no-public-ip",
            "ecs-service-connect-tls",
            "ecs-service-connect-logs",
        ];
        for (const name of production) {
            assert.equal(level("dev", name), "advisory", name);
            assert.equal(level("prod", name), "mandatory", name);
        }
    });

    for (const stack of ["dev", "prod"]) {
        it(`GIVEN policy/config/${stack}.json THEN every rule that guards the minimum task count uses the same minimumCapacity`, () => {
            const config = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "config", `${stack}.json`), "utf8"));
            const minimums = ["scaling-target-capacity-bounds", "ecs-service-minimum-capacity", "scaling-scheduled-action-capacity-bounds"].map(
                name => config[name]?.minimumCapacity,
            );
            assert.ok(typeof minimums[0] === "number", "scaling-target-capacity-bounds sets minimumCapacity");
            assert.deepEqual(minimums, minimums.map(() => minimums[0]));
        });
    }

    it("THEN README's rules table lists every policy with its dev and prod level", () => {
        const readme = fs.readFileSync(path.join(POLICY_DIR, "..", "README.md"), "utf8");
        const levelIn = (stack: string, p: { name: string; enforcementLevel?: string }) => {
            const entry = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "config", `${stack}.json`), "utf8"))[p.name];
            return (typeof entry === "string" ? entry : entry?.enforcementLevel) ?? p.enforcementLevel;
        };
        for (const p of policies) {
            const row = readme.split("\n").find(line => line.startsWith(`| \`${p.name}\``));
            assert.ok(row, `README has no row for ${p.name}`);
            const cells = row.split("|").map(c => c.trim());
            assert.equal(cells[3], levelIn("dev", p), `${p.name} dev level in README`);
            assert.match(cells[4], new RegExp(`^${levelIn("prod", p)}`), `${p.name} prod level in README`);
        }
    });

    it("THEN the CLI can load it: PulumiPolicy.yaml, a versioned package and an index that builds the pack", () => {
        const manifest = YAML.parse(fs.readFileSync(path.join(POLICY_DIR, "PulumiPolicy.yaml"), "utf8"));
        assert.equal(manifest.runtime, "nodejs");
        // A `version` here would override package.json's in what the CLI reports and publishes; `main` is not
        // read for Node.js packs (the CLI runs the package's `main`), so either would be a second, silent owner.
        assert.deepEqual(Object.keys(manifest).sort(), ["description", "runtime"]);
        const pkg = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8"));
        assert.ok(pkg.dependencies["@pulumi/policy"]);
        const index = fs.readFileSync(path.join(POLICY_DIR, "index.ts"), "utf8");
        assert.match(index, /new PolicyPack\(pack\.name, \{/);
    });

    it("THEN its version is a semver, the one the pack reports and the newest in CHANGELOG.md", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8"));
        // semver.org's grammar (no build metadata: the CLI publishes versions by this string).
        assert.match(pkg.version, /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/);
        assert.equal(pack.version, pkg.version);
        const headings = fs.readFileSync(path.join(POLICY_DIR, "CHANGELOG.md"), "utf8").match(/^## .*$/gm) ?? [];
        assert.equal(headings[0], `## ${pkg.version}`);
    });

    it("THEN everything the pack loads lives under policy/, so the package ships it", () => {
        const files = programFiles(path.join(POLICY_DIR, "index.ts"));
        assert.ok(files.length > 60, `only ${files.length} files`);
        assert.deepEqual(files.filter(file => path.relative(POLICY_DIR, file).startsWith("..")), []);
    });

    it("THEN its main is the compiled index.ts, and the package lists what ships", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8"));
        const build = YAML.parse(fs.readFileSync(path.join(POLICY_DIR, "tsconfig.build.json"), "utf8"));
        const outDir = build.compilerOptions.outDir;
        assert.equal(build.compilerOptions.rootDir, ".");
        assert.equal(pkg.main, `${outDir}/index.js`);
        assert.deepEqual(pkg.files, [`${outDir}/`, "config/dev.json", "config/prod.json", "PulumiPolicy.yaml", "CHANGELOG.md", "npm-shrinkwrap.json"]);
        // tsc never deletes outputs: the build empties bin/ first, or a moved or deleted policy would ship on.
        assert.equal(pkg.scripts.build, `node -e "require('node:fs').rmSync('${outDir}', { recursive: true, force: true })" && tsc -p tsconfig.build.json`);
        // The build's compiler is the workspace root's: the CLI installs a published pack with `npm install`,
        // devDependencies included, and would fetch TypeScript for every machine that runs the pack.
        assert.equal(pkg.devDependencies, undefined);
        assert.equal(pkg.scripts.prepack, "npm run build && node ../tools/policyShrinkwrap.js");
        assert.equal(pkg.scripts.postpack, "node ../tools/policyShrinkwrap.js --remove");
    });
});
