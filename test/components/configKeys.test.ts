import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { CONFIG_KEYS, ConfigKey, declarationOf, SERVICE_FIELDS, SERVICE_KEYS } from "../../components/configKeys";
import { describeAllowed } from "../../components/configReader";
import { ConfigError, parseStackConfig } from "../../components/stackConfig";
import { inspectStackConfig, readStackConfig } from "../../harness/projectConfig";
import { PROJECT_DIR } from "../support/stacks";

const P = "fargate-web";
const KEYS = Object.keys(CONFIG_KEYS) as ConfigKey[];
const project = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8"));
const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");

/** The problems the loader reports for the dev stack with `values` replaced; none when it accepts them. */
function problemsWith(values: Record<string, string>): readonly string[] {
    const base = readStackConfig(PROJECT_DIR, "dev");
    try {
        parseStackConfig({ project: P, stack: "dev", values: { ...base.config, ...values }, secretKeys: [] });
        return [];
    } catch (e) {
        assert.ok(e instanceof ConfigError, String(e));
        return e.problems;
    }
}

/** A README table row's cells, found by its first cell. */
function readmeRow(first: string): string[] | undefined {
    const line = readme.split("\n").find(l => l.startsWith(`| ${first} |`));
    return line
        ?.slice(1, -1)
        .split(/(?<!\\)\|/)
        .map(c => c.trim().replace(/\\\|/g, "|"));
}

const shownDefault = (value: unknown): string => (typeof value === "string" && value !== "" ? `\`${value}\`` : `\`${JSON.stringify(value)}\``);

