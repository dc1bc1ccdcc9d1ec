import { strict as assert } from "node:assert";
import { ecsEventRules, serviceArnPrefix } from "../../components/ecsEventPatterns";

const CLUSTER = "arn:aws:ecs:eu-west-1:123456789012:cluster/web-cluster-1a2b3c4";
const byRole = (notifyCompleted: boolean) => Object.fromEntries(ecsEventRules(notifyCompleted).map(r => [r.role, r]));

describe("ECS event rules (pure)", () => {
    it("GIVEN dev THEN deployments notify only when they fail, for the cluster's services by ARN prefix", () => {
        assert.deepEqual(byRole(false).deployments.eventPattern(CLUSTER), {
            source: ["aws.ecs"],
            "detail-type": ["ECS Deployment State Change"],
            resources: [{ prefix: "arn:aws:ecs:eu-west-1:123456789012:service/web-cluster-1a2b3c4/" }],
            detail: { eventName: ["SERVICE_DEPLOYMENT_FAILED"] },
        });
    });

    it("GIVEN prod THEN completed deployments (and completed rollbacks) notify too", () => {
        assert.deepEqual((byRole(true).deployments.eventPattern(CLUSTER).detail as Record<string, unknown>).eventName, ["SERVICE_DEPLOYMENT_FAILED", "SERVICE_DEPLOYMENT_COMPLETED"]);
        assert.match(byRole(true).deployments.description, /complete/);
        assert.doesNotMatch(byRole(false).deployments.description, /complete/);
    });

    it("THEN service actions notify WARN and ERROR events of this cluster, never the periodic INFO", () => {
        assert.deepEqual(byRole(false)["service-actions"].eventPattern(CLUSTER), {
            source: ["aws.ecs"],
            "detail-type": ["ECS Service Action"],
            detail: { clusterArn: [CLUSTER], eventType: ["WARN", "ERROR"] },
        });
    });

    it("THEN a Fargate Spot interruption notifies once per task: its two-minute notice, as documented", () => {
        assert.deepEqual(byRole(false)["spot-interruptions"].eventPattern(CLUSTER), {
            source: ["aws.ecs"],
            "detail-type": ["ECS Task State Change"],
            detail: { clusterArn: [CLUSTER], stopCode: ["SpotInterruption"], desiredStatus: ["STOPPED"], lastStatus: ["RUNNING"] },
        });
    });

    it("THEN each message is a quoted one-line template naming only paths that are names, states and AWS's reasons", () => {
        const allowed = new Set(["$.resources[0]", "$.time", "$.detail.eventName", "$.detail.eventType", "$.detail.deploymentId", "$.detail.reason", "$.detail.taskArn", "$.detail.group", "$.detail.availabilityZone", "$.detail.stoppedReason"]);
        for (const rule of ecsEventRules(true)) {
            const { inputPaths, inputTemplate } = rule.input;
            assert.deepEqual(Object.values(inputPaths).filter(p => !allowed.has(p)), [], rule.role);
            assert.equal(typeof JSON.parse(inputTemplate), "string", rule.role);
            const used = [...inputTemplate.matchAll(/<([A-Za-z0-9_-]+)>/g)].map(m => m[1]).sort();
            assert.deepEqual([...new Set(used)], Object.keys(inputPaths).sort(), `${rule.role}: every path is used and every placeholder has a path`);
        }
        assert.equal(byRole(false).deployments.input.inputTemplate, '"<event> for <service> (deployment <deployment>) at <time>: <reason>"');
    });

    it("GIVEN China or GovCloud THEN the service prefix keeps the partition; GIVEN no cluster ARN THEN it says what it expected", () => {
        assert.equal(serviceArnPrefix("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c"), "arn:aws-cn:ecs:cn-north-1:123456789012:service/c/");
        assert.equal(serviceArnPrefix("arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/c"), "arn:aws-us-gov:ecs:us-gov-west-1:123456789012:service/c/");
        assert.throws(() => serviceArnPrefix("web-cluster"), { message: 'expected a cluster ARN (arn:<partition>:ecs:<region>:<account>:cluster/<name>), got "web-cluster"' });
    });
});
