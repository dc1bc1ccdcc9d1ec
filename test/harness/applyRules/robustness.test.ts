/**
 * Whatever shape a program gives an input (unknowns, secrets, wrong types, nesting), no rule throws, and
 * a value nobody knows yet is never reported.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { APPLY_RULES, evaluateApplyRules } from "../../../harness/applyRules";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { RecordedResource } from "../../../harness/types";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const TYPES = [...new Set(APPLY_RULES.flatMap(r => r.types).filter(t => t !== "*")), AWS_TYPES.s3BucketPolicy];
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

const value: fc.Arbitrary<unknown> = fc.letrec(tie => ({
    any: fc.oneof(
        { depthSize: "small" },
        fc.constant(UNKNOWN),
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("any"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("description", "cidrBlocks", "capacityProvider", "tags", "acmCertificateArn", "kmsKey", "name", "x"), tie("any"), { maxKeys: 3 }),
        tie("any").map(secret),
    ),
})).any;

const KEYS = ["name", "namePrefix", "description", "tags", "ingress", "egress", "cidrBlock", "cidrBlocks", "cidrIpv4", "certificateArn", "kmsKeyId", "family", "runtimePlatform", "capacityProviderStrategies", "platformVersion", "launchType", "bucket", "path", "viewerCertificate", "encryptionConfigurations", "configuration", "region"];

describe("apply-time rules: any input shape (fast-check)", () => {
    it("THEN no rule throws", () => {
        fc.assert(
            fc.property(fc.constantFrom(...TYPES), fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }), (type, inputs) => {
                const resources: RecordedResource[] = [fixture(type, "r", inputs)];
                evaluateApplyRules(resources, { config: { "aws:region": "us-east-1", "aws:defaultTags": "not json" } });
            }),
            { numRuns: 500 },
        );
    });

    it("GIVEN every judged input unknown THEN nothing is reported but names generated from the logical name", () => {
        for (const type of TYPES) {
            const inputs = Object.fromEntries(KEYS.map(k => [k, UNKNOWN]));
            assert.deepEqual(evaluateApplyRules([fixture(type, "bad name's", inputs)], { config: { "aws:region": "us-east-1" } }), [], type);
        }
    });
});
