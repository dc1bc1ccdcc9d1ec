/**
 * The harness has the SDK register resources without capturing their call stack (harness/registrationStacks.ts):
 * the SDK internal it replaces must still be there and still be what resource registration reads.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { resourceClass, skipRegistrationStacks } from "../../harness/registrationStacks";

const SDK_ROOT = path.dirname(require.resolve("@pulumi/pulumi/package.json"));

describe("harness: registration stacks skipped", () => {
    it("GIVEN the pinned SDK THEN Resource.stackTrace reads the stack through the static Resource.callsites", () => {
        const source = fs.readFileSync(path.join(SDK_ROOT, "resource.js"), "utf8");
        assert.match(source, /static callsites\(\) \{/);
        assert.match(source, /static stackTrace\(skip\) \{\s+let stack = Resource\.callsites\(\);/);
        assert.match(source, /const stackTrace = Resource\.stackTrace\(4\);/);
    });

    it("GIVEN the harness's SDK THEN callsites capture nothing, and the stack trace a registration sends is empty", () => {
        skipRegistrationStacks(SDK_ROOT);
        const resource = resourceClass(SDK_ROOT) as unknown as { callsites(): unknown[]; stackTrace(skip: number): unknown[] };
        assert.deepEqual(resource.callsites(), []);
        assert.deepEqual(resource.stackTrace(4), []);
        // Idempotent: a second SDK load of the same copy keeps the replacement.
        skipRegistrationStacks(SDK_ROOT);
        assert.deepEqual(resource.callsites(), []);
    });
});
