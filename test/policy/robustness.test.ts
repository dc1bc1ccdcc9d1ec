/**
 * Robustness of the whole pack: every resource policy over every baseline (of any group, since a policy may
 * match several types) with each field in turn unknown, deleted, null or mistyped, and every stack policy
 * over the combined baseline stack with one resource mutated at a time. The harness rethrows anything but
 * `UnknownValueError`, so a resolved evaluation means the policy coped; messages must stay readable.
 */
import * as assert from "node:assert/strict";
import { PolicyPackConfig } from "@pulumi/policy";
import { fixture } from "../../harness/fixtures";
import { evaluatePack, PackDefinition } from "../../harness/policyEngine";
import { RecordedResource } from "../../harness/types";
import { policies } from "../../policy/pack";
import { ecsBaselines, ecsStack } from "./baselines/ecs";
import { IDS, ARNS, networkBaselines } from "./baselines/network";
import { mutationsOf } from "./mutations";
import { AWSX_TYPES, AWS_TYPES } from "../../policy/facts/typeTokens";
import { EVENT_TARGET, SCHEDULE, eventTargetInputs, scheduleInputs, scheduledStack } from "./scheduler/kit";
import { SERVICE } from "./baselines/ecs";

/** Baselines beyond one per type: scheduled-task targets, and a service with Service Connect (TLS and logs). */
const EXTRA_BASELINES: [string, Record<string, unknown>][] = [
    [SCHEDULE, scheduleInputs],
    [EVENT_TARGET, eventTargetInputs],
    [
        SCHEDULE,
        {
            ...scheduleInputs,
            target: {
                arn: "arn:aws:scheduler:::aws-sdk:ecs:runTask",
                roleArn: scheduleInputs.target.roleArn,
                input: JSON.stringify({ taskDefinition: scheduleInputs.target.ecsParameters.taskDefinitionArn, networkConfiguration: { awsvpcConfiguration: { assignPublicIp: "DISABLED" } } }),
            },
        },
    ],
    [
        SERVICE,
        {
            ...ecsBaselines[SERVICE],
            serviceConnectConfiguration: {
                enabled: true,
                namespace: "web.local",
                logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web" } },
                services: [{ portName: "http", tls: { issuerCertAuthority: { awsPcaAuthorityArn: "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/1" } } }],
            },
        },
    ],
];

const resourcePolicies = policies.filter(p => "validateResource" in p);
const stackPolicies = policies.filter(p => "validateStack" in p);
const remediateAll: PolicyPackConfig = Object.fromEntries(
    policies.filter(p => "remediateResource" in p && p.remediateResource).map(p => [p.name, "remediate"]),
);

/** The network baselines as one stack, wired the way the program's state would be. */
function networkStack(): RecordedResource[] {
    const state: Record<string, Record<string, unknown>> = {
        [AWS_TYPES.lbLoadBalancer]: { arn: ARNS.loadBalancer },
        [AWS_TYPES.albLoadBalancer]: { arn: ARNS.loadBalancer },
        [AWS_TYPES.ec2Vpc]: { id: IDS.vpc },
    };
    return [
        ...Object.entries(networkBaselines).map(([type, inputs], i) => fixture(type, `n${i}`, inputs, { state: state[type] ?? {} })),
        { ...fixture(AWSX_TYPES.ec2Vpc, "net", {}, { state: { vpcId: IDS.vpc } }), component: true },
    ];
}

function assertReadable(details: string[], label: string) {
    for (const detail of details) {
        assert.doesNotMatch(detail, /\[object Object\]|\bundefined\b|\bNaN\b/, `${label}: ${detail}`);
    }
}

describe("every policy of the pack survives malformed and unknown inputs", () => {
    const resourcePack: PackDefinition = { name: "robustness", policies: resourcePolicies };
    const stackPack: PackDefinition = { name: "robustness", policies: stackPolicies };

    it("GIVEN each group's baselines as a stack THEN no policy of the pack reports anything", async () => {
        for (const stack of [ecsStack(), networkStack(), scheduledStack()]) {
            const result = await evaluatePack({ name: "robustness", policies }, stack);
            assert.deepEqual(result.diagnostics.map(d => `${d.policyName}: ${d.detail}`), []);
        }
    });

    for (const [type, inputs] of [...Object.entries({ ...ecsBaselines, ...networkBaselines }), ...EXTRA_BASELINES]) {
        it(`GIVEN ${type}${inputs.serviceConnectConfiguration ? " (Service Connect)" : ""} with each field unknown, deleted, null or mistyped THEN every resource policy (and remediation) resolves`, async () => {
            for (const mutation of mutationsOf(inputs)) {
                const resource = fixture(type, "mutated", mutation.inputs);
                for (const config of [{}, remediateAll]) {
                    const result = await evaluatePack(resourcePack, [resource], config).catch(e => {
                        throw new Error(`${type} ${mutation.label}: ${e instanceof Error ? e.message : e}`);
                    });
                    assertReadable(result.diagnostics.map(d => d.detail), `${type} ${mutation.label}`);
                }
            }
        });
    }

    for (const [label, build] of [["ECS", ecsStack], ["network", networkStack], ["scheduled-task", scheduledStack]] as const) {
        it(`GIVEN the ${label} baseline stack with one resource mutated at a time THEN every stack policy resolves`, async () => {
            const base = build();
            for (let i = 0; i < base.length; i++) {
                for (const mutation of mutationsOf(base[i].state)) {
                    const resources = [...base];
                    resources[i] = { ...base[i], state: mutation.inputs, inputs: {} };
                    const result = await evaluatePack(stackPack, resources).catch(e => {
                        throw new Error(`${base[i].type} ${mutation.label}: ${e instanceof Error ? e.message : e}`);
                    });
                    assertReadable(result.diagnostics.map(d => d.detail), `${base[i].type} ${mutation.label}`);
                }
            }
        });
    }
});
