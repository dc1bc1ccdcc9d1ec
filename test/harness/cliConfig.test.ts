/**
 * Stack files read as the Pulumi CLI (3.219 to 3.248) reads them. Each rule has a case the CLI refuses and
 * one it accepts, with the value the program then receives. Sources, in pulumi/pulumi unless noted:
 * - [resolve]  go-yaml/yaml v3.0.1 `resolve.go` `resolve` (plain scalars: bool, null, int base 0, float,
 *              timestamp) and `decode.go` `decoder.scalar` (quoted and block scalars are strings).
 * - [null]     go-yaml/yaml v3.0.1 `decode.go` `decoder.prepare`: no `UnmarshalYAML` for a null node, so the
 *              `config.Value` stays empty: the program gets "".
 * - [marshal]  `sdk/go/common/resource/config/object.go` `unmarshalObject`, `MarshalString`: strings kept,
 *              other scalars written by `encoding/json`, time.Time by `String()`, lists and maps as JSON.
 * - [validate] `sdk/go/common/workspace/project.go` `ValidateConfigValue` and `config.go`
 *              `validateStackConfigValue`: integer = `strconv.Atoi` of the text (or a whole float64 inside
 *              JSON), boolean = the text "true"/"false", object = a map, array = a list of valid items.
 */
import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConfigFileError, readStackConfig, SECRET_PLACEHOLDER } from "../../harness/projectConfig";

const PROJECT = `name: demo
runtime: nodejs
config:
  port: {type: integer, default: 8080}
  name: {type: string, default: web}
  flag: {type: boolean, default: false}
  env: {type: object, default: {}}
  command: {type: array, items: {type: string}, default: [CMD]}
  counts: {type: array, items: {type: integer}, default: [1]}
`;