describe("config key table", () => {
    it("THEN Pulumi.yaml describes every key with the table's description", () => {
        for (const key of KEYS) {
            assert.equal(project.config[`${P}:${key}`]?.description, CONFIG_KEYS[key].description, key);
        }
    });

    it("THEN the README table gives every key the table's default and description", () => {
        for (const key of KEYS) {
            const row = readmeRow(`\`${key}\``);
            assert.ok(row, `README has no row for ${key}`);
            assert.equal(row[1], shownDefault(CONFIG_KEYS[key].default), `${key} default`);
            assert.equal(row[4], CONFIG_KEYS[key].description, `${key} description`);
        }
    });

    it("THEN every integer key has a range holding its default, and every allowed list holds its default", () => {
        for (const key of KEYS) {
            const { type, min, max, allowed, default: fallback } = declarationOf(key);
            if (type === "integer") {
                assert.ok(min !== undefined && max !== undefined && min <= (fallback as number) && (fallback as number) <= max, `${key}: ${min}..${max} default ${fallback}`);
            }
            if (allowed) {
                assert.ok(allowed.includes(fallback as string | number), `${key}: default ${fallback} not allowed`);
            }
        }
    });

    it("THEN a range a description states is the table's range", () => {
        for (const key of KEYS) {
            const { description, min, max } = declarationOf(key);
            const stated = /\((\d+) to (\d+)/.exec(description);
            if (stated) {
                // "(10 to 90); 0 turns it off": 0 is the table's minimum, meaning off.
                const low = Number(stated[1]) === min || (min === 0 && /0 turns/.test(description));
                assert.ok(low && Number(stated[2]) === max, `${key}: description says ${stated[0]}, table says ${min} to ${max}`);
            }
            const upTo = /up to (\d+)\)/.exec(description);
            if (upTo) assert.equal(Number(upTo[1]), max, key);
        }
    });

    describe("GIVEN a value just outside each key's declared range", () => {
        for (const key of KEYS.filter(k => declarationOf(k).type === "integer")) {
            const { min, max, rangeReason } = declarationOf(key);
            it(`THEN the loader refuses ${key} below ${min} and above ${max} with the table's range, flat and in a service`, () => {
                for (const value of [min! - 1, max! + 1]) {
                    const range = `expected an integer from ${min} to ${max}${rangeReason ?? ""}`;
                    assert.ok(problemsWith({ [`${P}:${key}`]: String(value) }).includes(`${P}:${key} is ${value}; ${range}`), `${key} ${value}`);
                    if (declarationOf(key).scope === "service") {
                        const kind = declarationOf(key).kinds?.[0] ?? "web";
                        const services = JSON.stringify({ svc: { kind, [key]: value, ...(kind === "scheduled" ? { schedule: "rate(1 hour)" } : {}) } });
                        assert.ok(problemsWith({ [`${P}:services`]: services }).includes(`${P}:services.svc.${key} is ${value}; ${range}`), `services.svc.${key} ${value}`);
                    }
                }
            });
        }
    });

    describe("GIVEN a value outside each choice key's allowed list", () => {
        for (const key of KEYS.filter(k => declarationOf(k).type === "string" && declarationOf(k).allowed)) {
            it(`THEN the loader refuses ${key} listing exactly the table's values`, () => {
                const allowed = declarationOf(key).allowed!;
                assert.ok(problemsWith({ [`${P}:${key}`]: "bogus" }).includes(`${P}:${key} is "bogus"; allowed: ${describeAllowed(allowed)}`), key);
                for (const value of allowed) {
                    assert.ok(!problemsWith({ [`${P}:${key}`]: String(value) }).some(p => p.startsWith(`${P}:${key} is ${JSON.stringify(value)};`)), `${key} ${value}`);
                }
            });
        }
    });

    it("THEN the README lists the keys a service may override, and documents each service-only field", () => {
        const listed = /Keys an entry may override: ([^.]+)\./.exec(readme.replace(/\n/g, " "));
        assert.ok(listed, "README does not list the keys a service may override");
        assert.deepEqual(listed[1].split(", ").map(k => k.replace(/`/g, "")), SERVICE_KEYS);
        for (const [field, declaration] of Object.entries(SERVICE_FIELDS)) {
            const row = readmeRow(`\`${field}\``);
            assert.ok(row, `README does not document services field ${field}`);
            assert.equal(row[1], `\`${JSON.stringify(declaration.default)}\``, `${field} default`);
            assert.equal(row[2], ("kinds" in declaration ? declaration.kinds : ["web", "worker", "scheduled"]).join(", "), `${field} kinds`);
            assert.equal(row[3], declaration.description, `${field} description`);
        }
    });
});

describe("services in a stack file, as the CLI writes it", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "services-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Writes a stack file and reads it like the CLI, then through the loader. */
    function load(yaml: string) {
        const file = path.join(dir, "Pulumi.test.yaml");
        fs.writeFileSync(file, yaml);
        const inspection = inspectStackConfig(PROJECT_DIR, "test", file);
        assert.deepEqual(inspection.problems, []);
        const c = inspection.config;
        return parseStackConfig({ project: c.project, stack: "test", values: c.config, secretKeys: c.secretKeys, securePaths: c.securePaths });
    }

    // What `pulumi config set --path 'services.api.kind' web`, `--path 'services.api.cpu' 512`,
    // `--path 'services.api.memory' 1024` and `--path 'services.api.paths[0]' '/api/*'` leave in the file:
    // the CLI stores integers and booleans given with --path as YAML integers and booleans.
    const CLI_WRITTEN = ["config:", "  aws:region: us-east-1", "  fargate-web:services:", "    api:", "      cpu: 512", "      kind: web", "      memory: 1024", "      paths:", "      - /api/*", "      serviceConnect: true", "    web:", "      kind: web", ""].join("\n");

    it("THEN an object-valued services key round-trips: typed values arrive as the loader's settings", () => {
        const settings = load(CLI_WRITTEN);
        const api = settings.services.find(s => s.name === "api")!;
        assert.deepEqual([api.container.cpu, api.container.memory, api.route?.paths, api.serviceConnect], [512, 1024, ["/api/*"], true]);
    });

    it("THEN values written as quoted text mean the same as typed ones", () => {
        const quoted = CLI_WRITTEN.replace("cpu: 512", 'cpu: "512"').replace("memory: 1024", 'memory: "1024"').replace("serviceConnect: true", 'serviceConnect: "true"');
        assert.deepEqual(load(quoted).services, load(CLI_WRITTEN).services);
    });

    it("THEN a secret value set with --secret --path under a service stays a secure path the loader accepts", () => {
        const yaml = CLI_WRITTEN.replace("      kind: web\n      memory", "      kind: web\n      secretValues:\n        API_KEY:\n          secure: v1:AAAABBBBCCCC\n      memory");
        const file = path.join(dir, "Pulumi.secret.yaml");
        fs.writeFileSync(file, yaml);
        const c = readStackConfig(PROJECT_DIR, "secret", file);
        assert.deepEqual([c.secretKeys, c.securePaths], [[`${P}:services`], [`${P}:services.api.secretValues.API_KEY`]]);
        const api = load(yaml).services.find(s => s.name === "api")!;
        assert.deepEqual(Object.keys(api.container.secretValues), ["API_KEY"]);
    });

    it("THEN services encrypted as a whole are refused as the CLI refuses them", () => {
        const file = path.join(dir, "Pulumi.whole.yaml");
        fs.writeFileSync(file, ["config:", "  aws:region: us-east-1", "  fargate-web:services:", "    secure: v1:AAAABBBBCCCC", ""].join("\n"));
        const inspection = inspectStackConfig(PROJECT_DIR, "whole", file);
        assert.equal(inspection.problems.length, 1);
        assert.match(inspection.problems[0], /^fargate-web:services is encrypted as a whole, which the CLI reads as text/);
    });
});
