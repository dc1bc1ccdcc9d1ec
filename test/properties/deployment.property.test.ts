/**
 * Properties of the deployment keys (deploymentConfig.ts, testTraffic.ts, deploymentHooks.ts):
 *   A. no list of test CIDRs the loader accepts is too wide for the policy pack's test-listener rule, whatever
 *      blocks an attacker combines; the world cut into halves or quarters is refused;
 *   A2. the loader counts public addresses as the pack does (policy/lib/cidr.ts);
 *   B. an integer key takes exactly the whole numbers of its declared range, however it is written;
 *   C. a pause hook is accepted exactly when none of its stages is one only Lambda hooks may use; a Lambda
 *      hook at any set of distinct stages is accepted.
 */
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { declarationOf } from "../../components/configKeys";
import { LAMBDA_ONLY_STAGES, LIFECYCLE_STAGES, readHooks } from "../../components/deploymentHooks";
import { publicAddresses, readTestCidrs, WIDEST_PUBLIC_PREFIX } from "../../components/testTraffic";
import { publicAddressCount } from "../../policy/lib/cidr";
import { ecsServiceTestListenerRestricted } from "../../policy/ecs/ecs-service-test-listener-restricted";
import { sourcesTooWide } from "../../policy/lib/listenerExposure";
import { ConfigError } from "../../components/stackConfig";
import { parseChanged } from "../support/stackConfig";

const RUNS = 300;

/** A network-aligned IPv4 block, any prefix: the address with its host bits cleared. */
const block = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([address, prefix]) => {
    const size = 2 ** (32 - prefix);
    const first = Math.floor(address / size) * size;
    return `${[24, 16, 8, 0].map(shift => Math.floor(first / 2 ** shift) % 256).join(".")}/${prefix}`;
});
/** The world cut into 2 or 4 equal blocks (an attacker's walk-around of 0.0.0.0/0), in any order. */
const worldSplit = fc.integer({ min: 1, max: 2 }).chain(bits => fc.shuffledSubarray(Array.from({ length: 2 ** bits }, (_, i) => `${(i * 256) / 2 ** bits}.0.0.0/${bits}`), { minLength: 2 ** bits }));

/** The pack's own limits (its defaults): the loader must never accept what the pack then refuses. */
const PACK_LIMITS = {
    widestIpv4Prefix: ecsServiceTestListenerRestricted.configSchema!.properties!.widestIpv4Prefix.default as number,
    widestIpv6Prefix: ecsServiceTestListenerRestricted.configSchema!.properties!.widestIpv6Prefix.default as number,
};

describe("deployment properties (fast-check)", () => {
    it("A. THEN test CIDRs the loader accepts are never too wide for the pack (ecs-service-test-listener-restricted); every split of the world is refused", () => {
        assert.equal(PACK_LIMITS.widestIpv4Prefix, WIDEST_PUBLIC_PREFIX);
        fc.assert(
            fc.property(fc.array(fc.oneof(block, fc.constantFrom("0.0.0.0/1", "128.0.0.0/1", "10.0.0.0/8", "52.94.0.0/16", "52.94.0.0/17")), { minLength: 1, maxLength: 5 }), cidrs => {
                const { problems } = readTestCidrs(cidrs);
                if (problems.length === 0) {
                    assert.ok(cidrs.length <= 3);
                    assert.equal(sourcesTooWide(cidrs, PACK_LIMITS), undefined, cidrs.join(", "));
                }
            }),
            { numRuns: RUNS },
        );
        fc.assert(
            fc.property(worldSplit, cidrs => {
                assert.ok(readTestCidrs(cidrs).problems.length > 0, cidrs.join(", "));
            }),
        );
    });

    it("A2. THEN the loader counts public addresses exactly as the pack does", () => {
        fc.assert(
            fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), cidrs => {
                assert.equal(publicAddresses(cidrs), Number(publicAddressCount(cidrs, 4)), cidrs.join(", "));
            }),
            { numRuns: RUNS },
        );
    });

    it("B. THEN each integer key of a strategy takes exactly its declared range, as a number or as text", () => {
        const keys = [
            ["canaryPercent", "canary"],
            ["canaryBakeMinutes", "canary"],
            ["linearStepPercent", "linear"],
            ["linearStepBakeMinutes", "linear"],
            ["bakeTimeMinutes", "blueGreen"],
        ] as const;
        fc.assert(
            fc.property(fc.constantFrom(...keys), fc.integer({ min: -3000, max: 25000 }), fc.boolean(), ([key, strategy], value, asText) => {
                const { min, max } = declarationOf(key);
                const entry = { kind: "web", deploymentStrategy: strategy, [key]: asText ? String(value) : value };
                const inRange = value >= min! && value <= max!;
                try {
                    parseChanged("dev", { services: { web: entry } });
                    assert.ok(inRange, `${key} ${value} was accepted`);
                } catch (e) {
                    assert.ok(e instanceof ConfigError, String(e));
                    assert.ok(!inRange, e.problems.join("\n"));
                    assert.deepEqual(e.problems, [`fargate-web:services.web.${key} is ${value}; expected an integer from ${min} to ${max}`]);
                }
            }),
            { numRuns: 150 },
        );
    });

    it("C. THEN a pause hook is refused exactly when it names a Lambda-only stage; a Lambda hook never is", () => {
        const arn = "arn:aws:lambda:us-east-1:123456789012:function:check";
        fc.assert(
            fc.property(fc.subarray([...LIFECYCLE_STAGES], { minLength: 1 }), fc.integer({ min: 1, max: 20160 }), (stages, minutes) => {
                const pause = readHooks([{ stages, pauseMinutes: minutes }], "us-east-1");
                const lambdaOnly = stages.filter(s => LAMBDA_ONLY_STAGES.includes(s));
                assert.deepEqual(
                    pause.problems.map(p => p.given),
                    lambdaOnly,
                );
                assert.equal(pause.hooks.length, lambdaOnly.length === 0 ? 1 : 0);
                const lambda = readHooks([{ stages, lambdaArn: arn }], "us-east-1");
                assert.deepEqual(lambda, { hooks: [{ type: "lambda", stages, functionArn: arn }], problems: [] });
            }),
            { numRuns: RUNS },
        );
    });
});
