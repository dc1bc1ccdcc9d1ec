/**
 * Rewrites test/fixtures/golden/ from the current check (run: `npx ts-node test/tools/updateGolden.ts`).
 * Only for an intentional change to the check's output; review `git diff test/fixtures/golden` before committing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "../../tools/check";
import { PROJECT_DIR } from "../support/stacks";
import { GOLDEN_CASES } from "./goldenCases";

async function main() {
    for (const { file, argv } of GOLDEN_CASES) {
        const { stdout, stderr, exitCode } = await runCli(argv);
        if (exitCode !== 0 || stderr !== "") {
            throw new Error(`check ${argv.join(" ")} exited ${exitCode}: ${stderr}`);
        }
        fs.writeFileSync(path.join(PROJECT_DIR, "test", "fixtures", "golden", file), stdout);
        process.stdout.write(`wrote test/fixtures/golden/${file}\n`);
    }
}

main().catch(e => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
