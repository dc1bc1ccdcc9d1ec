/**
 * Whether `pulumi up` waits long enough for a blue/green, canary or linear deployment: the service's update
 * timeout (customTimeouts.update, else the provider's 20 minutes) against the deployment and its pauses.
 * The fixture's deployment: 50 s scale-up + bake + 60 s clean-up.
 */
import { strict as assert } from "node:assert";
import { estimateRollout } from "../../estimates";
import { UNKNOWN } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { deploying } from "./deploymentBuilders";

/** The fixture with `waitForSteadyState` and, when given, an update timeout in seconds. */
function waiting(config: Record<string, unknown>, updateSeconds = 0, wait = true): RecordedResource[] {
    return deploying(config, { extra: { waitForSteadyState: wait } }).map(r =>
        r.type === AWS_TYPES.ecsService ? { ...r, opts: { ...r.opts, customTimeouts: { createSeconds: updateSeconds, updateSeconds, deleteSeconds: 0 } } } : r,
    );
}

const warningsOf = (resources: RecordedResource[]) => estimateRollout(resources, { environment: "prod" }).warnings;

describe("pulumi up's wait for a blue/green, canary or linear deployment", () => {
    it("GIVEN a 710 s deployment and the provider's 20 min THEN no warning", () => {
        assert.deepEqual(warningsOf(waiting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "10" })), []);
    });

    it("GIVEN a 30 min bake and no custom timeout THEN a warning says up gives up first, and how to fix it", () => {
        // 50 + 1800 + 60 = 1910 s > 1200 s
        assert.deepEqual(warningsOf(waiting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "30" })), [
            "Service web-svc: a deployment takes 1910 s but pulumi up waits for its steady state only the provider's default update timeout (1200 s; no customTimeouts.update set); " +
                "set customTimeouts.update above 1910 s (plus the pause hooks' timeouts), or shorten the bake times.",
        ]);
    });

    it("GIVEN the same with customTimeouts.update of an hour THEN no warning; without waitForSteadyState none either", () => {
        assert.deepEqual(warningsOf(waiting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "30" }, 3600)), []);
        assert.deepEqual(warningsOf(waiting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "30" }, 0, false)), []);
    });

    it("GIVEN a pause hook of 60 min and a 30 min update timeout THEN a pause held past the rest of it fails the up", () => {
        const hooks = [{ lifecycleStages: ["POST_SCALE_UP"], targetType: "PAUSE", timeoutConfiguration: { timeoutInMinutes: "60" } }];
        // 710 s + 3600 s > 1800 s: a pause longer than 1800 − 710 = 1090 s.
        assert.deepEqual(warningsOf(waiting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "10", lifecycleHooks: hooks }, 1800)), [
            "Service web-svc: its pause hooks can hold a deployment up to 3600 s, but pulumi up waits its customTimeouts.update (1800 s): a pause held past 1090 s fails the up; " +
                "set customTimeouts.update to cover the pause hooks' timeouts.",
        ]);
        assert.deepEqual(warningsOf(waiting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "10", lifecycleHooks: hooks }, 710 + 3600)), []);
    });

    it("GIVEN a bake time unknown until deploy THEN the known part is compared, said as at least", () => {
        const config = { strategy: "LINEAR", bakeTimeInMinutes: UNKNOWN, linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 3 } };
        // 50 + 9 × 180 + 60 = 1730 s known
        assert.match(warningsOf(waiting(config))[0], /^Service web-svc: a deployment takes at least 1730 s but pulumi up waits/);
    });
});
