import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { contentTag, contextFiles, dockerignoreMatcher } from "../../components/imageTag";

describe("content-derived image tag", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctx-"));
        fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\n");
        fs.writeFileSync(path.join(dir, "server.js"), "console.log(1)\n");
        fs.writeFileSync(path.join(dir, ".dockerignore"), "# comment\n*.md\nnode_modules\ntest/\n");
        fs.mkdirSync(path.join(dir, "test"));
        fs.writeFileSync(path.join(dir, "test", "a.test.js"), "x");
        fs.writeFileSync(path.join(dir, "README.md"), "docs");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("matches .dockerignore patterns", () => {
        assert.ok(dockerignoreMatcher("*.md")("README.md"));
        assert.ok(!dockerignoreMatcher("*.md")("docs/README.md"));
        assert.ok(dockerignoreMatcher("**/*.md")("docs/README.md"));
        assert.ok(dockerignoreMatcher("test/")("test/a.test.js"));
        assert.ok(!dockerignoreMatcher("test")("testing.js"));
    });

    it("hashes only what the build context sends", () => {
        assert.deepEqual(contextFiles(dir), [".dockerignore", "Dockerfile", "server.js"]);
        const before = contentTag(dir, "linux/amd64");
        fs.writeFileSync(path.join(dir, "README.md"), "changed docs");
        assert.equal(contentTag(dir, "linux/amd64"), before);
        assert.match(before, /^sha-[0-9a-f]{12}$/);
    });

    it("changes with the code and with the platform", () => {
        const before = contentTag(dir, "linux/amd64");
        assert.notEqual(contentTag(dir, "linux/arm64"), before);
        fs.writeFileSync(path.join(dir, "server.js"), "console.log(2)\n");
        assert.notEqual(contentTag(dir, "linux/amd64"), before);
    });

    it("names the folder when there is no Dockerfile", () => {
        fs.rmSync(path.join(dir, "Dockerfile"));
        assert.throws(() => contentTag(dir, "linux/amd64"), /No Dockerfile in .*; set appPath to the folder holding the service's Dockerfile\./);
    });
});
