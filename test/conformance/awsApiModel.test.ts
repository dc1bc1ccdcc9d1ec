/**
 * The validator itself: it reads the SDK's schemas the way the SDK does, and it fails on unknown members,
 * wrong types, missing required members and values outside an enum — synthetic requests first, then a
 * real request of the prod stack with one member broken.
 */
import * as assert from "node:assert/strict";
import * as ecsSdk from "@aws-sdk/client-ecs";
import * as elbSdk from "@aws-sdk/client-elastic-load-balancing-v2";
import * as scalingSdk from "@aws-sdk/client-application-auto-scaling";
import { loadApiModel, validateAgainst } from "../support/awsApiModel";
import { inputs, one } from "../support/stacks";
import { runStack } from "../support/stacks";
import { requestProblems } from "./kit";
import { registerTaskDefinition } from "./mapping";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const ecs = loadApiModel("@aws-sdk/client-ecs");
const elb = loadApiModel("@aws-sdk/client-elastic-load-balancing-v2");
const scaling = loadApiModel("@aws-sdk/client-application-auto-scaling");

/** A request ECS accepts, to break one member at a time. */
const taskDefinition = () => ({
    family: "dev-web",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "256",
    memory: "512",
    runtimePlatform: { cpuArchitecture: "X86_64", operatingSystemFamily: "LINUX" },
    containerDefinitions: [
        {
            name: "web",
            image: "repo@sha256:0",
            essential: true,
            portMappings: [{ containerPort: 8080, protocol: "tcp" }],
            logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web" } },
        } as Record<string, unknown>,
    ],
    tags: [{ key: "Stack", value: "dev" }],
});

describe("awsApiModel: reading the SDK's models", () => {
    it("GIVEN the three clients THEN required members are the first requiredCount members of each structure", () => {
        assert.deepEqual(ecs.requiredMembers("RegisterTaskDefinitionRequest"), ["family", "containerDefinitions"]);
        assert.deepEqual(ecs.requiredMembers("CreateServiceRequest"), ["serviceName"]);
        assert.deepEqual(ecs.requiredMembers("ContainerDefinition"), []);
        assert.deepEqual(elb.requiredMembers("CreateListenerInput"), ["LoadBalancerArn", "DefaultActions"]);
        assert.deepEqual(elb.requiredMembers("Action"), ["Type"]);
        assert.deepEqual(scaling.requiredMembers("PutScalingPolicyRequest"), ["PolicyName", "ServiceNamespace", "ResourceId", "ScalableDimension"]);
        assert.deepEqual(scaling.requiredMembers("TargetTrackingScalingPolicyConfiguration"), ["TargetValue"]);
    });

    it("GIVEN the three clients THEN member names are the SDK's: camelCase for ECS, PascalCase for ELBv2 and Auto Scaling", () => {
        assert.ok(ecs.members("ContainerDefinition")?.includes("readonlyRootFilesystem"));
        assert.ok(ecs.members("CreateServiceRequest")?.includes("enableECSManagedTags"));
        assert.ok(elb.members("CreateTargetGroupInput")?.includes("HealthCheckIntervalSeconds"));
        assert.ok(scaling.members("PredefinedMetricSpecification")?.includes("ResourceLabel"));
        assert.equal(ecs.members("NoSuchShape"), undefined);
    });

    it("GIVEN the SDKs' exported enums THEN each is attached to the members the SDK types with it", () => {
        const cases: Array<[typeof ecs, string, string, Record<string, string>]> = [
            [ecs, "RegisterTaskDefinitionRequest", "networkMode", ecsSdk.NetworkMode],
            [ecs, "RegisterTaskDefinitionRequest", "requiresCompatibilities", ecsSdk.Compatibility],
            [ecs, "RuntimePlatform", "cpuArchitecture", ecsSdk.CPUArchitecture],
            [ecs, "PortMapping", "protocol", ecsSdk.TransportProtocol],
            [ecs, "AwsVpcConfiguration", "assignPublicIp", ecsSdk.AssignPublicIp],
            [ecs, "CreateServiceRequest", "propagateTags", ecsSdk.PropagateTags],
            [elb, "CreateTargetGroupInput", "Protocol", elbSdk.ProtocolEnum],
            [elb, "CreateTargetGroupInput", "TargetType", elbSdk.TargetTypeEnum],
            [elb, "Action", "Type", elbSdk.ActionTypeEnum],
            [elb, "RedirectActionConfig", "StatusCode", elbSdk.RedirectActionStatusCodeEnum],
            [scaling, "PredefinedMetricSpecification", "PredefinedMetricType", scalingSdk.MetricType],
            [scaling, "PutScalingPolicyRequest", "PolicyType", scalingSdk.PolicyType],
            [scaling, "PutScalingPolicyRequest", "ScalableDimension", scalingSdk.ScalableDimension],
            [scaling, "RegisterScalableTargetRequest", "ServiceNamespace", scalingSdk.ServiceNamespace],
        ];
        for (const [model, shape, member, values] of cases) {
            assert.deepEqual(model.enumOf(shape, member)?.values, Object.values(values), `${shape}.${member}`);
        }
    });
});

