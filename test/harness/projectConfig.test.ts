import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConfigFileError, readStackConfig, SECRET_PLACEHOLDER } from "../../harness/projectConfig";

describe("stack config files", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "proj-"));
        fs.writeFileSync(
            path.join(dir, "Pulumi.yaml"),
            "name: demo\nruntime: nodejs\nconfig:\n  size:\n    type: integer\n    default: 2\n  demo:tags:\n    type: object\n    default: {a: b}\n  flag:\n    type: boolean\n    default: false\n",
        );
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("overlays stack values on the project's defaults, namespaced, structured values as JSON", () => {
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  demo:size: 5\n  aws:region: eu-west-1\n");
        assert.deepEqual(readStackConfig(dir, "dev"), {
            project: "demo",
            stack: "dev",
            config: { "demo:size": "5", "demo:tags": '{"a":"b"}', "demo:flag": "false", "aws:region": "eu-west-1" },
            secretKeys: [],
            securePaths: [],
        });
    });

    it("replaces encrypted values with a placeholder and marks their keys secret", () => {
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  demo:token:\n    secure: AAABAxyz\n  demo:values:\n    API_KEY:\n      secure: AAABAabc\n    PLAIN: x\n");
        const config = readStackConfig(dir, "dev");
        assert.equal(config.config["demo:token"], SECRET_PLACEHOLDER);
        assert.deepEqual(JSON.parse(config.config["demo:values"]), { API_KEY: SECRET_PLACEHOLDER, PLAIN: "x" });
        assert.deepEqual(config.secretKeys, ["demo:token", "demo:values"]);
    });

    it("runs a stack without a config file on the defaults, but insists on a named file", () => {
        assert.equal(readStackConfig(dir, "staging").config["demo:size"], "2");
        assert.throws(() => readStackConfig(dir, "staging", path.join(dir, "missing.yaml")), (e: Error) => e instanceof ConfigFileError && /missing\.yaml: cannot be read/.test(e.message));
    });

    it("names the file and the key for malformed files", () => {
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  size: 3\n");
        assert.throws(() => readStackConfig(dir, "dev"), /Pulumi\.dev\.yaml: key "size" has no namespace; write "demo:size"/);
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: [1, 2\n");
        assert.throws(() => readStackConfig(dir, "dev"), /Pulumi\.dev\.yaml: is not valid YAML/);
    });
});
