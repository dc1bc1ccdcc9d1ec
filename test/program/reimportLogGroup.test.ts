/**
 * The README's path for adopting prod's retained log group into a re-created stack names exactly what the
 * program registers: the type, the logical name, the group's fixed name and the parent's URN.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { inputs, one, PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const README = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8").replace(/\\\n\s*/g, "");

describe("README: re-creating prod adopts the retained log group", () => {
    it("THEN the import command and the --target URN match the prod program's log group and its parent", async () => {
        const run = await runStack("prod");
        const group = one(run, AWS_TYPES.cloudwatchLogGroup, "web-logs");
        const parent = run.resources.find(r => r.urn === group.parent)!;
        assert.equal(parent.type, "fargate-web:ecs:FargateService");

        const imports = [...README.matchAll(/pulumi import (\S+) (\S+) (\S+)\s+--parent '([^']+)'( --protect)?/g)];
        assert.equal(imports.length, 1, "one import command");
        const [, type, logicalName, id, parentUrn, protect] = imports[0];
        assert.deepEqual([type, logicalName, id, parentUrn], [group.type, group.name, inputs(group).name, parent.urn]);
        // Imported as protected, as the program declares it, so the next `up` changes no option.
        assert.equal(Boolean(protect), group.opts.protect);
        assert.equal(group.opts.retainOnDelete, true);

        const targets = [...README.matchAll(/pulumi up --target '([^']+)'/g)].map(m => m[1]);
        assert.deepEqual(targets, [parent.urn]);
        assert.ok(README.includes(`aws logs delete-log-group --log-group-name ${inputs(group).name}`));
    });
});
