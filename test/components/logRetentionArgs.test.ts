// The components refuse a log retention CloudWatch Logs does not accept before registering anything,
// as the loader does for logRetentionDays: both read the one list in policy/facts/logRetention.ts.
import { strict as assert } from "node:assert";
import { resolveFargateServiceArgs } from "../../components/fargateServiceArgs";
import { resolveNetworkArgs } from "../../components/network";
import { LOG_RETENTION_DAYS } from "../../policy/facts/logRetention";

const PERIODS = LOG_RETENTION_DAYS.join(", ");
const service = (logRetentionDays?: number) =>
    resolveFargateServiceArgs("web", {
        cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/web", name: "web" },
        vpcId: "vpc-0123",
        subnetIds: ["subnet-a", "subnet-b"],
        loadBalancer: { securityGroupId: "sg-0alb", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc" },
        image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${"b".repeat(64)}`,
        repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/web",
        region: "us-east-1",
        logRetentionDays,
    });

describe("components: log retention is one CloudWatch Logs accepts", () => {
    it("GIVEN each accepted period or none THEN accepted (default 30)", () => {
        assert.equal(service().logRetentionDays, 30);
        assert.equal(resolveNetworkArgs({}).flowLogRetentionDays, 30);
        for (const days of LOG_RETENTION_DAYS) {
            assert.equal(service(days).logRetentionDays, days);
            assert.equal(resolveNetworkArgs({ flowLogRetentionDays: days }).flowLogRetentionDays, days);
        }
    });

    it("GIVEN a period CloudWatch Logs refuses (10, 0 = forever, 4000) THEN it throws naming the argument and the periods", () => {
        for (const days of [10, 0, 4000]) {
            assert.throws(() => service(days), { message: `FargateService web: logRetentionDays is ${days}; expected a period CloudWatch Logs accepts: ${PERIODS}.` });
            assert.throws(() => resolveNetworkArgs({ flowLogRetentionDays: days }), {
                message: `Network: flowLogRetentionDays is ${days}; expected a period CloudWatch Logs accepts: ${PERIODS}.`,
            });
        }
    });
});
