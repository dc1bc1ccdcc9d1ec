/**
 * Properties of reading stack files as the CLI does, over arbitrary scalars written in YAML:
 *   A. the two layers agree: whatever the CLI's type check (harness) accepts for an integer or boolean key,
 *      the project's loader reads as the same value, and refuses only for its own range rules, naming the
 *      value as a number or boolean, never as unreadable text;
 *   B. a value the CLI passes is never the text "null", and a plain integer written in YAML reaches the
 *      program as Go writes it (decimal digits);
 *   C. any text as a stack file is read or refused with a ConfigFileError: never a crash with a stack trace.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { ConfigError, parseStackConfig } from "../../components/stackConfig";
import { ConfigFileError, readStackConfig } from "../../harness/projectConfig";
import { PROJECT_DIR } from "../support/stacks";

const P = "fargate-web";

/** Scalars as people write them: numbers in every YAML notation, booleans, nulls, text, quoted or not. */
const scalar = fc.oneof(
    fc.integer({ min: -70000, max: 70000 }).map(String),
    fc.integer({ min: 0, max: 70000 }).map(n => `0x${n.toString(16)}`),
    fc.integer({ min: 0, max: 70000 }).map(n => `0${n.toString(8)}`),
    fc.integer({ min: 0, max: 70000 }).map(n => `0${n}`),
    fc.integer({ min: 0, max: 70000 }).map(n => `${n}.0`),
    fc.integer({ min: 0, max: 99 }).map(n => `${n}e2`),
    fc.integer({ min: 0, max: 70000 }).map(n => `+${n}`),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
    fc.constantFrom("true", "True", "TRUE", "false", "yes", "no", "on", "~", "null", "", "1_024", "0b11", ".5", ".inf", "2024-01-01"),
    fc.string({ maxLength: 6 }),
);
const written = fc.tuple(scalar, fc.constantFrom("plain", "double", "single")).map(([text, style]) =>
    style === "plain" ? text : style === "double" ? JSON.stringify(text) : `'${text.replace(/'/g, "''")}'`,
);

describe("stack files read as the CLI reads them (fast-check)", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-prop-"));
        fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    function readWith(key: string, value: string): ReturnType<typeof readStackConfig> | undefined {
        // Plain text that YAML cannot hold as a plain scalar (": ", "#", leading indicators) is not a case here.
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), `config:\n  aws:region: us-east-1\n  ${P}:${key}: ${value}\n`);
        try {
            return readStackConfig(dir, "dev");
        } catch (e) {
            assert.ok(e instanceof ConfigFileError, String(e));
            assert.match(e.message, new RegExp(`${P}:${key}|is not valid YAML|line \\d+`));
            return undefined;
        }
    }

    it("GIVEN any scalar for an integer or boolean key THEN what the CLI accepts the loader reads as the same value (A)", () => {
        fc.assert(
            fc.property(fc.constantFrom("containerPort", "stopTimeoutSeconds", "accessLogs", "readonlyRootFilesystem"), written, (key, value) => {
                const config = readWith(key, value);
                if (config === undefined) return;
                const text = config.config[`${P}:${key}`];
                try {
                    const settings = parseStackConfig({ project: P, stack: "dev", values: config.config, secretKeys: [] });
                    const read = { containerPort: settings.container.port, stopTimeoutSeconds: settings.container.stopTimeoutSeconds, accessLogs: settings.loadBalancer.accessLogs !== undefined, readonlyRootFilesystem: settings.container.readonlyRootFilesystem }[key];
                    const integerKey = key === "containerPort" || key === "stopTimeoutSeconds";
                    assert.equal(String(read), integerKey ? String(Number(text)) : text);
                } catch (e) {
                    assert.ok(e instanceof ConfigError, String(e));
                    for (const problem of e.problems.filter(p => p.startsWith(`${P}:${key} is `))) {
                        // A range refusal shows a number or boolean: the loader read the value as the CLI did.
                        assert.doesNotMatch(problem, new RegExp(`^${P}:${key} is "`), problem);
                    }
                }
            }),
            { numRuns: 300 },
        );
    });

    it("GIVEN any text as a stack file THEN it is read or refused as a config file error, never a crash (C)", () => {
        const yamlish = fc.string({ unit: fc.constantFrom(..."config:aws-reg 0x1F\n\t{}[],&*!|>'\"#~?<-secure".split("")), maxLength: 80 });
        const underConfig = yamlish.map(text => `config:\n  ${P}:tags: ${text}\n  ${P}:cpu: ${text}\n`);
        fc.assert(
            fc.property(fc.oneof(yamlish, underConfig), text => {
                fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), text);
                try {
                    readStackConfig(dir, "dev");
                } catch (e) {
                    assert.ok(e instanceof ConfigFileError, `${(e as Error).stack}`);
                }
            }),
            { numRuns: 500 },
        );
    });

    it("GIVEN any scalar for a string key THEN the text is never \"null\" unless written so in quotes, and integers arrive as decimal digits (B)", () => {
        fc.assert(
            fc.property(written, value => {
                const config = readWith("healthCheckPath", value);
                if (config === undefined) return;
                const text = config.config[`${P}:healthCheckPath`];
                if (text === "null") {
                    assert.ok(value === '"null"' || value === "'null'", value);
                }
                if (/^[+-]?(0x[0-9a-f]+|0[0-7]+|\d+)$/.test(value)) {
                    assert.match(text, /^-?\d+$/);
                }
            }),
            { numRuns: 300 },
        );
    });
});
