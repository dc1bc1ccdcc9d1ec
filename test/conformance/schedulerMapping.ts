/**
 * Pulumi inputs of `aws:scheduler/schedule:Schedule` → the EventBridge Scheduler `CreateSchedule` request the
 * provider sends, as terraform-provider-aws `internal/service/scheduler/flex.go` builds it (`expandTarget`,
 * `expandECSParameters`, `expandNetworkConfiguration`: `assign_public_ip` true/false → ENABLED/DISABLED,
 * the subnets and groups under `awsvpcConfiguration`). Unmapped inputs are returned, as in `mapping.ts`.
 */
import type { CreateScheduleInput, EcsParameters, Target } from "@aws-sdk/client-scheduler";
import type { Mapped } from "./mapping";

type Inputs = Record<string, any>;

const keys = (rest: Inputs, at = ""): string[] => Object.keys(rest).map(k => `${at}${k}`);

function ecsParameters(inputs: Inputs, unmapped: string[]): EcsParameters {
    const {
        taskDefinitionArn,
        taskCount,
        launchType,
        capacityProviderStrategies,
        platformVersion,
        networkConfiguration,
        enableEcsManagedTags,
        enableExecuteCommand,
        propagateTags,
        group,
        referenceId,
        ...rest
    } = inputs;
    unmapped.push(...keys(rest, "target.ecsParameters."));
    let network: EcsParameters["NetworkConfiguration"];
    if (networkConfiguration) {
        const { subnets, securityGroups, assignPublicIp, ...other } = networkConfiguration as Inputs;
        unmapped.push(...keys(other, "target.ecsParameters.networkConfiguration."));
        network = {
            awsvpcConfiguration: {
                Subnets: subnets,
                SecurityGroups: securityGroups,
                AssignPublicIp: assignPublicIp === undefined ? undefined : assignPublicIp ? "ENABLED" : "DISABLED",
            },
        };
    }
    return {
        TaskDefinitionArn: taskDefinitionArn,
        TaskCount: taskCount,
        LaunchType: launchType,
        CapacityProviderStrategy: capacityProviderStrategies,
        PlatformVersion: platformVersion,
        NetworkConfiguration: network,
        EnableECSManagedTags: enableEcsManagedTags,
        EnableExecuteCommand: enableExecuteCommand,
        PropagateTags: propagateTags,
        Group: group,
        ReferenceId: referenceId,
    };
}

/** `aws:scheduler/schedule:Schedule` → Scheduler `CreateSchedule`; `name` is the provider's (from state). */
export function createSchedule(inputs: Inputs, name: string): Mapped<CreateScheduleInput> {
    const { groupName, scheduleExpression, scheduleExpressionTimezone, description, state, flexibleTimeWindow, target, ...rest } = inputs;
    const unmapped = keys(rest);
    const { arn, roleArn, retryPolicy, ecsParameters: ecs, input, deadLetterConfig, ...targetRest } = (target ?? {}) as Inputs;
    unmapped.push(...keys(targetRest, "target."));
    const request: CreateScheduleInput = {
        Name: name,
        GroupName: groupName,
        ScheduleExpression: scheduleExpression,
        ScheduleExpressionTimezone: scheduleExpressionTimezone,
        Description: description,
        State: state,
        FlexibleTimeWindow: flexibleTimeWindow && { Mode: flexibleTimeWindow.mode, MaximumWindowInMinutes: flexibleTimeWindow.maximumWindowInMinutes },
        Target: {
            Arn: arn,
            RoleArn: roleArn,
            Input: input,
            DeadLetterConfig: deadLetterConfig && { Arn: deadLetterConfig.arn },
            RetryPolicy: retryPolicy && { MaximumRetryAttempts: retryPolicy.maximumRetryAttempts, MaximumEventAgeInSeconds: retryPolicy.maximumEventAgeInSeconds },
            EcsParameters: ecs && ecsParameters(ecs, unmapped),
        } satisfies Target,
    };
    return { request: JSON.parse(JSON.stringify(request)) as CreateScheduleInput, unmapped };
}