// Problems come in the order of the value's members, then the missing required ones.
describe("awsApiModel: validateAgainst fails on what the API rejects", () => {
    it("GIVEN a well-formed task definition THEN there is no problem", () => {
        assert.deepEqual(validateAgainst("RegisterTaskDefinitionRequest", taskDefinition(), ecs), []);
    });

    it("GIVEN an unknown member, top-level and inside a container THEN each is reported, with the API's spelling when only the case differs", () => {
        const td = { ...taskDefinition(), taskRole: "arn" };
        td.containerDefinitions[0].readOnlyRootFilesystem = true;
        assert.deepEqual(validateAgainst("RegisterTaskDefinitionRequest", td, ecs), [
            'RegisterTaskDefinitionRequest.containerDefinitions[0]: unknown member "readOnlyRootFilesystem" (the API\'s member is "readonlyRootFilesystem")',
            'RegisterTaskDefinitionRequest: unknown member "taskRole"',
        ]);
    });

    it("GIVEN wrong types (number for string, string for number, object for list, list for structure) THEN each is reported", () => {
        const td = { ...taskDefinition(), cpu: 256, volumes: { name: "tmp" }, runtimePlatform: [] };
        td.containerDefinitions[0].portMappings = [{ containerPort: "8080" }];
        td.containerDefinitions[0].essential = "true";
        assert.deepEqual(validateAgainst("RegisterTaskDefinitionRequest", td, ecs), [
            "RegisterTaskDefinitionRequest.cpu: expected string, got number",
            "RegisterTaskDefinitionRequest.runtimePlatform: expected structure RuntimePlatform, got list",
            "RegisterTaskDefinitionRequest.containerDefinitions[0].essential: expected boolean, got string",
            "RegisterTaskDefinitionRequest.containerDefinitions[0].portMappings[0].containerPort: expected number, got string",
            "RegisterTaskDefinitionRequest.volumes: expected list, got object",
        ]);
    });

    it("GIVEN a map value of the wrong type THEN it is reported under its key", () => {
        const td = taskDefinition();
        td.containerDefinitions[0].logConfiguration = { logDriver: "awslogs", options: { "awslogs-group": 7 } };
        assert.deepEqual(validateAgainst("RegisterTaskDefinitionRequest", td, ecs), [
            'RegisterTaskDefinitionRequest.containerDefinitions[0].logConfiguration.options["awslogs-group"]: expected string, got number',
        ]);
    });

    it("GIVEN missing required members, top-level and nested THEN each is reported", () => {
        const { family: _family, ...td } = taskDefinition();
        td.containerDefinitions[0].logConfiguration = { options: {} };
        assert.deepEqual(validateAgainst("RegisterTaskDefinitionRequest", td, ecs), [
            'RegisterTaskDefinitionRequest.containerDefinitions[0].logConfiguration: missing required member "logDriver"',
            'RegisterTaskDefinitionRequest: missing required member "family"',
        ]);
    });

    it("GIVEN values outside an enum, scalar and list element THEN each is reported with the allowed values", () => {
        const td = { ...taskDefinition(), networkMode: "vpc", requiresCompatibilities: ["FARGATE", "LAMBDA"] };
        assert.deepEqual(validateAgainst("RegisterTaskDefinitionRequest", td, ecs), [
            'RegisterTaskDefinitionRequest.networkMode: "vpc" is not one of [awsvpc, bridge, host, none] (NetworkMode)',
            'RegisterTaskDefinitionRequest.requiresCompatibilities[1]: "LAMBDA" is not one of [EC2, EXTERNAL, FARGATE, MANAGED_INSTANCES] (Compatibility)',
        ]);
    });

    it("GIVEN Pulumi's camelCase names in an ELBv2 request THEN they are unknown members of the PascalCase API", () => {
        assert.deepEqual(validateAgainst("CreateTargetGroupInput", { Name: "web", protocol: "HTTP", Port: 8080, TargetType: "lambda-ish" }, elb), [
            'CreateTargetGroupInput: unknown member "protocol" (the API\'s member is "Protocol")',
            'CreateTargetGroupInput.TargetType: "lambda-ish" is not one of [alb, instance, ip, lambda] (TargetTypeEnum)',
        ]);
    });

    it("GIVEN a target-tracking policy with a string target and a bad metric THEN both are reported", () => {
        const policy = {
            PolicyName: "cpu",
            ServiceNamespace: "ecs",
            ResourceId: "service/c/s",
            ScalableDimension: "ecs:service:DesiredCount",
            PolicyType: "TargetTrackingScaling",
            TargetTrackingScalingPolicyConfiguration: { TargetValue: "70", PredefinedMetricSpecification: { PredefinedMetricType: "CPU" } },
        };
        const problems = validateAgainst("PutScalingPolicyRequest", policy, scaling);
        assert.equal(problems.length, 2);
        assert.equal(problems[0], "PutScalingPolicyRequest.TargetTrackingScalingPolicyConfiguration.TargetValue: expected number, got string");
        assert.match(problems[1], /^PutScalingPolicyRequest\.TargetTrackingScalingPolicyConfiguration\.PredefinedMetricSpecification\.PredefinedMetricType: "CPU" is not one of \[.*ECSServiceAverageCPUUtilization.*\] \(MetricType\)$/);
    });

    it("GIVEN a shape the client does not have THEN it throws, naming the client", () => {
        assert.throws(() => validateAgainst("RegisterTaskDefinitionInput", {}, ecs), {
            message: "@aws-sdk/client-ecs has no structure RegisterTaskDefinitionInput; use the request shape's name, e.g. RegisterTaskDefinitionRequest.",
        });
    });

    it("GIVEN the prod task definition with one container member misspelt THEN the conformance check reports exactly that", async function () {
        this.timeout(60_000);
        const record = inputs(one(await runStack("prod"), AWS_TYPES.ecsTaskDefinition));
        const containers = JSON.parse(record.containerDefinitions);
        containers[0].stopTimeOut = containers[0].stopTimeout;
        delete containers[0].stopTimeout;
        const mapped = registerTaskDefinition({ ...record, containerDefinitions: JSON.stringify(containers), pidMode: "task" });
        assert.deepEqual(requestProblems("RegisterTaskDefinitionRequest", mapped, ecs), [
            'Pulumi input "pidMode" has no mapping to RegisterTaskDefinitionRequest; add it to test/conformance/mapping.ts',
            'RegisterTaskDefinitionRequest.containerDefinitions[0]: unknown member "stopTimeOut" (the API\'s member is "stopTimeout")',
        ]);
    });
});
