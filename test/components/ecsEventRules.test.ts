import { strict as assert } from "node:assert";
import { StackObservability } from "../../components/stackObservability";
import { inputs, ofType, one, runInline, runStack, state } from "../support/stacks";

const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const CLUSTER = "arn:aws:ecs:eu-west-1:123456789012:cluster/web-cluster";

describe("ECS events to the alarm topic (under mocks)", () => {
    it("GIVEN a cluster THEN three rules each target the topic with their message, and the topic policy names exactly them", async () => {
        const run = await runInline(() => void new StackObservability("web", { project: "fargate-web", stack: "dev", region: "eu-west-1" }).notifyEcsEvents(CLUSTER, false), "dev", "eu-west-1");
        const topic = state(one(run, "aws:sns/topic:Topic", "web-alarms"));
        const rules = ofType(run, RULE);
        assert.deepEqual(rules.map(r => r.name), ["web-ecs-deployments", "web-ecs-service-actions", "web-ecs-spot-interruptions"]);
        const deployments = JSON.parse(inputs(one(run, RULE, "web-ecs-deployments")).eventPattern);
        assert.deepEqual(deployments.resources, [{ prefix: "arn:aws:ecs:eu-west-1:123456789012:service/web-cluster/" }]);
        assert.deepEqual(deployments.detail, { eventName: ["SERVICE_DEPLOYMENT_FAILED"] });
        for (const rule of rules) {
            const target = inputs(one(run, TARGET, rule.name));
            assert.equal(target.rule, state(rule).name, rule.name);
            assert.equal(target.arn, topic.arn, rule.name);
            assert.equal(target.input, undefined, rule.name);
            assert.equal(typeof JSON.parse(target.inputTransformer.inputTemplate), "string", rule.name);
        }
        const policy = inputs(one(run, TOPIC_POLICY, "web-alarms-policy"));
        assert.equal(policy.arn, topic.arn);
        const events = JSON.parse(policy.policy).Statement.find((s: { Sid: string }) => s.Sid === "EventBridgeRules");
        assert.deepEqual(events.Condition, { ArnEquals: { "aws:SourceArn": rules.map(r => state(r).arn) } });
        assert.deepEqual(
            rules.map(r => state(r).arn),
            rules.map(r => `arn:aws:events:eu-west-1:123456789012:rule/${state(r).name}`),
        );
    });

    it("GIVEN prod THEN completed deployments notify too", async () => {
        const run = await runInline(() => void new StackObservability("web", { project: "fargate-web", stack: "prod", region: "us-east-1" }).notifyEcsEvents(CLUSTER, true));
        assert.deepEqual(JSON.parse(inputs(one(run, RULE, "web-ecs-deployments")).eventPattern).detail.eventName, ["SERVICE_DEPLOYMENT_FAILED", "SERVICE_DEPLOYMENT_COMPLETED"]);
    });

    for (const [stack, completed] of [["dev", false], ["prod", true]] as const) {
        it(`GIVEN the ${stack} stack THEN its rules watch its own cluster (completed deployments: ${completed})`, async () => {
            const run = await runStack(stack);
            const cluster = state(one(run, "aws:ecs/cluster:Cluster"));
            const actions = JSON.parse(inputs(one(run, RULE, "web-ecs-service-actions")).eventPattern);
            assert.deepEqual(actions.detail.clusterArn, [cluster.arn]);
            const spot = JSON.parse(inputs(one(run, RULE, "web-ecs-spot-interruptions")).eventPattern);
            assert.deepEqual(spot.detail.clusterArn, [cluster.arn]);
            const deployments = JSON.parse(inputs(one(run, RULE, "web-ecs-deployments")).eventPattern);
            assert.equal(deployments.detail.eventName.includes("SERVICE_DEPLOYMENT_COMPLETED"), completed);
            assert.equal(deployments.resources[0].prefix, `${cluster.arn.replace(":cluster/", ":service/")}/`);
            assert.equal(ofType(run, TOPIC_POLICY).length, 1);
        });
    }
});
