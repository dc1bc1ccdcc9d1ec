/**
 * ECS requests of both stacks against the ECS API model shipped in @aws-sdk/client-ecs: RegisterTaskDefinition
 * (with the container definitions JSON, which the provider sends as it is) and CreateService, for every service
 * of the stack (dev runs a web service and a worker; prod one web service).
 */
import * as assert from "node:assert/strict";
import { ProgramRun } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";
import { containers, inputs, one, ofType } from "../support/stacks";
import { serviceLimits, taskDefinitionLimits } from "./documentedLimits";
import { describeConformance, assertNoProblems, listenerRulesByArn, requestProblems, Stack, stateString } from "./kit";
import { createService, createTargetGroup, registerTaskDefinition } from "./mapping";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const TASK_DEFINITION = AWS_TYPES.ecsTaskDefinition;
const SERVICE = AWS_TYPES.ecsService;

/** The services each stack file declares (`fargate-web:services`, or the one-service form in prod). */
const SERVICES: Record<Stack, readonly string[]> = { dev: ["web", "worker"], prod: ["web"] };

const names = (resources: readonly RecordedResource[]) => resources.map(r => r.name).sort();

/** The task definition a service runs: the one whose ARN its `taskDefinition` input names. */
function taskDefinitionOf(run: ProgramRun, service: RecordedResource): RecordedResource {
    const arn = inputs(service).taskDefinition;
    const found = ofType(run, TASK_DEFINITION).filter(td => stateString(td, "arn") === arn);
    assert.equal(found.length, 1, `service ${service.name} runs ${arn}, which ${found.length === 0 ? "no" : "more than one"} task definition of the stack has`);
    return found[0];
}

describeConformance("conformance: ECS requests", "@aws-sdk/client-ecs", (ecs, stack, runOf) => {
            it("GIVEN every task definition WHEN sent as RegisterTaskDefinition THEN the ECS model and documented limits accept it", () => {
                const taskDefinitions = ofType(runOf(), TASK_DEFINITION);
                // Non-vacuous: one task definition per service of the stack file, each walked below.
                assert.deepEqual(names(taskDefinitions), SERVICES[stack].map(s => `${s}-task`));
                const problems = taskDefinitions.flatMap(td => {
                    const mapped = registerTaskDefinition(inputs(td));
                    // Non-vacuous: the container JSON is there and is walked as ContainerDefinition.
                    assert.ok((mapped.request.containerDefinitions ?? []).length > 0, `${td.name}: no container definitions recorded`);
                    return requestProblems("RegisterTaskDefinitionRequest", mapped, ecs, taskDefinitionLimits(mapped.request)).map(p => `${td.name}: ${p}`);
                });
                assertNoProblems(`RegisterTaskDefinition (${stack})`, problems);
            });

            it("GIVEN every service WHEN sent as CreateService THEN the ECS model and documented limits accept it, against its own task definition and this stack's target groups and cluster", () => {
                const run = runOf();
                const services = ofType(run, SERVICE);
                assert.deepEqual(names(services), SERVICES[stack].map(s => `${s}-service`));
                const targetGroups = Object.fromEntries(
                    ofType(run, AWS_TYPES.lbTargetGroup).map(tg => [
                        stateString(tg, "arn"),
                        createTargetGroup(inputs(tg), stateString(tg, "name"), stateString(tg, "arn")).request.create,
                    ]),
                );
                const clusterCapacityProviders = inputs(one(run, AWS_TYPES.ecsClusterCapacityProviders)).capacityProviders ?? [];
                const problems = services.flatMap(service => {
                    const mapped = createService(inputs(service), stateString(service, "name"));
                    const limits = serviceLimits(mapped.request, {
                        taskDefinition: registerTaskDefinition(inputs(taskDefinitionOf(run, service))).request,
                        targetGroups,
                        clusterCapacityProviders,
                        listenerRules: listenerRulesByArn(run),
                    });
                    return requestProblems("CreateServiceRequest", mapped, ecs, limits).map(p => `${service.name}: ${p}`);
                });
                assertNoProblems(`CreateService (${stack})`, problems);
            });

            it("GIVEN every service WHEN mapped THEN assignPublicIp is the API's enum, not Pulumi's boolean", () => {
                const services = ofType(runOf(), SERVICE);
                assert.equal(services.length, SERVICES[stack].length);
                for (const service of services) {
                    const mapped = createService(inputs(service), service.name);
                    assert.match(String(mapped.request.networkConfiguration?.awsvpcConfiguration?.assignPublicIp), /^(ENABLED|DISABLED)$/, service.name);
                }
            });

            it("GIVEN the web service WHEN mapped THEN it is behind a target group on a port its container maps", () => {
                const run = runOf();
                const web = createService(inputs(one(run, SERVICE, "web-service")), "web").request;
                const [container] = registerTaskDefinition(inputs(taskDefinitionOf(run, one(run, SERVICE, "web-service")))).request.containerDefinitions ?? [];
                assert.equal(web.loadBalancers?.length, 1);
                assert.ok((container.portMappings ?? []).some(p => p.containerPort === web.loadBalancers?.[0].containerPort));
            });

            if (SERVICES[stack].includes("worker")) {
                it("GIVEN the worker WHEN mapped THEN CreateService has no load balancer or grace period and its task definition maps no port and sets no PORT", () => {
                    const run = runOf();
                    const service = one(run, SERVICE, "worker-service");
                    const worker = createService(inputs(service), "worker").request;
                    assert.deepEqual(worker.loadBalancers ?? [], []);
                    // ECS accepts healthCheckGracePeriodSeconds only for a service behind a load balancer.
                    assert.equal(worker.healthCheckGracePeriodSeconds, undefined);
                    const td = taskDefinitionOf(run, service);
                    assert.equal(td.name, "worker-task");
                    const [container, ...others] = containers(td);
                    assert.deepEqual(others, []);
                    assert.deepEqual(container.portMappings ?? [], []);
                    assert.ok(!(container.environment ?? []).some((e: { name: string }) => e.name === "PORT"), JSON.stringify(container.environment));
                });
            }
});
