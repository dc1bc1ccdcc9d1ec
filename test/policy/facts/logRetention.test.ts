import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { isLogRetentionDays, LOG_RETENTION_DAYS, LOG_RETENTION_MAX_DAYS, shortestLogRetentionOfAtLeast } from "../../../policy/facts/logRetention";

/**
 * The values the installed `@pulumi/aws` documents for `cloudwatch.LogGroup` `retentionInDays` (its docs
 * are generated from the AWS provider's, which quote the PutRetentionPolicy reference).
 * `@aws-sdk/client-cloudwatch-logs` is not a dependency, so its model is not read here.
 */
function documentedRetention(): number[] {
    const file = path.join(path.dirname(require.resolve("@pulumi/aws/package.json")), "cloudwatch", "logGroup.d.ts");
    const match = /Possible values are: ([\d, ]+), and 0\./.exec(fs.readFileSync(file, "utf8"));
    assert.ok(match, `${file} no longer lists the possible retentionInDays values`);
    return match[1].split(",").map(v => Number(v.trim()));
}

describe("facts: CloudWatch Logs retention periods", () => {
    it("GIVEN the values the installed AWS provider documents THEN the list is exactly those (0, keep forever, aside)", () => {
        assert.deepEqual([...LOG_RETENTION_DAYS], documentedRetention());
    });

    it("GIVEN a minimum THEN the shortest accepted period that meets it, the longest when none does", () => {
        assert.equal(shortestLogRetentionOfAtLeast(365), 365);
        assert.equal(shortestLogRetentionOfAtLeast(366), 400);
        assert.equal(shortestLogRetentionOfAtLeast(0), 1);
        assert.equal(shortestLogRetentionOfAtLeast(5000), LOG_RETENTION_MAX_DAYS);
        assert.equal(LOG_RETENTION_MAX_DAYS, 3653);
        assert.equal(isLogRetentionDays(10), false);
        assert.equal(isLogRetentionDays(0), false);
        assert.equal(isLogRetentionDays(731), true);
    });
});
