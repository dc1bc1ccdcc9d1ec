/**
 * The stacks' EventBridge rules and targets as the PutRule and PutTargets requests the provider sends,
 * against the documented limits and event-pattern grammar (`eventBridgeLimits.ts`), and the documented
 * sample ECS events run through the patterns: each rule matches the events it is for and not their
 * neighbours (ECS developer guide, the event pages cited in `components/ecsEventPatterns.ts`).
 */
import * as assert from "node:assert/strict";
import { RecordedResource } from "../../harness/types";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { inputs, ofType, one, runStack, state } from "../support/stacks";
import { eventPatternProblems, matchesEventPattern, putRuleLimits, Target, targetLimits } from "./eventBridgeLimits";
import { assertNoProblems, STACKS } from "./kit";

const RULE = AWS_TYPES.cloudwatchEventRule;
const TARGET = AWS_TYPES.cloudwatchEventTarget;

/** The provider's auto-generated target id (`terraform-` and 26 digits) when `targetId` is not set. */
const putTarget = (t: RecordedResource): Target => {
    const i = inputs(t);
    return {
        Id: i.targetId ?? "terraform-00000000000000000000000000",
        Arn: i.arn,
        Input: i.input,
        InputPath: i.inputPath,
        InputTransformer: i.inputTransformer && { InputPathsMap: i.inputTransformer.inputPaths, InputTemplate: i.inputTransformer.inputTemplate },
    };
};