describe("stack files as the Pulumi CLI reads them", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-config-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), PROJECT);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Reads `config:` lines (indented by two) as stack "dev"; returns the config or the error. */
    function read(lines: string): Record<string, string> | ConfigFileError {
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), `config:\n${lines}\n`);
        try {
            return readStackConfig(dir, "dev").config;
        } catch (e) {
            assert.ok(e instanceof ConfigFileError, String(e));
            return e;
        }
    }

    function accepted(lines: string, key: string, text: string): void {
        const result = read(lines);
        assert.ok(!(result instanceof ConfigFileError), `refused: ${(result as Error).message}`);
        assert.equal(result[key], text);
    }

    function refused(lines: string, message: RegExp): void {
        const result = read(lines);
        assert.ok(result instanceof ConfigFileError, `accepted as ${JSON.stringify(result)}`);
        assert.match(result.message, message);
    }

    const mustBe = (key: string, type: string) => new RegExp(`demo:${key} is .*must be of type '${type.replace(/[<>]/g, "\\$&")}'`);

    describe("integers [resolve] [marshal] [validate]", () => {
        it("GIVEN 0x1F THEN 31 (yaml.v3 ParseInt base 0); GIVEN 0x1G THEN text, refused", () => {
            accepted("  demo:port: 0x1F", "demo:port", "31");
            refused("  demo:port: 0x1G", mustBe("port", "integer"));
        });
        it("GIVEN 0777 THEN 511 (a leading 0 is octal); GIVEN 08080 THEN 8080 (not octal, so a YAML float); GIVEN 0o18 THEN refused", () => {
            accepted("  demo:port: 0777", "demo:port", "511");
            accepted("  demo:port: 08080", "demo:port", "8080");
            refused("  demo:port: 0o18", mustBe("port", "integer"));
        });
        it("GIVEN 1e3 or 8080.0 THEN a whole float written as 1000 / 8080; GIVEN 1.5 or 1e21 THEN refused (Atoi of 1.5, 1e+21)", () => {
            accepted("  demo:port: 1e3", "demo:port", "1000");
            accepted("  demo:port: 8080.0", "demo:port", "8080");
            refused("  demo:port: 1.5", /demo:port is 1\.5; expected a whole number/);
            refused("  demo:port: 1e21", mustBe("port", "integer"));
        });
        it("GIVEN +5, 1_000 THEN 5, 1000; GIVEN a number beyond int64 THEN refused", () => {
            accepted("  demo:port: +5", "demo:port", "5");
            accepted("  demo:port: 1_000", "demo:port", "1000");
            refused("  demo:port: 99999999999999999999", mustBe("port", "integer"));
        });
        it('GIVEN "8080" or "+5" quoted THEN the text as written (Atoi accepts it); GIVEN "0x1F" or " 8080" quoted THEN refused', () => {
            accepted('  demo:port: "8080"', "demo:port", "8080");
            accepted('  demo:port: "+5"', "demo:port", "+5");
            refused('  demo:port: "0x1F"', /demo:port is "0x1F"; expected a whole number/);
            refused('  demo:port: " 8080"', mustBe("port", "integer"));
        });
        it("GIVEN a list of integers THEN accepted as JSON; GIVEN a list with 1.5 or text THEN refused", () => {
            accepted("  demo:counts: [1, 0x10, 2.0, '3']", "demo:counts", '[1,16,2,"3"]');
            refused("  demo:counts: [1, 1.5]", mustBe("counts", "array<integer>"));
            refused("  demo:counts: [1, x]", mustBe("counts", "array<integer>"));
        });
    });

    describe("booleans [resolve] [validate]", () => {
        it("GIVEN True or TRUE THEN true; GIVEN yes, on or a quoted True THEN refused", () => {
            accepted("  demo:flag: True", "demo:flag", "true");
            accepted("  demo:flag: TRUE", "demo:flag", "true");
            accepted('  demo:flag: "false"', "demo:flag", "false");
            refused("  demo:flag: yes", /demo:flag is "yes"; expected true or false/);
            refused("  demo:flag: on", mustBe("flag", "boolean"));
            refused('  demo:flag: "True"', mustBe("flag", "boolean"));
        });
    });

    describe("null and empty values [null] [validate]", () => {
        it("GIVEN ~, null or nothing for a string key THEN the empty string, never the text null", () => {
            for (const value of ["~", "null", "", "Null"]) {
                accepted(`  demo:name: ${value}`, "demo:name", "");
            }
        });
        it("GIVEN ~ for an integer, boolean or object key THEN refused (the empty string is none of them)", () => {
            refused("  demo:port: ~", /demo:port is empty \(the CLI passes an empty string\); expected a whole number/);
            refused("  demo:flag:", mustBe("flag", "boolean"));
            refused("  demo:env: null", mustBe("env", "object"));
        });
        it("GIVEN a null inside a map THEN JSON null (it is not a top-level value)", () => {
            accepted("  demo:env: {A: ~}", "demo:env", '{"A":null}');
        });
    });

    describe("strings [resolve] [marshal]", () => {
        it("GIVEN a number for a string key THEN its JSON text (0x3E8 becomes 1000); GIVEN a list THEN refused", () => {
            accepted("  demo:name: 0x3E8", "demo:name", "1000");
            accepted("  demo:name: true", "demo:name", "true");
            refused("  demo:name: [a, b]", /demo:name is a list of 2 items; expected text/);
            refused("  demo:name: {a: b}", mustBe("name", "string"));
        });
        it("GIVEN a date THEN Go's time.String() text; GIVEN an impossible date THEN the text as written", () => {
            accepted("  demo:name: 2024-01-01", "demo:name", "2024-01-01 00:00:00 +0000 UTC");
            accepted("  demo:name: 2024-02-30", "demo:name", "2024-02-30");
        });
        it("GIVEN a timestamp with a numeric offset THEN refused: the CLI's text depends on the machine's time zone", () => {
            refused("  demo:name: 2024-01-01T10:00:00+02:00", /demo:name: the CLI cannot read this value \(the timestamp/);
        });
        it("GIVEN .inf anywhere THEN refused (encoding/json has no Infinity), even for a string key", () => {
            refused("  demo:name: .inf", /demo:name: the CLI cannot read this value \(json: unsupported value: \+Inf\)/);
            refused("  demo:env: {A: .nan}", /demo:env: the CLI cannot read this value/);
        });
    });

    describe("multi-line scalars, anchors, aliases, merge keys and tags [resolve]", () => {
        it("GIVEN a block scalar THEN its text; GIVEN a plain scalar folded over two lines THEN one line, refused for an integer", () => {
            accepted("  demo:name: |\n    a\n    b", "demo:name", "a\nb\n");
            accepted("  demo:name: >-\n    a\n    b", "demo:name", "a b");
            refused("  demo:port: 80\n    80", /demo:port is "80 80"/);
        });
        it("GIVEN an alias to an anchored integer THEN the same value; GIVEN an unknown anchor THEN refused", () => {
            accepted("  demo:port: &p 0x10\n  demo:counts: [*p]", "demo:counts", "[16]");
            refused("  demo:port: *nowhere", /unknown anchor 'nowhere' referenced/);
        });
        it("GIVEN a merge key THEN the merged map, explicit keys first; GIVEN a merge of a scalar THEN refused", () => {
            accepted("  demo:env:\n    <<: {A: '1', B: '2'}\n    A: x", "demo:env", '{"A":"x","B":"2"}');
            refused("  demo:env:\n    <<: 5", /map merge requires map or sequence of maps/);
        });
        it("GIVEN !!str 8080 THEN text, which Atoi accepts; GIVEN !!int abc THEN refused", () => {
            accepted("  demo:port: !!str 8080", "demo:port", "8080");
            refused("  demo:port: !!int abc", /cannot decode !!str `abc` as a !!int/);
        });
        it("GIVEN an anchor that contains its own alias THEN refused as yaml.v3 refuses it, not a crash", () => {
            refused("  demo:env: &a {x: *a}", /demo:env: the CLI cannot read this value \(anchor 'a' value contains itself\)/);
            refused("  demo:env: &a {<<: *a}", /anchor 'a' value contains itself/);
        });
        it("GIVEN aliases that expand without bound THEN refused as yaml.v3 refuses them (decode.go allowedAliasRatio); GIVEN a few THEN read", () => {
            const levels = ["  demo:name: &a0 [x, x, x, x, x, x, x, x, x]"];
            for (let i = 1; i < 10; i++) levels.push(`  demo:l${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
            refused(`${levels.join("\n")}\n  demo:env: {x: *a9}`, /demo:env: the CLI cannot read this value \(document contains excessive aliasing\)/);
            accepted("  demo:counts: &c [1, 2]\n  demo:env: {x: *c, y: *c}", "demo:env", '{"x":[1,2],"y":[1,2]}');
        });
        it("GIVEN a second YAML document THEN only the first is read (yaml.v3 Unmarshal); GIVEN an empty file or config THEN the defaults", () => {
            accepted("  demo:port: 1\n---\n[[[", "demo:port", "1");
            for (const text of ["", "# nothing yet\n", "config:\n", "config: ~\n"]) {
                fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), text);
                assert.equal(readStackConfig(dir, "dev").config["demo:port"], "8080", JSON.stringify(text));
            }
        });
        it("GIVEN a key twice THEN refused, as yaml.v3 refuses it", () => {
            refused("  demo:port: 1\n  demo:port: 2", /mapping key "demo:port" already defined at line 2/);
        });
    });

    describe("lists and maps [validate] [marshal]", () => {
        it("GIVEN a list for an array key THEN JSON; GIVEN text for an array key THEN refused, value not shown", () => {
            accepted("  demo:command: [CMD-SHELL, 'exit 0']", "demo:command", '["CMD-SHELL","exit 0"]');
            refused("  demo:command: CMD-SHELL exit 0", /demo:command is text; expected a list of string/);
        });
        it("GIVEN a map THEN JSON with keys sorted as Go writes them; GIVEN a list for an object key THEN refused", () => {
            accepted("  demo:env: {Z: 1, A: 0x1F, M: yes}", "demo:env", '{"A":31,"M":"yes","Z":1}');
            refused("  demo:env: [A, B]", /demo:env is a list of 2 items; expected a map/);
        });
    });

    describe("secrets", () => {
        it("GIVEN a secure value for an integer key THEN accepted (it cannot be decrypted offline) as a secret placeholder", () => {
            fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  demo:port:\n    secure: AAABAxyz\n  demo:env:\n    A: {secure: AAAB}\n    B: plain\n");
            const read = readStackConfig(dir, "dev");
            assert.equal(read.config["demo:port"], SECRET_PLACEHOLDER);
            assert.deepEqual(read.secretKeys.sort(), ["demo:env", "demo:port"]);
            assert.deepEqual(read.securePaths.sort(), ["demo:env.A", "demo:port"]);
        });

        it("GIVEN a map or list encrypted as a whole THEN refused (it decrypts to text); GIVEN encrypted entries THEN accepted", () => {
            refused("  demo:env: {secure: AAAB}", /demo:env is encrypted as a whole, which the CLI reads as text; expected a map of NAME: value/);
            refused("  demo:command: {secure: AAAB}", mustBe("command", "array<string>"));
            accepted("  demo:command: [CMD, {secure: AAAB}]", "demo:command", `["CMD","${SECRET_PLACEHOLDER}"]`);
        });

        it("GIVEN a key declared secret but set in plain text THEN refused without its value; GIVEN it encrypted THEN accepted", () => {
            const project = path.join(dir, "secret-project");
            fs.mkdirSync(project, { recursive: true });
            fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: demo\nruntime: nodejs\nconfig:\n  token: {type: string, secret: true}\n");
            fs.writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config:\n  demo:token: SENTINEL-plain\n");
            assert.throws(
                () => readStackConfig(project, "dev"),
                (e: Error) => /demo:token is not encrypted, but Pulumi\.yaml declares it secret/.test(e.message) && !e.message.includes("SENTINEL"),
            );
            fs.writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config:\n  demo:token: {secure: AAAB}\n");
            assert.deepEqual(readStackConfig(project, "dev").secretKeys, ["demo:token"]);
        });
    });

    it("GIVEN a project key without default and no stack value THEN refused as missing; GIVEN a value THEN accepted", () => {
        const project = path.join(dir, "required-project");
        fs.mkdirSync(project, { recursive: true });
        fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: demo\nruntime: nodejs\nconfig:\n  owner: {type: string}\n");
        assert.throws(() => readStackConfig(project, "dev"), /demo:owner: no value and no default \(the CLI refuses: "Stack 'dev' is missing configuration value"\)/);
        fs.writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config:\n  demo:owner: me\n");
        assert.equal(readStackConfig(project, "dev").config["demo:owner"], "me");
    });

    it("GIVEN several bad values THEN one error lists every one of them", () => {
        refused("  demo:port: x\n  demo:flag: yes\n  demo:env: [1]", /3 problems:\n {2}- demo:port .*\n {2}- demo:flag .*\n {2}- demo:env /);
    });

    it("GIVEN a value the CLI cannot decode beside a badly typed one THEN both are listed, each by its key", () => {
        refused("  demo:port: *nowhere\n  demo:flag: yes", /2 problems:\n {2}- demo:port: the CLI cannot read this value \(unknown anchor 'nowhere' referenced\)\n {2}- demo:flag is "yes"/);
    });
});
