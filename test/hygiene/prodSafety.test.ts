/**
 * Teardown safety per environment, under mocks: prod keeps every stateful resource (repository, secrets
 * created from secret config, both log groups, the access-log bucket) through `pulumi destroy` and refuses
 * to delete them or the load balancer by accident; dev protects nothing and deletes everything, images and
 * objects included, so it can be torn down at will (both of its services, web and worker).
 */
import * as assert from "node:assert/strict";
import { ProgramRun } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";
import { inputs, one, ofType, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const P = "fargate-web";
const SECRET_VALUES = { [`${P}:secretValues`]: JSON.stringify({ API_KEY: "s3cr3t-api-key-value" }) };

/**
 * The stateful resources whose loss loses data, by type, with the names each stack has: prod runs one
 * service; dev runs web and worker, each with its own repository, log group and copy of the stack-wide
 * secret value, beside the one VPC flow-log group and the one access-log bucket of the shared load balancer.
 */
const STATEFUL: Readonly<Record<string, readonly [string, readonly string[]][]>> = {
    prod: [
        [AWS_TYPES.ecrRepository, ["web-repo"]],
        [AWS_TYPES.secretsmanagerSecret, ["web-secret-API_KEY"]],
        [AWS_TYPES.cloudwatchLogGroup, ["web-flow-logs", "web-logs"]],
        [AWS_TYPES.s3Bucket, ["web-bucket"]],
    ],
    dev: [
        [AWS_TYPES.ecrRepository, ["web-repo", "worker-repo"]],
        [AWS_TYPES.secretsmanagerSecret, ["web-secret-API_KEY", "worker-secret-API_KEY"]],
        [AWS_TYPES.cloudwatchLogGroup, ["web-flow-logs", "web-logs", "worker-logs"]],
        [AWS_TYPES.s3Bucket, ["web-bucket"]],
    ],
};

const label = (r: RecordedResource) => `${r.type} ${r.name}`;

function stateful(run: ProgramRun): RecordedResource[] {
    return STATEFUL[run.stack].flatMap(([type, names]) => {
        const found = ofType(run, type);
        assert.deepEqual(found.map(r => r.name).sort(), names, `${run.stack}: ${type}`);
        return found;
    });
}

describe("teardown safety: prod keeps its data, dev can be torn down", () => {
    let prod: ProgramRun;
    let dev: ProgramRun;
    before(async () => {
        prod = await runStack("prod", { secrets: SECRET_VALUES });
        // Access logs on, so that dev has the bucket too.
        dev = await runStack("dev", { values: { [`${P}:accessLogs`]: "true" }, secrets: SECRET_VALUES });
    });

    describe("GIVEN prod", () => {
        it("THEN the repository, created secrets, both log groups and the access-log bucket are protected and retained on delete", () => {
            for (const r of stateful(prod)) {
                assert.equal(r.opts.protect, true, `${label(r)} is not protected`);
                assert.equal(r.opts.retainOnDelete, true, `${label(r)} is not retained on delete`);
            }
        });

        it("THEN a secret's version is retained on delete but not protected: a new value replaces it", () => {
            const version = one(prod, AWS_TYPES.secretsmanagerSecretVersion);
            assert.equal(version.opts.retainOnDelete, true);
            assert.equal(version.opts.protect, false);
        });

        it("THEN the load balancer is protected and has deletion protection on", () => {
            const alb = one(prod, AWS_TYPES.lbLoadBalancer);
            assert.equal(alb.opts.protect, true);
            assert.equal(inputs(alb).enableDeletionProtection, true);
        });

        it("THEN the repository is not force-deleted, the bucket not force-destroyed, and secrets stay recoverable for 30 days", () => {
            assert.equal(inputs(one(prod, AWS_TYPES.ecrRepository)).forceDelete, false);
            assert.equal(inputs(one(prod, AWS_TYPES.s3Bucket)).forceDestroy, false);
            assert.equal(inputs(one(prod, AWS_TYPES.secretsmanagerSecret)).recoveryWindowInDays, 30);
        });
    });

    describe("GIVEN dev", () => {
        it("THEN no resource is protected or retained on delete", () => {
            assert.deepEqual(dev.resources.filter(r => r.opts.protect).map(label), []);
            assert.deepEqual(dev.resources.filter(r => r.opts.retainOnDelete).map(label), []);
            assert.ok(stateful(dev).length > 0);
        });

        it("THEN the load balancer has no deletion protection", () => {
            assert.equal(inputs(one(dev, AWS_TYPES.lbLoadBalancer)).enableDeletionProtection, false);
        });

        it("THEN each service's repository is force-deleted with its images, the bucket with its objects, and secrets deleted at once", () => {
            const repositories = ofType(dev, AWS_TYPES.ecrRepository);
            const secrets = ofType(dev, AWS_TYPES.secretsmanagerSecret);
            assert.deepEqual(repositories.map(r => r.name).sort(), ["web-repo", "worker-repo"]);
            assert.deepEqual(secrets.map(r => r.name).sort(), ["web-secret-API_KEY", "worker-secret-API_KEY"]);
            for (const r of repositories) {
                assert.equal(inputs(r).forceDelete, true, label(r));
            }
            assert.equal(inputs(one(dev, AWS_TYPES.s3Bucket)).forceDestroy, true);
            for (const r of secrets) {
                assert.equal(inputs(r).recoveryWindowInDays, 0, label(r));
            }
        });
    });
});