describe("conformance: EventBridge rules and targets (documented limits)", () => {
    for (const stack of STACKS) {
        describe(`stack ${stack}`, () => {
            it("THEN every rule is a valid PutRule request and every target a valid PutTargets entry, in the rule's region", async () => {
                const run = await runStack(stack);
                const rules = ofType(run, RULE);
                assert.equal(rules.length, 3);
                for (const rule of rules) {
                    const i = inputs(rule);
                    assertNoProblems(rule.name, putRuleLimits({ Name: state(rule).name, Description: i.description, EventPattern: i.eventPattern }));
                }
                for (const target of ofType(run, TARGET)) {
                    assertNoProblems(target.name, targetLimits(putTarget(target)));
                    const rule = rules.find(r => state(r).name === inputs(target).rule)!;
                    assert.equal(inputs(target).arn.split(":")[3], state(rule).arn.split(":")[3], `${target.name}: a target is in its rule's region`);
                }
            });

            it("THEN the documented sample events match their rule, and their neighbours do not", async () => {
                const run = await runStack(stack);
                const clusterArn: string = state(one(run, AWS_TYPES.ecsCluster)).arn;
                const serviceArn: string = state(ofType(run, AWS_TYPES.ecsService)[0]).arn;
                const pattern = (name: string) => JSON.parse(inputs(one(run, RULE, name)).eventPattern);
                const deployment = (eventName: string, service = serviceArn) => ({
                    source: "aws.ecs",
                    "detail-type": "ECS Deployment State Change",
                    resources: [service],
                    detail: { eventType: eventName.endsWith("FAILED") ? "ERROR" : "INFO", eventName, deploymentId: "ecs-svc/123", reason: "ECS deployment circuit breaker: task failed to start." },
                });
                const deployments = pattern("web-ecs-deployments");
                assert.ok(matchesEventPattern(deployments, deployment("SERVICE_DEPLOYMENT_FAILED")));
                assert.ok(!matchesEventPattern(deployments, deployment("SERVICE_DEPLOYMENT_IN_PROGRESS")));
                assert.equal(matchesEventPattern(deployments, deployment("SERVICE_DEPLOYMENT_COMPLETED")), stack === "prod");
                const otherCluster = serviceArn.replace(/service\/([^/]+)\//, "service/$1x/");
                assert.ok(!matchesEventPattern(deployments, deployment("SERVICE_DEPLOYMENT_FAILED", otherCluster)), "a cluster whose name extends this one's is not matched");

                const action = (eventType: string, eventName: string) => ({ source: "aws.ecs", "detail-type": "ECS Service Action", resources: [serviceArn], detail: { eventType, eventName, clusterArn } });
                const actions = pattern("web-ecs-service-actions");
                assert.ok(matchesEventPattern(actions, action("WARN", "SERVICE_TASK_START_IMPAIRED")));
                assert.ok(matchesEventPattern(actions, action("ERROR", "SERVICE_TASK_PLACEMENT_FAILURE")));
                assert.ok(!matchesEventPattern(actions, action("INFO", "SERVICE_STEADY_STATE")));

                const task = (lastStatus: string, stopCode: string) => ({
                    source: "aws.ecs",
                    "detail-type": "ECS Task State Change",
                    resources: [`${clusterArn.replace(":cluster/", ":task/")}/b99d40b3`],
                    detail: { clusterArn, desiredStatus: "STOPPED", lastStatus, stopCode, stoppedReason: "Your Spot Task was interrupted.", taskArn: "arn:aws:ecs:us-east-1:123456789012:task/b99d40b3" },
                });
                const spot = pattern("web-ecs-spot-interruptions");
                assert.ok(matchesEventPattern(spot, task("RUNNING", "SpotInterruption")), "the documented two-minute notice");
                assert.ok(!matchesEventPattern(spot, task("STOPPED", "SpotInterruption")), "the same task's later state changes do not notify again");
                assert.ok(!matchesEventPattern(spot, task("RUNNING", "UserInitiated")));
            });
        });
    }
});

describe("conformance: EventBridge documented limits fail on one broken value", () => {
    const rule = { Name: "web-ecs-deployments-1a2b3c4", Description: "d", EventPattern: JSON.stringify({ source: ["aws.ecs"], detail: { eventName: ["X"] } }) };
    const target: Target = { Id: "t1", Arn: "arn:aws:sns:us-east-1:123456789012:t", InputTransformer: { InputPathsMap: { a: "$.detail.a" }, InputTemplate: '"<a>"' } };

    it("GIVEN compliant requests THEN nothing is reported", () => {
        assert.deepEqual([...putRuleLimits(rule), ...targetLimits(target)], []);
    });

    it("GIVEN a 65-character name, a 513-character description or a pattern over 4096 characters THEN each is reported", () => {
        assert.equal(putRuleLimits({ ...rule, Name: "r".repeat(65) }).length, 1);
        assert.equal(putRuleLimits({ ...rule, Description: "d".repeat(513) }).length, 1);
        assert.deepEqual(putRuleLimits({ ...rule, EventPattern: JSON.stringify({ source: ["x".repeat(4100)] }) }), ["documented limit: EventPattern has 4115 characters; at most 4096"]);
    });

    it("GIVEN a scalar leaf, an empty list, a two-operator filter or a field outside the envelope THEN each is reported", () => {
        assert.deepEqual(eventPatternProblems({ source: "aws.ecs" }), ['documented limit: EventPattern.source must be a non-empty array of values or filters, got "aws.ecs"']);
        assert.deepEqual(eventPatternProblems({ detail: { eventName: [] } }), ["documented limit: EventPattern.detail.eventName must be a non-empty array of values or filters, got []"]);
        assert.equal(eventPatternProblems({ resources: [{ prefix: "a", suffix: "b" }] }).length, 1);
        assert.deepEqual(eventPatternProblems({ eventName: ["X"] }), ["documented limit: EventPattern matches eventName, not fields of an event (version, id, detail-type, source, account, time, region, resources, detail)"]);
    });

    it("GIVEN Input with an InputTransformer, a placeholder without a path or a bad path key THEN each is reported", () => {
        assert.deepEqual(targetLimits({ ...target, Input: "{}" }), ["documented limit: Input, InputPath and InputTransformer are exclusive"]);
        assert.deepEqual(targetLimits({ ...target, InputTransformer: { InputPathsMap: { a: "$.a" }, InputTemplate: '"<a> <b>"' } }), ["documented limit: InputTemplate uses <b> without an InputPathsMap entry"]);
        assert.equal(targetLimits({ ...target, InputTransformer: { InputPathsMap: { "a.b": "$.a" }, InputTemplate: '"x"' } }).length, 1);
    });
});
