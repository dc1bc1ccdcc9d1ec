import { strict as assert } from "node:assert";
import { RunError } from "@pulumi/pulumi/errors";
import { StackSettings } from "../../components/stackConfig";
import { parseChanged, refusals } from "../support/stackConfig";
import { LOG_RETENTION_DAYS } from "../../policy/facts/logRetention";

const P = "fargate-web";

/** Parses the real stack's config with some keys replaced (undefined removes a key). */
const parse = (stack: string, values: Record<string, string | undefined> = {}, secretKeys: string[] = []): StackSettings => parseChanged(stack, { values, secretKeys });

/** The problems reported for a config, or a failure when it parses. */
const problems = (stack: string, values: Record<string, string | undefined>, secretKeys: string[] = []): readonly string[] => refusals(stack, { values, secretKeys });

describe("stack config loader", () => {
    describe("GIVEN the real stack files", () => {
        it("THEN dev loads as the cheap profile", () => {
            const dev = parse("dev");
            assert.equal(dev.environment, "dev");
            assert.equal(dev.region, "us-east-1");
            assert.deepEqual(dev.network, { cidrBlock: "10.0.0.0/16", availabilityZones: 2, natStrategy: "none" });
            assert.equal(dev.service.capacityProvider, "FARGATE_SPOT");
            assert.equal(dev.service.desiredCount, 1);
            assert.equal(dev.service.logRetentionDays, 7);
            assert.equal(dev.service.platformVersion, "LATEST");
            assert.equal(dev.deletionProtection, false);
            // Stack-wide LOG_LEVEL; each of dev's two services replaces the map with its own SERVICE_NAME.
            assert.deepEqual(dev.container.environment, { LOG_LEVEL: "debug" });
            assert.deepEqual(
                dev.services.map(s => [s.name, s.kind, s.container.environment, s.service.capacityProvider, s.service.desiredCount]),
                [
                    ["web", "web", { LOG_LEVEL: "debug", SERVICE_NAME: "web" }, "FARGATE_SPOT", 1],
                    ["worker", "worker", { LOG_LEVEL: "debug", SERVICE_NAME: "worker" }, "FARGATE_SPOT", 1],
                ],
            );
            assert.equal(dev.loadBalancer.domain, undefined);
            assert.equal(dev.loadBalancer.accessLogs, undefined);
        });

        it("THEN prod loads as the highly available, protected profile", () => {
            const prod = parse("prod");
            assert.equal(prod.environment, "prod");
            assert.deepEqual(prod.network, { cidrBlock: "10.0.0.0/16", availabilityZones: 3, natStrategy: "perAz" });
            assert.deepEqual([prod.container.cpu, prod.container.memory], [512, 1024]);
            assert.equal(prod.service.capacityProvider, "FARGATE");
            assert.equal(prod.service.onDemandBase, 2);
            assert.equal(prod.scaling.minCapacity, 2);
            assert.equal(prod.scaling.memoryTargetPercent, 75);
            assert.equal(prod.scaling.requestsPerTarget, 1000);
            assert.equal(prod.service.logRetentionDays, 365);
            assert.equal(prod.deletionProtection, true);
            assert.deepEqual(prod.loadBalancer.domain, { name: "app.example.com", hostedZoneId: "Z0123456789EXAMPLEAB" });
            assert.deepEqual(prod.loadBalancer.accessLogs, { bucket: undefined });
        });

        it("THEN secret references resolve to valueFrom and secret values stay apart", () => {
            const arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
            const settings = parse(
                "dev",
                {
                    [`${P}:secrets`]: JSON.stringify({ DB_PASSWORD: arn, DB_USER: { arn, jsonKey: "username" } }),
                    [`${P}:secretValues`]: JSON.stringify({ API_KEY: "s3cr3t" }),
                },
                [`${P}:secretValues`],
            );
            assert.deepEqual(settings.container.secrets, {
                DB_PASSWORD: { arn, valueFrom: arn },
                DB_USER: { arn, valueFrom: `${arn}:username::` },
            });
            assert.deepEqual(settings.container.secretValues, { API_KEY: "s3cr3t" });
        });
    });

    describe("GIVEN one bad value at a time", () => {
        const cases: Array<[string, string, Record<string, string | undefined>, string, string[]?]> = [
            ["a cpu/memory pair Fargate does not offer", "dev", { [`${P}:memory`]: "4096" }, `${P}:memory is 4096; Fargate offers 512, 1024 or 2048 MiB with cpu 256`],
            ["a memory step Fargate does not offer", "dev", { [`${P}:cpu`]: "1024", [`${P}:memory`]: "2500" }, `${P}:memory is 2500; Fargate offers 2048 to 8192 in steps of 1024 MiB with cpu 1024`],
            ["a cpu Fargate does not offer", "dev", { [`${P}:cpu`]: "300" }, `${P}:cpu is 300; allowed: 256, 512, 1024, 2048, 4096, 8192 or 16384`],
            ["min capacity above max", "dev", { [`${P}:minCapacity`]: "2", [`${P}:maxCapacity`]: "1", [`${P}:desiredCount`]: "1" }, `${P}:minCapacity is 2; must not exceed ${P}:maxCapacity (1)`],
            ["a port out of range", "dev", { [`${P}:containerPort`]: "70000" }, `${P}:containerPort is 70000; expected an integer from 1024 to 65535`],
            ["a privileged port", "dev", { [`${P}:containerPort`]: "80" }, `${P}:containerPort is 80; expected an integer from 1024 to 65535`],
            ["an unknown NAT strategy", "dev", { [`${P}:natStrategy`]: "nat" }, `${P}:natStrategy is "nat"; allowed: "none", "single" or "perAz"`],
            ["a malformed certificate ARN", "dev", { [`${P}:certificateArn`]: "arn:aws:acm:us-east-1:123:certificate/x" }, `${P}:certificateArn is "arn:aws:acm:us-east-1:123:certificate/x"; expected an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)`],
            ["a malformed secret ARN", "dev", { [`${P}:secrets`]: `{"DB_PASSWORD":"db-password"}` }, `${P}:secrets has "DB_PASSWORD"; expected a Secrets Manager or SSM parameter ARN, or {arn, jsonKey} for one key of a JSON secret`],
            ["a malformed KMS key ARN", "dev", { [`${P}:kmsKeyArn`]: "alias/mine" }, `${P}:kmsKeyArn is "alias/mine"; expected a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)`],
            ["a secret that collides with a plain variable", "dev", { [`${P}:secrets`]: `{"LOG_LEVEL":"arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbCdEf"}` }, `${P}:secrets has "LOG_LEVEL"; ${P}:containerEnvironment also sets LOG_LEVEL; a variable is either plain or secret`],
            ["a secret value that collides with a plain variable", "dev", { [`${P}:secretValues`]: `{"LOG_LEVEL":"x"}` }, `${P}:secretValues has "LOG_LEVEL"; ${P}:containerEnvironment also sets LOG_LEVEL; a variable is either plain or secret`, [`${P}:secretValues`]],
            ["a non-integer where an integer is required", "dev", { [`${P}:desiredCount`]: "1.5" }, `${P}:desiredCount is "1.5"; expected an integer from 0 to 100`],
            ["text where an integer is required", "dev", { [`${P}:availabilityZones`]: "two" }, `${P}:availabilityZones is "two"; expected an integer from 2 to 6 (the load balancer needs subnets in two zones)`],
            ["an unknown key (a typo)", "dev", { [`${P}:desiredCont`]: "2" }, `${P}:desiredCont is not a configuration key of this project; did you mean ${P}:desiredCount?`],
            ["an unknown key unlike any other", "dev", { [`${P}:frobnicate`]: "1" }, `${P}:frobnicate is not a configuration key of this project; see the keys declared in Pulumi.yaml`],
            ["a boolean written as text", "dev", { [`${P}:deletionProtection`]: "yes" }, `${P}:deletionProtection is "yes"; expected true or false`],
            ["a log retention CloudWatch does not offer", "dev", { [`${P}:logRetentionDays`]: "10" }, `${P}:logRetentionDays is 10; allowed: ${LOG_RETENTION_DAYS.join(", ")}`],
            ["a root container user", "dev", { [`${P}:containerUser`]: "root" }, `${P}:containerUser is "root"; the container must not run as root; use a non-root uid such as 1000`],
            ["a grace period shorter than the start period", "dev", { [`${P}:healthCheckGracePeriodSeconds`]: "5" }, `${P}:healthCheckGracePeriodSeconds is 5; must be at least ${P}:containerStartPeriodSeconds (10), or new tasks are killed while starting`],
            ["a health check timeout not below the interval", "dev", { [`${P}:healthCheckTimeoutSeconds`]: "10" }, `${P}:healthCheckTimeoutSeconds is 10; must be less than ${P}:healthCheckIntervalSeconds (10)`],
            ["a health check path without a slash", "dev", { [`${P}:healthCheckPath`]: "health" }, `${P}:healthCheckPath is "health"; expected a path starting with "/"`],
            ["a domain without a hosted zone", "dev", { [`${P}:domainName`]: "app.example.com" }, `${P}:hostedZoneId is ""; set it with ${P}:domainName: the stack validates the certificate and creates the alias record in that zone`],
            ["secret values set in plain text", "dev", { [`${P}:secretValues`]: `{"API_KEY":"abc"}` }, `${P}:secretValues is set in plain text; set each value with "pulumi config set --secret --path 'secretValues.NAME' VALUE"`],
            ["an invalid environment variable name", "dev", { [`${P}:containerEnvironment`]: `{"1BAD":"x"}` }, `${P}:containerEnvironment has "1BAD"; expected names of letters, digits and _ that do not start with a digit`],
            ["an unknown environment profile", "dev", { [`${P}:environment`]: "staging" }, `${P}:environment is "staging"; allowed: "dev" or "prod"`],
            ["an unknown CPU architecture", "dev", { [`${P}:cpuArchitecture`]: "arm64" }, `${P}:cpuArchitecture is "arm64"; allowed: "X86_64" or "ARM64"`],
            ["an access-log bucket with access logs off", "dev", { [`${P}:accessLogsBucket`]: "my-logs" }, `${P}:accessLogsBucket is "my-logs"; set ${P}:accessLogs to true to use it, or remove it`],
            ["a VPC CIDR that is too large", "dev", { [`${P}:vpcCidr`]: "10.0.0.0/8" }, `${P}:vpcCidr is "10.0.0.0/8"; expected a prefix from /16 to /24`],
            ["a missing region", "dev", { "aws:region": undefined }, `aws:region is not set; run "pulumi config set aws:region <region>", e.g. us-east-1`],
            ["prod with one task", "prod", { [`${P}:minCapacity`]: "1", [`${P}:desiredCount`]: "1", [`${P}:onDemandBase`]: "1" }, `${P}:environment is prod but ${P}:minCapacity is 1; prod runs at least 2 tasks (scaling-target-capacity-bounds)`],
            ["prod with a single NAT gateway", "prod", { [`${P}:natStrategy`]: "single" }, `${P}:environment is prod but ${P}:natStrategy is "single"; prod needs "perAz" so that losing one zone keeps egress (and tasks get no public IP: ecs-service-no-public-ip)`],
            ["prod without access logs", "prod", { [`${P}:accessLogs`]: "false" }, `${P}:environment is prod but ${P}:accessLogs is false; prod keeps load balancer access logs; set it to true (the stack creates the bucket unless accessLogsBucket names one)`],
            ["prod without TLS", "prod", { [`${P}:domainName`]: "", [`${P}:hostedZoneId`]: "" }, `${P}:environment is prod but ${P}:certificateArn is ""; prod serves HTTPS only; set it, or ${P}:domainName and ${P}:hostedZoneId for a certificate the stack issues`],
            ["prod with 30-day logs", "prod", { [`${P}:logRetentionDays`]: "30" }, `${P}:environment is prod but ${P}:logRetentionDays is 30; prod keeps logs at least 365 days (logs-log-group-retention)`],
            ["prod with AWS's 300 s drain", "prod", { [`${P}:deregistrationDelaySeconds`]: "300" }, `${P}:environment is prod but ${P}:deregistrationDelaySeconds is 300; prod rollouts drain in at most 120 s (lb-target-group-deregistration-delay)`],
            ["prod with slow health checks", "prod", { [`${P}:healthCheckIntervalSeconds`]: "60", [`${P}:healthCheckTimeoutSeconds`]: "5", [`${P}:healthyThreshold`]: "5" }, `${P}:environment is prod but ${P}:healthyThreshold is 5; with ${P}:healthCheckIntervalSeconds 60 a new task waits 300 s to be healthy; prod allows 90 s per rollout wave (lb-target-group-health-check-timings)`],
            ["prod with a writable root filesystem", "prod", { [`${P}:readonlyRootFilesystem`]: "false" }, `${P}:environment is prod but ${P}:readonlyRootFilesystem is false; prod containers run with a read-only root filesystem (/tmp stays writable); set it to true`],
            ["a VPC too small for its subnets", "dev", { [`${P}:vpcCidr`]: "10.0.0.0/23" }, `${P}:vpcCidr is "10.0.0.0/23"; 2 zones with a public and a private /24 subnet each need a /22 or larger block`],
            ["a matcher with two ranges", "dev", { [`${P}:healthCheckMatcher`]: "200-300-400" }, `${P}:healthCheckMatcher is "200-300-400"; expected HTTP codes from 200 to 399 such as "200", "200,302" or "200-399" (an error answer must not count as healthy)`],
            ["a matcher outside 200-499", "dev", { [`${P}:healthCheckMatcher`]: "100" }, `${P}:healthCheckMatcher is "100"; expected HTTP codes from 200 to 399 such as "200", "200,302" or "200-399" (an error answer must not count as healthy)`],
            ["a matcher that counts client errors as healthy", "dev", { [`${P}:healthCheckMatcher`]: "200-499" }, `${P}:healthCheckMatcher is "200-499"; expected HTTP codes from 200 to 399 such as "200", "200,302" or "200-399" (an error answer must not count as healthy)`],
            ["prod on Spot with fewer on-demand tasks than its minimum", "prod", { [`${P}:capacityProvider`]: "FARGATE_SPOT", [`${P}:onDemandBase`]: "1" }, `${P}:environment is prod but ${P}:onDemandBase is 1; prod on FARGATE_SPOT keeps at least ${P}:minCapacity (2) tasks on on-demand capacity, since AWS may reclaim every Spot task at once`],
            ["uid 0 written as 00", "dev", { [`${P}:containerUser`]: "00" }, `${P}:containerUser is "00"; the container must not run as root; use a non-root uid such as 1000`],
            ["a blank health check argument", "dev", { [`${P}:containerHealthCheckCommand`]: `["CMD-SHELL"," "]` }, `${P}:containerHealthCheckCommand is ["CMD-SHELL"," "]; expected a non-empty list of strings`],
            ["a plain variable named like a secret", "dev", { [`${P}:containerEnvironment`]: `{"DB_PASSWORD":"x"}` }, `${P}:containerEnvironment has "DB_PASSWORD"; the name says it holds a secret; put it in ${P}:secrets (by ARN) or ${P}:secretValues (with --secret)`],
            ["a tag key in the reserved aws: namespace", "dev", { [`${P}:tags`]: `{"aws:owner":"me"}` }, `${P}:tags has "aws:owner"; expected tag keys of 1 to 128 letters, digits, spaces or _.:/=+-@, not starting with the reserved aws:`],
            ["a cpu out of range with a memory fit for another cpu", "dev", { [`${P}:cpu`]: "20000", [`${P}:memory`]: "4096" }, `${P}:cpu is 20000; expected an integer from 1 to 16384`],
            ["an ARM64 task on platform 1.3.0 (Spot)", "dev", { [`${P}:cpuArchitecture`]: "ARM64", [`${P}:platformVersion`]: "1.3.0" }, `${P}:platformVersion is "1.3.0", but ${P}:cpuArchitecture ARM64 on ${P}:capacityProvider FARGATE_SPOT needs platform version 1.4.0 or later; set ${P}:platformVersion to "LATEST" or "1.4.0"`],
            ["an ARM64 task on platform 1.3.0 (on demand)", "dev", { [`${P}:cpuArchitecture`]: "ARM64", [`${P}:capacityProvider`]: "FARGATE", [`${P}:platformVersion`]: "1.3.0" }, `${P}:platformVersion is "1.3.0", but ${P}:cpuArchitecture ARM64 on ${P}:capacityProvider FARGATE needs platform version 1.4.0 or later; set ${P}:platformVersion to "LATEST" or "1.4.0"`],
            ["a secret by JSON key on platform 1.3.0", "dev", { [`${P}:platformVersion`]: "1.3.0", [`${P}:secrets`]: `{"DB_USER":{"arn":"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf","jsonKey":"username"}}` }, `${P}:platformVersion is "1.3.0", but ${P}:secrets or ${P}:secretValues reference a JSON key or a version of a secret, which Fargate resolves only on platform version 1.4.0 or later; set ${P}:platformVersion to "LATEST" or "1.4.0"`],
            ["secret values (pinned to versions) on platform 1.3.0", "dev", { [`${P}:platformVersion`]: "1.3.0", [`${P}:secretValues`]: `{"API_KEY":"x"}` }, `${P}:platformVersion is "1.3.0", but ${P}:secrets or ${P}:secretValues reference a JSON key or a version of a secret, which Fargate resolves only on platform version 1.4.0 or later; set ${P}:platformVersion to "LATEST" or "1.4.0"`, [`${P}:secretValues`]],
            ["prod pinned to a platform version", "prod", { [`${P}:platformVersion`]: "1.4.0" }, `${P}:environment is prod but ${P}:platformVersion is "1.4.0"; prod runs on "LATEST" (the platform with current patches); pin a version in dev only`],
            ["an 8 vCPU task on platform 1.3.0", "dev", { [`${P}:cpu`]: "8192", [`${P}:memory`]: "16384", [`${P}:platformVersion`]: "1.3.0" }, `${P}:platformVersion is "1.3.0", but ${P}:cpu 8192 (8 vCPU) is a task size Fargate offers only on platform version 1.4.0 or later; set ${P}:platformVersion to "LATEST" or "1.4.0"`],
            ["a retired platform version", "dev", { [`${P}:platformVersion`]: "1.2.0" }, `${P}:platformVersion is "1.2.0"; allowed: "LATEST", "1.4.0" or "1.3.0"`],
            ["PORT in the plain environment", "dev", { [`${P}:containerEnvironment`]: `{"PORT":"80"}` }, `${P}:containerEnvironment has "PORT"; the task sets PORT from ${P}:containerPort; remove it here`],
            ["the shutdown budget as a secret value", "dev", { [`${P}:secretValues`]: `{"SHUTDOWN_TIMEOUT_SECONDS":"5"}` }, `${P}:secretValues has "SHUTDOWN_TIMEOUT_SECONDS"; the task sets SHUTDOWN_TIMEOUT_SECONDS from ${P}:stopTimeoutSeconds; remove it here`, [`${P}:secretValues`]],
            ["prod without deletion protection", "prod", { [`${P}:deletionProtection`]: "false" }, `${P}:environment is prod but ${P}:deletionProtection is false; prod keeps its load balancer, repository, secrets and logs protected; set it to true`],
        ];
        for (const [what, stack, changes, expected, secretKeys] of cases) {
            it(`WHEN ${stack} has ${what} THEN the loader says exactly which key, value and what is allowed`, () => {
                assert.deepEqual(problems(stack, changes, secretKeys), [expected]);
            });
        }

        it("THEN the error is a RunError (printed without a stack trace) listing every problem", () => {
            try {
                parse("dev", { [`${P}:cpu`]: "300", [`${P}:natStrategy`]: "nat" });
                assert.fail("accepted");
            } catch (e) {
                assert.ok(RunError.isInstance(e as Error));
                assert.equal(
                    (e as Error).message,
                    `Invalid configuration for stack "dev" (2 problems):\n` +
                        `  - ${P}:natStrategy is "nat"; allowed: "none", "single" or "perAz"\n` +
                        `  - ${P}:cpu is 300; allowed: 256, 512, 1024, 2048, 4096, 8192 or 16384`,
                );
            }
        });

        it("THEN a value of a key set with --secret is never printed, only the name it is under", () => {
            const found = problems("dev", { [`${P}:secrets`]: `{"DB_PASSWORD":"hunter2-the-real-password"}` }, [`${P}:secrets`]);
            assert.deepEqual(found, [`${P}:secrets has "DB_PASSWORD"; expected a Secrets Manager or SSM parameter ARN, or {arn, jsonKey} for one key of a JSON secret`]);
        });

        it("THEN a malformed secret value is reported without echoing it", () => {
            const found = problems("dev", { [`${P}:secretValues`]: `{"API_KEY":""}` }, [`${P}:secretValues`]);
            assert.deepEqual(found, [`${P}:secretValues has "API_KEY"; the value of API_KEY must be a non-empty string`]);
        });
    });
});
