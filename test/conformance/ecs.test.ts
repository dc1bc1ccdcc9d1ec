/**
 * ECS requests of both stacks against the ECS API model shipped in @aws-sdk/client-ecs: RegisterTaskDefinition
 * (with the container definitions JSON, which the provider sends as it is) and CreateService.
 */
import * as assert from "node:assert/strict";
import { inputs, one, ofType } from "../support/stacks";
import { serviceLimits, taskDefinitionLimits } from "./documentedLimits";
import { describeConformance, assertNoProblems, requestProblems, stateString } from "./kit";
import { createService, createTargetGroup, registerTaskDefinition } from "./mapping";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const TASK_DEFINITION = AWS_TYPES.ecsTaskDefinition;
const SERVICE = AWS_TYPES.ecsService;

describeConformance("conformance: ECS requests", "@aws-sdk/client-ecs", (ecs, stack, runOf) => {
            it("GIVEN the task definition WHEN sent as RegisterTaskDefinition THEN the ECS model and documented limits accept it", () => {
                const mapped = registerTaskDefinition(inputs(one(runOf(), TASK_DEFINITION)));
                // Non-vacuous: the container JSON is there and is walked as ContainerDefinition.
                assert.ok((mapped.request.containerDefinitions ?? []).length > 0, "no container definitions recorded");
                assertNoProblems(
                    `RegisterTaskDefinition (${stack})`,
                    requestProblems("RegisterTaskDefinitionRequest", mapped, ecs, taskDefinitionLimits(mapped.request)),
                );
            });

            it("GIVEN the service WHEN sent as CreateService THEN the ECS model and documented limits accept it, against this stack's task definition, target groups and cluster", () => {
                const run = runOf();
                const service = one(run, SERVICE);
                const mapped = createService(inputs(service), stateString(service, "name"));
                const targetGroups = Object.fromEntries(
                    ofType(run, AWS_TYPES.lbTargetGroup).map(tg => [
                        stateString(tg, "arn"),
                        createTargetGroup(inputs(tg), stateString(tg, "name"), stateString(tg, "arn")).request.create,
                    ]),
                );
                const limits = serviceLimits(mapped.request, {
                    taskDefinition: registerTaskDefinition(inputs(one(run, TASK_DEFINITION))).request,
                    targetGroups,
                    clusterCapacityProviders: inputs(one(run, AWS_TYPES.ecsClusterCapacityProviders)).capacityProviders ?? [],
                });
                assertNoProblems(`CreateService (${stack})`, requestProblems("CreateServiceRequest", mapped, ecs, limits));
            });

            it("GIVEN the service WHEN mapped THEN assignPublicIp is the API's enum, not Pulumi's boolean", () => {
                const mapped = createService(inputs(one(runOf(), SERVICE)), "web");
                assert.match(String(mapped.request.networkConfiguration?.awsvpcConfiguration?.assignPublicIp), /^(ENABLED|DISABLED)$/);
            });
});
