/**
 * The check's reports for this project's stacks, byte for byte against the reports recorded in
 * test/fixtures/golden/. An intentional change to the output regenerates them (see the README there) and
 * the diff is reviewed with the change; anything else that alters a byte fails here.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "../../tools/check";
import { PROJECT_DIR } from "../support/stacks";
import { GOLDEN_CASES } from "./goldenCases";

describe("npm run check: golden reports", function () {
    this.timeout(120_000);
    for (const { file, argv } of GOLDEN_CASES) {
        it(`GIVEN ${argv.join(" ")} THEN the output equals ${file} byte for byte`, async () => {
            const expected = fs.readFileSync(path.join(PROJECT_DIR, "test", "fixtures", "golden", file), "utf8");
            const { stdout, stderr, exitCode } = await runCli(argv);
            assert.equal(stderr, "");
            assert.equal(exitCode, 0);
            assert.equal(stdout, expected);
        });
    }
});
