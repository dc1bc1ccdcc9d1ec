import { strict as assert } from "node:assert";
import { containerDefinition, ContainerDefinitionInput } from "../../components/containerDefinition";

const input: ContainerDefinitionInput = {
    name: "web",
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${"a".repeat(64)}`,
    port: 8080,
    user: "1000",
    readonlyRootFilesystem: true,
    stopTimeoutSeconds: 30,
    healthCheck: { command: ["CMD", "node", "healthcheck.js"], intervalSeconds: 15, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 30 },
    environment: { SERVICE_NAME: "web", LOG_LEVEL: "info" },
    secrets: { DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" },
    logGroupName: "/ecs/p/dev/web",
    region: "us-east-1",
};

describe("container definition", () => {
    it("is an essential, non-root, health-checked container logging to CloudWatch", () => {
        const def = containerDefinition(input);
        assert.equal(def.essential, true);
        assert.equal(def.user, "1000");
        assert.equal(def.privileged, false);
        assert.equal(def.readonlyRootFilesystem, true);
        assert.equal(def.stopTimeout, 30);
        assert.deepEqual(def.healthCheck, { command: ["CMD", "node", "healthcheck.js"], interval: 15, timeout: 5, retries: 3, startPeriod: 30 });
        assert.deepEqual((def.logConfiguration as any).logDriver, "awslogs");
        assert.deepEqual((def.logConfiguration as any).options["awslogs-group"], "/ecs/p/dev/web");
        assert.deepEqual(def.portMappings, [{ containerPort: 8080, hostPort: 8080, protocol: "tcp", name: "web-8080" }]);
    });

    it("keeps plain variables in environment and secrets only in secrets, sorted", () => {
        const def = containerDefinition(input);
        assert.deepEqual(def.environment, [
            { name: "LOG_LEVEL", value: "info" },
            { name: "SERVICE_NAME", value: "web" },
        ]);
        assert.deepEqual(def.secrets, [{ name: "DB_PASSWORD", valueFrom: input.secrets.DB_PASSWORD }]);
    });

    it("mounts a writable /tmp only with a read-only root", () => {
        assert.deepEqual(containerDefinition(input).mountPoints, [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }]);
        assert.deepEqual(containerDefinition({ ...input, readonlyRootFilesystem: false }).mountPoints, []);
    });

    it("refuses a variable that is both plain and secret", () => {
        assert.throws(
            () => containerDefinition({ ...input, environment: { DB_PASSWORD: "x" } }),
            /Container web: DB_PASSWORD set both as plain environment and as secret/,
        );
    });
});
