/**
 * resolveScheduledTaskArgs without mocks: defaults, and refusals that always name the instance, the argument
 * and the value given.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { resolveScheduledTaskArgs, ScheduledTaskArgs } from "../../components/scheduledTaskArgs";

const BASE: ScheduledTaskArgs = {
    clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/dev",
    taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/dev-nightly:1",
    executionRoleArn: "arn:aws:iam::123456789012:role/e",
    taskRoleArn: "arn:aws:iam::123456789012:role/t",
    vpcId: "vpc-1",
    subnetIds: ["subnet-a"],
    schedule: "rate(1 hour)",
};

describe("resolveScheduledTaskArgs", () => {
    it("GIVEN only what is required THEN every default is explicit: UTC, no public IP, Fargate on LATEST, one task, the default group, 3 retries within an hour", () => {
        assert.deepEqual(resolveScheduledTaskArgs("nightly", BASE), {
            schedule: "rate(1 hour)",
            timezone: "UTC",
            assignPublicIp: false,
            capacityProvider: "FARGATE",
            platformVersion: "LATEST",
            architecture: "X86_64",
            taskCount: 1,
            groupName: "default",
            maximumRetryAttempts: 3,
            maximumEventAgeSeconds: 3600,
            tags: {},
        });
    });

    it("THEN every task count from 1 to 10 is accepted and every other number refused, naming it", () => {
        fc.assert(
            fc.property(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true })), taskCount => {
                const valid = Number.isInteger(taskCount) && taskCount >= 1 && taskCount <= 10;
                try {
                    resolveScheduledTaskArgs("nightly", { ...BASE, taskCount });
                    return valid;
                } catch (e) {
                    return !valid && (e as Error).message === `ScheduledTask nightly: taskCount is ${JSON.stringify(taskCount)}; expected a whole number from 1 to 10.`;
                }
            }),
        );
    });

    it("THEN every retry setting inside AWS's ranges is accepted, and outside them refused", () => {
        fc.assert(
            fc.property(fc.integer({ min: -10, max: 200 }), fc.integer({ min: 0, max: 90_000 }), (attempts, age) => {
                const valid = attempts >= 0 && attempts <= 185 && age >= 60 && age <= 86400;
                try {
                    resolveScheduledTaskArgs("nightly", { ...BASE, retry: { maximumRetryAttempts: attempts, maximumEventAgeSeconds: age } });
                    return valid;
                } catch (e) {
                    return !valid && (e as Error).message.split("\n").every(line => /^ScheduledTask nightly: retry\.maximum(RetryAttempts|EventAgeSeconds) is -?\d+; expected/.test(line));
                }
            }),
        );
    });

    it("THEN every group name of 1 to 64 letters, digits and - _ . is accepted, and one with another character refused", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[0-9a-zA-Z_.-]{1,64}$/), fc.constantFrom("/", " ", ":", "*", "é"), (name, bad) => {
                assert.equal(resolveScheduledTaskArgs("nightly", { ...BASE, groupName: name }).groupName, name);
                assert.throws(() => resolveScheduledTaskArgs("nightly", { ...BASE, groupName: `${name.slice(0, 63)}${bad}` }), /^Error: ScheduledTask nightly: groupName is /);
            }),
        );
    });

    it("GIVEN ARNs not known yet (Outputs) THEN they are left to the policy builder, not guessed", () => {
        const later = { apply: () => undefined } as unknown as ScheduledTaskArgs["clusterArn"];
        assert.doesNotThrow(() => resolveScheduledTaskArgs("nightly", { ...BASE, clusterArn: later, taskDefinitionArn: later }));
    });
});
