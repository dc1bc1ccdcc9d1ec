import { strict as assert } from "node:assert";
import Ajv2020 from "ajv/dist/2020";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { CONFIG_KEYS } from "../../components/configKeys";
import { PROJECT_DIR } from "../support/stacks";

/** Pulumi's own project-file schema (from pulumi/pulumi, Apache-2.0), kept beside the tests. */
const SCHEMA_FILE = path.join(PROJECT_DIR, "test", "fixtures", "pulumi-project.schema.json");

describe("Pulumi.yaml", () => {
    const project = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8"));

    it("is valid against Pulumi's project schema", () => {
        const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        const validate = ajv.compile(schema);
        assert.ok(validate(project), JSON.stringify(validate.errors, null, 2));
    });

    it("requires a Pulumi CLI that honours requiredPulumiVersion (3.219) and reads type: object config (3.187)", () => {
        // blang/semver range syntax, as the CLI parses it; only a plain lower bound is used here.
        const match = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(String(project.requiredPulumiVersion));
        assert.ok(match, `requiredPulumiVersion is ${JSON.stringify(project.requiredPulumiVersion)}; expected ">=X.Y.Z"`);
        const [major, minor] = match.slice(1).map(Number);
        assert.ok(major === 3 && minor >= 219, `requiredPulumiVersion ${project.requiredPulumiVersion} admits CLIs that ignore it`);
        const usesObject = Object.values<any>(project.config).some(v => v.type === "object");
        assert.ok(!usesObject || minor >= 187);
    });

    it("declares every key the loader reads, with the loader's type and default", () => {
        const declared = Object.fromEntries(
            Object.entries<any>(project.config).map(([k, v]) => [k.replace(/^fargate-web:/, ""), { type: v.type, default: v.default }]),
        );
        const expected = Object.fromEntries(Object.entries(CONFIG_KEYS).map(([k, v]) => [k, { type: v.type, default: v.default }]));
        assert.deepEqual(declared, expected);
        for (const [key, v] of Object.entries<any>(project.config)) {
            assert.ok(typeof v.description === "string" && v.description.length > 10, `${key} has no description`);
        }
    });

    it("is documented key by key in README", () => {
        const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
        for (const key of Object.keys(CONFIG_KEYS)) {
            assert.ok(readme.includes(`| \`${key}\` |`), `README does not document ${key}`);
        }
    });

    it("keeps stack files to what differs from the defaults", () => {
        for (const stack of ["dev", "prod"]) {
            const file = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8"));
            for (const [key, value] of Object.entries<any>(file.config)) {
                const declared = project.config[key];
                if (declared) {
                    assert.notDeepEqual(value, declared.default, `Pulumi.${stack}.yaml repeats the default of ${key}`);
                }
            }
        }
    });
});
