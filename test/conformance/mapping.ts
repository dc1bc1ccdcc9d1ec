/**
 * Pulumi inputs → the AWS API requests the provider sends for them, member by member. Each mapping
 * destructures the inputs it knows and returns the rest as `unmapped`: a new input in the program fails the
 * conformance tests until it is mapped here, instead of escaping validation. Nested objects whose Pulumi
 * and API member names are the same pass through unchanged, so a stray key in them is reported by the
 * validator as an unknown member.
 *
 * Physical names (`Name`, `serviceName`, `PolicyName`) are auto-names: the real provider makes them, under
 * the offline harness the mocks imitate it, so they are read from the recorded state.
 *
 * The return types are the SDK's own input types: a misspelt API member here fails `tsc --noEmit`.
 */
import type { CreateServiceRequest, DeploymentLifecycleHook, RegisterTaskDefinitionRequest, UpdateServiceRequest } from "@aws-sdk/client-ecs";
import type {
    CreateListenerInput,
    CreateRuleInput,
    RuleCondition,
    CreateLoadBalancerInput,
    CreateTargetGroupInput,
    ModifyLoadBalancerAttributesInput,
    ModifyTargetGroupAttributesInput,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { CustomizedMetricSpecification, PutScalingPolicyRequest, RegisterScalableTargetRequest } from "@aws-sdk/client-application-auto-scaling";

type Inputs = Record<string, any>;

/** An API request built from a resource's inputs, and the inputs that had no mapping. */
export interface Mapped<T> {
    readonly request: T;
    readonly unmapped: string[];
}

const keys = (rest: Inputs, at = ""): string[] => Object.keys(rest).map(k => `${at}${k}`);
const ecsTags = (tags?: Record<string, string>) => tags && Object.entries(tags).map(([key, value]) => ({ key, value }));
const elbTags = (tags?: Record<string, string>) => tags && Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
/** ELBv2 attribute values are strings; the provider formats numbers and booleans with Go's strconv. */
const attribute = (Key: string, value: unknown) => (value === undefined ? [] : [{ Key, Value: String(value) }]);

/**
 * The provider's nullable integers (`bakeTimeInMinutes` and the like are strings in Pulumi, `nullable.TypeNullableInt`
 * in Terraform) as the integers it sends: `strconv.Atoi` of the text; anything else stays as it is, for the
 * model check to refuse.
 */
const nullableInt = (v: unknown) => (typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v);

/** `deploymentConfiguration` of `aws:ecs/service:Service` → the new members of ECS `DeploymentConfiguration`. */
function deploymentStrategy(inputs: Inputs | undefined, rest: string[]) {
    if (inputs === undefined) return {};
    const { strategy, bakeTimeInMinutes, canaryConfiguration, linearConfiguration, lifecycleHooks, ...other } = inputs;
    rest.push(...keys(other, "deploymentConfiguration."));
    const { canaryPercent, canaryBakeTimeInMinutes, ...canaryRest } = canaryConfiguration ?? {};
    const { stepPercent, stepBakeTimeInMinutes, ...linearRest } = linearConfiguration ?? {};
    rest.push(...keys(canaryRest, "deploymentConfiguration.canaryConfiguration."), ...keys(linearRest, "deploymentConfiguration.linearConfiguration."));
    return {
        strategy,
        bakeTimeInMinutes: nullableInt(bakeTimeInMinutes) as number,
        canaryConfiguration: canaryConfiguration && { canaryPercent, canaryBakeTimeInMinutes: nullableInt(canaryBakeTimeInMinutes) as number },
        linearConfiguration: linearConfiguration && { stepPercent, stepBakeTimeInMinutes: nullableInt(stepBakeTimeInMinutes) as number },
        lifecycleHooks: (lifecycleHooks as Inputs[] | undefined)?.map(({ targetType, hookTargetArn, roleArn, lifecycleStages, hookDetails, timeoutConfiguration, ...hookRest }, i): DeploymentLifecycleHook => {
            const { action, timeoutInMinutes, ...timeoutRest } = timeoutConfiguration ?? {};
            rest.push(...keys(hookRest, `deploymentConfiguration.lifecycleHooks[${i}].`), ...keys(timeoutRest, `deploymentConfiguration.lifecycleHooks[${i}].timeoutConfiguration.`));
            return {
                targetType,
                hookTargetArn,
                roleArn,
                lifecycleStages,
                // A JSON string in Pulumi, a JSON document in the API.
                hookDetails: hookDetails === undefined ? undefined : JSON.parse(hookDetails),
                timeoutConfiguration: timeoutConfiguration && { action, timeoutInMinutes: nullableInt(timeoutInMinutes) as number },
            };
        }),
    };
}

/** `aws:ecs/taskDefinition:TaskDefinition` → ECS `RegisterTaskDefinition`. */
export function registerTaskDefinition(inputs: Inputs): Mapped<RegisterTaskDefinitionRequest> {
    const { family, containerDefinitions, cpu, memory, networkMode, requiresCompatibilities, runtimePlatform, executionRoleArn, taskRoleArn, volumes, tags, ...rest } =
        inputs;
    const volumeRest: string[] = [];
    const request: RegisterTaskDefinitionRequest = {
        family,
        // The provider decodes this JSON into the Go SDK's ContainerDefinition list and sends that. Go's decoder
        // drops unknown members silently and matches names case-insensitively, so a misspelt setting is lost
        // rather than rejected: the strict check here is what catches it.
        containerDefinitions: typeof containerDefinitions === "string" ? JSON.parse(containerDefinitions) : containerDefinitions,
        cpu,
        memory,
        networkMode,
        requiresCompatibilities,
        runtimePlatform,
        executionRoleArn,
        taskRoleArn,
        volumes: volumes?.map(({ name, hostPath, configureAtLaunch, ...other }: Inputs, i: number) => {
            volumeRest.push(...keys(other, `volumes[${i}].`));
            return { name, host: hostPath === undefined ? undefined : { sourcePath: hostPath }, configureAtLaunch };
        }),
        tags: ecsTags(tags),
    };
    return { request, unmapped: [...keys(rest), ...volumeRest] };
}

/** `aws:ecs/service:Service` → ECS `CreateService`; `serviceName` is the service's physical name. */
export function createService(inputs: Inputs, serviceName: string): Mapped<CreateServiceRequest> {
    const {
        cluster,
        taskDefinition,
        desiredCount,
        capacityProviderStrategies,
        platformVersion,
        deploymentCircuitBreaker,
        alarms,
        deploymentMinimumHealthyPercent,
        deploymentMaximumPercent,
        healthCheckGracePeriodSeconds,
        loadBalancers,
        networkConfiguration,
        propagateTags,
        enableEcsManagedTags,
        enableExecuteCommand,
        tags,
        // Provider behaviour, not request members: UpdateService's ForceNewDeployment flag (CreateService has
        // none) and the provider polling DescribeServices until the service is stable.
        forceNewDeployment: _forceNewDeployment,
        waitForSteadyState: _waitForSteadyState,
        deploymentConfiguration: strategyConfiguration,
        ...rest
    } = inputs;
    const { subnets, securityGroups, assignPublicIp, ...networkRest } = networkConfiguration ?? {};
    const strategyRest: string[] = [];
    const request: CreateServiceRequest = {
        serviceName,
        cluster,
        taskDefinition,
        desiredCount,
        capacityProviderStrategy: capacityProviderStrategies,
        platformVersion,
        deploymentConfiguration: {
            deploymentCircuitBreaker,
            // The provider sends the service's alarms as DeploymentConfiguration.Alarms (same member names).
            alarms,
            minimumHealthyPercent: deploymentMinimumHealthyPercent,
            maximumPercent: deploymentMaximumPercent,
            // The provider merges its `deploymentConfiguration` block into the same structure.
            ...deploymentStrategy(strategyConfiguration, strategyRest),
        },
        healthCheckGracePeriodSeconds,
        loadBalancers,
        networkConfiguration: networkConfiguration && {
            awsvpcConfiguration: {
                subnets,
                securityGroups,
                // A boolean in Pulumi, the AssignPublicIp enum in the API.
                assignPublicIp: typeof assignPublicIp === "boolean" ? (assignPublicIp ? "ENABLED" : "DISABLED") : assignPublicIp,
            },
        },
        propagateTags,
        enableECSManagedTags: enableEcsManagedTags,
        enableExecuteCommand,
        tags: ecsTags(tags),
    };
    return { request, unmapped: [...keys(rest), ...keys(networkRest, "networkConfiguration."), ...strategyRest] };
}

/**
 * The same service as ECS `UpdateService`, which carries every member the provider sends on a change of
 * strategy or target groups (terraform-provider-aws `resourceServiceUpdate`); `service` is the physical name.
 */
export function updateService(inputs: Inputs, service: string): Mapped<UpdateServiceRequest> {
    const { request, unmapped } = createService(inputs, service);
    const { serviceName, cluster, taskDefinition, desiredCount, capacityProviderStrategy, platformVersion, deploymentConfiguration, healthCheckGracePeriodSeconds, loadBalancers, networkConfiguration, propagateTags, enableECSManagedTags, enableExecuteCommand } =
        request;
    return {
        request: {
            service: serviceName,
            cluster,
            taskDefinition,
            desiredCount,
            capacityProviderStrategy,
            platformVersion,
            deploymentConfiguration,
            healthCheckGracePeriodSeconds,
            loadBalancers,
            networkConfiguration,
            propagateTags,
            enableECSManagedTags,
            enableExecuteCommand,
            forceNewDeployment: inputs.forceNewDeployment,
        },
        unmapped,
    };
}

/** `aws:lb/targetGroup:TargetGroup` → ELBv2 `CreateTargetGroup` then `ModifyTargetGroupAttributes`. */
export function createTargetGroup(
    inputs: Inputs,
    name: string,
    targetGroupArn: string,
): Mapped<{ create: CreateTargetGroupInput; attributes: ModifyTargetGroupAttributesInput }> {
    const { protocol, protocolVersion, port, vpcId, targetType, ipAddressType, healthCheck, deregistrationDelay, tags, ...rest } = inputs;
    const { enabled, path, protocol: hcProtocol, port: hcPort, interval, timeout, healthyThreshold, unhealthyThreshold, matcher, ...hcRest } =
        healthCheck ?? {};
    const create: CreateTargetGroupInput = {
        Name: name,
        Protocol: protocol,
        ProtocolVersion: protocolVersion,
        Port: port,
        VpcId: vpcId,
        TargetType: targetType,
        IpAddressType: ipAddressType,
        HealthCheckEnabled: enabled,
        HealthCheckPath: path,
        HealthCheckProtocol: hcProtocol,
        HealthCheckPort: hcPort,
        HealthCheckIntervalSeconds: interval,
        HealthCheckTimeoutSeconds: timeout,
        HealthyThresholdCount: healthyThreshold,
        UnhealthyThresholdCount: unhealthyThreshold,
        Matcher: matcher === undefined ? undefined : { HttpCode: matcher },
        Tags: elbTags(tags),
    };
    const attributes: ModifyTargetGroupAttributesInput = {
        TargetGroupArn: targetGroupArn,
        Attributes: attribute("deregistration_delay.timeout_seconds", deregistrationDelay),
    };
    return { request: { create, attributes }, unmapped: [...keys(rest), ...keys(hcRest, "healthCheck.")] };
}

/** `aws:lb/loadBalancer:LoadBalancer` → ELBv2 `CreateLoadBalancer` then `ModifyLoadBalancerAttributes`. */
export function createLoadBalancer(
    inputs: Inputs,
    name: string,
    loadBalancerArn: string,
): Mapped<{ create: CreateLoadBalancerInput; attributes: ModifyLoadBalancerAttributesInput }> {
    const {
        loadBalancerType,
        internal,
        ipAddressType,
        subnets,
        securityGroups,
        idleTimeout,
        dropInvalidHeaderFields,
        enableDeletionProtection,
        desyncMitigationMode,
        accessLogs,
        tags,
        ...rest
    } = inputs;
    const { bucket, prefix, enabled, ...logsRest } = accessLogs ?? {};
    const create: CreateLoadBalancerInput = {
        Name: name,
        Type: loadBalancerType,
        // A boolean in Pulumi, the LoadBalancerSchemeEnum in the API.
        Scheme: typeof internal === "boolean" ? (internal ? "internal" : "internet-facing") : internal,
        IpAddressType: ipAddressType,
        Subnets: subnets,
        SecurityGroups: securityGroups,
        Tags: elbTags(tags),
    };
    const attributes: ModifyLoadBalancerAttributesInput = {
        LoadBalancerArn: loadBalancerArn,
        Attributes: [
            ...attribute("idle_timeout.timeout_seconds", idleTimeout),
            ...attribute("routing.http.drop_invalid_header_fields.enabled", dropInvalidHeaderFields),
            ...attribute("deletion_protection.enabled", enableDeletionProtection),
            ...attribute("routing.http.desync_mitigation_mode", desyncMitigationMode),
            ...(accessLogs
                ? [
                      ...attribute("access_logs.s3.enabled", enabled ?? true),
                      ...attribute("access_logs.s3.bucket", bucket),
                      ...attribute("access_logs.s3.prefix", prefix),
                  ]
                : []),
        ],
    };
    return { request: { create, attributes }, unmapped: [...keys(rest), ...keys(logsRest, "accessLogs.")] };
}

/** `aws:lb/listener:Listener` → ELBv2 `CreateListener`. */
export function createListener(inputs: Inputs): Mapped<CreateListenerInput> {
    const { loadBalancerArn, port, protocol, sslPolicy, certificateArn, alpnPolicy, defaultActions, tags, ...rest } = inputs;
    const actionRest: string[] = [];
    const request: CreateListenerInput = {
        LoadBalancerArn: loadBalancerArn,
        Port: port,
        Protocol: protocol,
        SslPolicy: sslPolicy,
        Certificates: certificateArn === undefined ? undefined : [{ CertificateArn: certificateArn }],
        AlpnPolicy: alpnPolicy === undefined ? undefined : [alpnPolicy],
        DefaultActions: defaultActions?.map(({ type, targetGroupArn, order, redirect, ...other }: Inputs, i: number) => {
            const { protocol: rProtocol, port: rPort, statusCode, host, path, query, ...redirectRest } = redirect ?? {};
            actionRest.push(...keys(other, `defaultActions[${i}].`), ...keys(redirectRest, `defaultActions[${i}].redirect.`));
            return {
                Type: type,
                TargetGroupArn: targetGroupArn,
                Order: order,
                RedirectConfig: redirect && { Protocol: rProtocol, Port: rPort, StatusCode: statusCode, Host: host, Path: path, Query: query },
            };
        }),
        Tags: elbTags(tags),
    };
    return { request, unmapped: [...keys(rest), ...actionRest] };
}

/** `aws:lb/listenerRule:ListenerRule` → ELBv2 `CreateRule`. */
export function createRule(inputs: Inputs): Mapped<CreateRuleInput> {
    const { listenerArn, priority, actions, conditions, tags, ...rest } = inputs;
    const nested: string[] = [];
    const request: CreateRuleInput = {
        ListenerArn: listenerArn,
        Priority: priority,
        Actions: (actions as Inputs[] | undefined)?.map(({ type, targetGroupArn, order, forward, ...other }, i) => {
            const { targetGroups, stickiness, ...forwardRest } = forward ?? {};
            nested.push(...keys(other, `actions[${i}].`), ...keys(forwardRest, `actions[${i}].forward.`));
            return {
                Type: type,
                TargetGroupArn: targetGroupArn,
                Order: order,
                ForwardConfig: forward && {
                    TargetGroups: (targetGroups as Inputs[]).map(({ arn, weight, ...groupRest }, j) => {
                        nested.push(...keys(groupRest, `actions[${i}].forward.targetGroups[${j}].`));
                        return { TargetGroupArn: arn, Weight: weight };
                    }),
                    TargetGroupStickinessConfig: stickiness && { Enabled: stickiness.enabled, DurationSeconds: stickiness.duration },
                },
            };
        }),
        Conditions: (conditions as Inputs[] | undefined)?.map(({ pathPattern, hostHeader, httpHeader, sourceIp, ...other }, i): RuleCondition => {
            nested.push(...keys(other, `conditions[${i}].`));
            // The provider sends one Field per condition block, with its config.
            if (pathPattern) return { Field: "path-pattern", PathPatternConfig: { Values: pathPattern.values } };
            if (hostHeader) return { Field: "host-header", HostHeaderConfig: { Values: hostHeader.values } };
            if (httpHeader) return { Field: "http-header", HttpHeaderConfig: { HttpHeaderName: httpHeader.httpHeaderName, Values: httpHeader.values } };
            if (sourceIp) return { Field: "source-ip", SourceIpConfig: { Values: sourceIp.values } };
            return {};
        }),
        Tags: elbTags(tags),
    };
    return { request, unmapped: [...keys(rest), ...nested] };
}

/** `aws:appautoscaling/target:Target` → Application Auto Scaling `RegisterScalableTarget`. */
export function registerScalableTarget(inputs: Inputs): Mapped<RegisterScalableTargetRequest> {
    const { serviceNamespace, resourceId, scalableDimension, minCapacity, maxCapacity, roleArn, tags, ...rest } = inputs;
    const request: RegisterScalableTargetRequest = {
        ServiceNamespace: serviceNamespace,
        ResourceId: resourceId,
        ScalableDimension: scalableDimension,
        MinCapacity: minCapacity,
        MaxCapacity: maxCapacity,
        RoleARN: roleArn,
        Tags: tags,
    };
    return { request, unmapped: keys(rest) };
}

/** `aws:appautoscaling/policy:Policy` → Application Auto Scaling `PutScalingPolicy`; `policyName` is physical. */
export function putScalingPolicy(inputs: Inputs, policyName: string): Mapped<PutScalingPolicyRequest> {
    const { policyType, serviceNamespace, resourceId, scalableDimension, targetTrackingScalingPolicyConfiguration: tt, ...rest } = inputs;
    const { targetValue, scaleInCooldown, scaleOutCooldown, disableScaleIn, predefinedMetricSpecification: metric, customizedMetricSpecification: custom, ...ttRest } = tt ?? {};
    const { predefinedMetricType, resourceLabel, ...metricRest } = metric ?? {};
    const customized = custom === undefined ? undefined : customizedMetric(custom, "targetTrackingScalingPolicyConfiguration.customizedMetricSpecification.");
    const request: PutScalingPolicyRequest = {
        PolicyName: policyName,
        PolicyType: policyType,
        ServiceNamespace: serviceNamespace,
        ResourceId: resourceId,
        ScalableDimension: scalableDimension,
        TargetTrackingScalingPolicyConfiguration: tt && {
            TargetValue: targetValue,
            ScaleInCooldown: scaleInCooldown,
            ScaleOutCooldown: scaleOutCooldown,
            DisableScaleIn: disableScaleIn,
            PredefinedMetricSpecification: metric && { PredefinedMetricType: predefinedMetricType, ResourceLabel: resourceLabel },
            CustomizedMetricSpecification: customized?.request,
        },
    };
    const at = "targetTrackingScalingPolicyConfiguration.";
    return { request, unmapped: [...keys(rest), ...keys(ttRest, at), ...keys(metricRest, `${at}predefinedMetricSpecification.`), ...(customized?.unmapped ?? [])] };
}

/**
 * `customizedMetricSpecification`: one metric (`namespace`, `metricName`, `dimensions`, `statistic`, `unit`)
 * or metric math (`metrics`, each a `TargetTrackingMetricDataQuery` with `metricStat` or `expression`).
 */
function customizedMetric(inputs: Inputs, at: string): Mapped<CustomizedMetricSpecification> {
    const { namespace, metricName, dimensions, statistic, unit, metrics, ...rest } = inputs;
    const unmapped = keys(rest, at);
    const dims = (list: Inputs[] | undefined, where: string) =>
        list?.map((d, i) => {
            const { name, value, ...dRest } = d;
            unmapped.push(...keys(dRest, `${where}[${i}].`));
            return { Name: name, Value: value };
        });
    const request: CustomizedMetricSpecification = {
        Namespace: namespace,
        MetricName: metricName,
        Dimensions: dims(dimensions, `${at}dimensions`),
        Statistic: statistic,
        Unit: unit,
        Metrics: (metrics as Inputs[] | undefined)?.map((q, i) => {
            const { id, label, returnData, expression, metricStat, ...qRest } = q;
            const qAt = `${at}metrics[${i}].`;
            unmapped.push(...keys(qRest, qAt));
            const { metric: m, stat, unit: statUnit, ...statRest } = metricStat ?? {};
            const { namespace: ns, metricName: name, dimensions: mDims, ...mRest } = m ?? {};
            unmapped.push(...keys(statRest, `${qAt}metricStat.`), ...keys(mRest, `${qAt}metricStat.metric.`));
            return {
                Id: id,
                Label: label,
                ReturnData: returnData,
                Expression: expression,
                MetricStat: metricStat && { Metric: m && { Namespace: ns, MetricName: name, Dimensions: dims(mDims, `${qAt}metricStat.metric.dimensions`) }, Stat: stat, Unit: statUnit },
            };
        }),
    };
    return { request, unmapped };
}
