/**
 * Which inputs force a new resource, per resource type the stacks use. The installed type declarations do
 * not say it: the bridged provider decides it from the upstream Terraform schema (`ForceNew`,
 * `RequiresReplace`) and from its `CustomizeDiff` / `ModifyPlan` functions. Each row cites that source; a type
 * missing here is reported as "replacement not determinable offline", never guessed, and so is a change of an
 * input the upstream source read does not have (`unverified`).
 *
 * Input names are the Pulumi (camelCase) names of the upstream attributes; blocks take the plural Pulumi name.
 * A replace-on-change input that is `Optional` + `Computed` upstream keeps its value when it is removed from the
 * program (the plan takes the prior state), so only a new value replaces (`keptWhenRemoved`).
 *
 * Upstream version. `@pulumi/aws` 7.48.0 (pinned in package.json, published to npm 2026-09-22) bridges
 * hashicorp/terraform-provider-aws v6 at v6.46.0 or later: pulumi/pulumi-aws#6392 "Upgrade
 * terraform-provider-aws to v6.46.0" merged 2026-05-22, before 7.48.0 was published. The exact tag could
 * not be read here (no release notes or `upstream` submodule pointer for 7.48.0 in the stored material); the
 * upper bound is the v6 release current on 2026-09-22. The installed declarations hold inputs newer than
 * some stored upstream files (`aws_lb` `enable_prefix_for_ipv6_source_nat`, `health_check_logs`,
 * `secondary_ips_auto_assigned_per_subnet`; `aws_acm_certificate` `private_key_wo`; `aws_s3_bucket`
 * `bucket_namespace`; `aws_lb_target_group` `target_control_port`; `aws_cloudwatch_log_group`
 * `deletion_protection_enabled`; `aws_flow_log` `tag_field_specifications`; `aws_secretsmanager_secret`
 * `type`): those are `unverified` below.
 *
 * Upstream files read (stored copies of hashicorp/terraform-provider-aws; commit as `read_file` reports it;
 * "by content" where the path look-up returned a pre-v6 copy and the v6 text was found by a string it holds):
 * - internal/provider/sdkv2/region.go 0073593e7d6993ba482409f4dc35438daaa79bb3; framework region interceptor by content
 * - ecs/service.go by content (v6: `@Testing(preIdentityVersion="v6.33.0")`; the path gave pre-v6 00a919d1, 8a0b630a)
 * - ecs/cluster.go 00a35305dc1b297a6fcdecdfbba33f1e63c3da39; ecs/task_definition.go by content (spot check);
 *   ecs/cluster_capacity_providers.go 0619e62a2f25aefdfc36b5c74a98d9f6dcc6d794 (pre-v6 copy)
 * - elbv2/load_balancer.go 00edc94be7a89c4c485415cdec27094875f61bfc; elbv2/target_group.go
 *   013cfb4cddc9c44a28f34abad0c11768bcdb9b85; elbv2/listener.go by content (the path gave pre-v6 01c08000)
 * - ecr/repository.go by content (v6 `preIdentityVersion="v6.10.0"`; the path gave pre-v6 0072eea2)
 * - cloudwatch/metric_alarm.go 055611a654738da73e7b1e2b5d2b7672c6d4d531; cloudwatch/dashboard.go
 *   0620f2a6a126dfcbc4aecbc9a117b0fbea1656ff; sns/topic.go 00a35305dc1b297a6fcdecdfbba33f1e63c3da39
 * - events/rule.go 0cdab4ae09a963535e03dde0bff4784afe8e3517; events/target.go 0762c41e2027fcd3cb8340d3e6886c6975fc0a59
 *   (pre-v6 copy); sns/topic_policy.go 00a35305dc1b297a6fcdecdfbba33f1e63c3da39
 * - logs/group.go 0073593e7d6993ba482409f4dc35438daaa79bb3; kms/key.go and ec2/vpc_flow_log.go
 *   00a35305dc1b297a6fcdecdfbba33f1e63c3da39
 * - ec2/vpc_security_group.go 01606926a0c0ab9174aec440f976a48b0baee722; ec2/vpc_security_group_rule.go
 *   0d90774d0fdd40607cbf3b07cbab20b95c481163 (pre-v6 copy) and, for `aws_vpc_security_group_*_rule`, the v6
 *   `securityGroupRuleResource.ModifyPlan` by content (the path gave pre-v6 00a32209)
 * - s3/bucket_server_side_encryption_configuration.go, s3/bucket_public_access_block.go 01606926a0c0ab9174aec440f976a48b0baee722
 * - route53/record.go 00655c1681ea1e49ab10cd32d3f8bee372b2095b; acm/certificate.go
 *   01661ea3cbe6b07ed725b03c587d24ceb464484a; acm/certificate_validation.go 004eea7f9b6658d88d652e89e10c7520a10ad6b8
 * - secretsmanager/secret_version.go 0042e8ea0de293c6cd8b003f89f7f4d2fb5fcf31; secretsmanager/secret.go
 *   00c21cedec069dd27093b175baf15bac6d4b30fe
 * - appautoscaling/target.go 0105d2191ae7e43ba37ba011b916843eddf361ed; appautoscaling/policy.go by content (v6)
 * - scheduler/schedule.go 02f524b9e9cc109457eeba63867c83e70af99455 (v6: `@IdentityAttribute("group_name")`)
 * - iam/role.go 0040ea6911af00bea2cca6dbb14e86829826ad8e, iam/role_policy.go 02f97af85f89a04e8ed89f5e8b64a9a67f3cfe07,
 *   iam/role_policy_attachment.go 04c79849dbe7fbe76c3054b364357bcdaade9ac5 (pre-v6 copies)
 * - ec2/vpc_default_security_group.go 01f431114674c27cf790fafb67ac274bf8f765e1; ecr/lifecycle_policy.go
 *   00a35305dc1b297a6fcdecdfbba33f1e63c3da39; elbv2/listener_rule.go 032c4f076a6cb8e54a85cb60f237cb80ab18b36b
 * - s3/bucket.go by content (v5.x-v6 text: `object_lock_configuration is deprecated`); s3/bucket_policy.go
 *   0073593e7d6993ba482409f4dc35438daaa79bb3; s3/bucket_ownership_controls.go 01c08000ddb14181b5bd19201d8fca311dc570e4
 *   (pre-v6 copy); s3/bucket_lifecycle_configuration.go 01606926a0c0ab9174aec440f976a48b0baee722
 * Where only a pre-v6 copy was read, the v6 attributes the installed declarations name were checked against it
 * and anything newer is `unverified`.
 */
import { Condition, Inputs, nestedObjectLockChanges, networkSecurityGroupsToggled, networkSubnetsShrink, regionChanges, RULE_SOURCE_INPUTS, ruleSourceTypeChanges, secondaryIpsDecrease, subnetMappingsRewritten } from "./replaceConditions";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

/** How one resource type reacts to changed inputs. */
export interface ReplaceRule {
    readonly type: string;
    /** `replace`: a new resource replaces the old one; `new-revision`: an immutable resource gets a new revision. */
    readonly effect: "replace" | "new-revision";
    /** True when this change of `input` (from the `before` inputs to the new `inputs`) forces the effect. */
    readonly forcesReplacement: (input: string, inputs?: Inputs, before?: Inputs) => boolean;
    /** True when a change of `input` forces the effect for some values: used when its new value is not known offline. */
    readonly mayForceReplacement: (input: string) => boolean;
    /** Why the effect of this change of `input` cannot be told offline; undefined when it can. */
    readonly undeterminedBecause: (input: string, inputs?: Inputs, before?: Inputs) => string | undefined;
    /** The provider's error when it refuses a change of `input` to an existing resource; undefined when it accepts it. */
    readonly refusal: (input: string, inputs?: Inputs) => string | undefined;
    /** Upstream source of the rule. */
    readonly source: string;
}

/** One row as written below. */
interface Row {
    readonly types: readonly string[];
    readonly effect?: ReplaceRule["effect"];
    /** Inputs that force the effect (`ForceNew`, `RequiresReplace`). */
    readonly replaceOn?: readonly string[];
    /** Every input forces the effect except these. */
    readonly allBut?: readonly string[];
    /** Inputs that force the effect only for some changes, judged on the old and new inputs together. */
    readonly replaceWhen?: Readonly<Record<string, Condition>>;
    /**
     * Replace-on-change inputs that are `Optional` + `Computed` (or a block whose absence is diff-suppressed):
     * removing one keeps the value the resource has, so the removal alone forces nothing.
     */
    readonly keptWhenRemoved?: readonly string[];
    /** Inputs the installed `@pulumi/aws` declares but the upstream source read does not have: not determinable offline. */
    readonly unverified?: readonly string[];
    /** A global service's resource (IAM, Route 53): it has no per-resource region. */
    readonly global?: true;
    /** Inputs whose change to an existing resource the provider refuses at plan time, with its error, under a condition. */
    readonly refuses?: Readonly<Record<string, (inputs: Inputs) => string | undefined>>;
    readonly source: string;
}

/** terraform-provider-aws, the upstream of the `@pulumi/aws` major version pinned in package.json (7.x bridges v6). */
const TF = "hashicorp/terraform-provider-aws v6";

/** Why an `unverified` input's change is not determinable offline. */
const UNVERIFIED = (input: string) => `${input} is newer than the upstream source read: whether its change forces a replacement is not known offline`;

/**
 * The table. `region` (provider v6's per-resource region) forces replacement on every regional type through
 * {@link regionChanges}; it is added to each row below rather than repeated.
 */
export const REPLACE_ON_CHANGE_ROWS: readonly Row[] = [
    {
        types: [AWS_TYPES.ecsTaskDefinition],
        effect: "new-revision",
        allBut: ["tags", "skipDestroy", "trackLatest"],
        source: `${TF} internal/service/ecs/task_definition.go: every argument ForceNew (e.g. container_definitions, cpu, enable_fault_injection, ephemeral_storage) except tags, skip_destroy and track_latest (task definitions are immutable; a change registers a new revision)`,
    },
    {
        types: [AWS_TYPES.ecsService],
        replaceOn: ["name", "cluster", "iamRole", "launchType", "schedulingStrategy"],
        keptWhenRemoved: ["cluster", "iamRole", "launchType"],
        refuses: {
            // capacityProviderStrategyCustomizeDiff: `d.Id() != "" && d.HasChange(capacity_provider_strategy)`
            // without force_new_deployment returns this error; with it the strategy updates in place.
            capacityProviderStrategies: inputs => (inputs.forceNewDeployment === true ? undefined : "force_new_deployment should be true when capacity_provider_strategy is being updated"),
        },
        source: `${TF} internal/service/ecs/service.go: ForceNew on name, cluster, iam_role, launch_type, scheduling_strategy (deployment_controller, load_balancer, ordered_placement_strategy, service_registries and the rest update in place through UpdateService); capacityProviderStrategyCustomizeDiff fails the plan when capacity_provider_strategy changes on an existing service without force_new_deployment`,
    },
    {
        types: [AWS_TYPES.schedulerSchedule],
        replaceOn: ["name", "namePrefix", "groupName"],
        keptWhenRemoved: ["name", "namePrefix", "groupName"],
        source: `${TF} internal/service/scheduler/schedule.go: ForceNew on name, name_prefix and group_name (each Optional + Computed); the expression, time zone, state and target update in place through UpdateSchedule`,
    },
    {
        types: [AWS_TYPES.ecsCluster],
        replaceOn: ["name"],
        source: `${TF} internal/service/ecs/cluster.go: ForceNew on name`,
    },
    {
        types: [AWS_TYPES.ecsClusterCapacityProviders],
        replaceOn: ["clusterName"],
        source: `${TF} internal/service/ecs/cluster_capacity_providers.go: ForceNew on cluster_name (capacity_providers and default_capacity_provider_strategy are put in place)`,
    },
    {
        types: [AWS_TYPES.lbLoadBalancer, AWS_TYPES.albLoadBalancer],
        replaceOn: ["name", "namePrefix", "internal", "loadBalancerType", "customerOwnedIpv4Pool"],
        keptWhenRemoved: ["name", "namePrefix", "internal"],
        replaceWhen: {
            subnets: networkSubnetsShrink,
            subnetMappings: subnetMappingsRewritten,
            securityGroups: networkSecurityGroupsToggled,
            secondaryIpsAutoAssignedPerSubnet: secondaryIpsDecrease,
        },
        unverified: ["enablePrefixForIpv6SourceNat", "healthCheckLogs"],
        source: `${TF} internal/service/elbv2/load_balancer.go: ForceNew on name, name_prefix, internal, load_balancer_type, customer_owned_ipv4_pool; customizeDiffLoadBalancerNLB forces new when a network load balancer's subnets keep or lower their number, its subnet_mapping loses or changes a mapping, or its security_groups go from none to some or some to none; customizeDiffLoadBalancerALB forces new when an application load balancer's subnet_mapping changes other than by pure addition or removal; secondary_ips_auto_assigned_per_subnet forces new when lowered (installed @pulumi/aws declaration)`,
    },
    {
        types: [AWS_TYPES.lbTargetGroup, AWS_TYPES.albTargetGroup],
        replaceOn: ["name", "namePrefix", "port", "protocol", "protocolVersion", "targetType", "vpcId", "ipAddressType"],
        keptWhenRemoved: ["name", "namePrefix", "protocolVersion", "ipAddressType"],
        unverified: ["targetControlPort"],
        source: `${TF} internal/service/elbv2/target_group.go: ForceNew on name, name_prefix, port, protocol, protocol_version, target_type, vpc_id, ip_address_type (its CustomizeDiff functions only validate)`,
    },
    {
        types: [AWS_TYPES.lbListener, AWS_TYPES.albListener],
        replaceOn: ["loadBalancerArn"],
        source: `${TF} internal/service/elbv2/listener.go: ForceNew on load_balancer_arn (port, protocol, certificate, default_action and the routing_http_* attributes are modified in place)`,
    },
    {
        types: [AWS_TYPES.lbListenerRule, AWS_TYPES.albListenerRule],
        replaceOn: ["listenerArn"],
        source: `${TF} internal/service/elbv2/listener_rule.go: ForceNew on listener_arn`,
    },
    {
        types: [AWS_TYPES.ecrRepository],
        replaceOn: ["name", "encryptionConfigurations"],
        keptWhenRemoved: ["encryptionConfigurations"],
        source: `${TF} internal/service/ecr/repository.go: ForceNew on name and on encryption_configuration (encryption_type, kms_key)`,
    },
    {
        types: [AWS_TYPES.ecrLifecyclePolicy],
        replaceOn: ["repository", "policy"],
        source: `${TF} internal/service/ecr/lifecycle_policy.go: ForceNew on repository and policy (the resource has no update: a new policy is a new resource)`,
    },
    {
        types: [AWS_TYPES.cloudwatchLogGroup],
        replaceOn: ["name", "namePrefix", "logGroupClass"],
        keptWhenRemoved: ["name", "namePrefix", "logGroupClass"],
        unverified: ["deletionProtectionEnabled"],
        source: `${TF} internal/service/logs/group.go: ForceNew on name, name_prefix, log_group_class (kms_key_id and retention_in_days update in place)`,
    },
    {
        types: [AWS_TYPES.cloudwatchMetricAlarm],
        replaceOn: ["name"],
        source: `${TF} internal/service/cloudwatch/metric_alarm.go: ForceNew on alarm_name only (every other argument is sent again by PutMetricAlarm in place)`,
    },
    {
        types: [AWS_TYPES.cloudwatchDashboard],
        replaceOn: ["dashboardName"],
        source: `${TF} internal/service/cloudwatch/dashboard.go: ForceNew on dashboard_name (dashboard_body is put in place)`,
    },
    {
        types: [AWS_TYPES.snsTopic],
        replaceOn: ["name", "namePrefix", "fifoTopic"],
        keptWhenRemoved: ["name", "namePrefix"],
        source: `${TF} internal/service/sns/topic.go: ForceNew on name, name_prefix (Optional + Computed) and fifo_topic; kms_master_key_id and the other attributes are set in place`,
    },
    {
        types: [AWS_TYPES.cloudwatchEventRule],
        replaceOn: ["name", "namePrefix", "eventBusName"],
        keptWhenRemoved: ["name", "namePrefix"],
        source: `${TF} internal/service/events/rule.go: ForceNew on name, name_prefix (Optional + Computed) and event_bus_name; the pattern, description and state are put in place by PutRule`,
    },
    {
        types: [AWS_TYPES.cloudwatchEventTarget],
        replaceOn: ["rule", "targetId", "eventBusName"],
        keptWhenRemoved: ["targetId"],
        unverified: ["appsyncTarget"],
        source: `${TF} internal/service/events/target.go: ForceNew on rule, target_id (Optional + Computed) and event_bus_name; the ARN, input and input_transformer are put in place by PutTargets`,
    },
    {
        types: [AWS_TYPES.snsTopicPolicy],
        replaceOn: ["arn"],
        source: `${TF} internal/service/sns/topic_policy.go: ForceNew on arn; the policy is set in place (SetTopicAttributes), and deleting it restores SNS's default policy`,
    },
    {
        types: [AWS_TYPES.iamRole],
        global: true,
        replaceOn: ["name", "namePrefix", "path"],
        keptWhenRemoved: ["name", "namePrefix"],
        source: `${TF} internal/service/iam/role.go: ForceNew on name, name_prefix, path`,
    },
    {
        types: [AWS_TYPES.iamRolePolicy],
        global: true,
        replaceOn: ["name", "namePrefix", "role"],
        keptWhenRemoved: ["name", "namePrefix"],
        source: `${TF} internal/service/iam/role_policy.go: ForceNew on name, name_prefix, role`,
    },
    {
        types: [AWS_TYPES.iamRolePolicyAttachment],
        global: true,
        replaceOn: ["role", "policyArn"],
        source: `${TF} internal/service/iam/role_policy_attachment.go: ForceNew on role, policy_arn`,
    },
    {
        types: [AWS_TYPES.ec2SecurityGroup],
        replaceOn: ["name", "namePrefix", "description", "vpcId"],
        keptWhenRemoved: ["name", "namePrefix", "vpcId"],
        source: `${TF} internal/service/ec2/vpc_security_group.go: ForceNew on name, name_prefix, description, vpc_id`,
    },
    {
        types: [AWS_TYPES.ec2DefaultSecurityGroup],
        replaceOn: ["vpcId"],
        keptWhenRemoved: ["vpcId"],
        source: `${TF} internal/service/ec2/vpc_default_security_group.go: ForceNew on vpc_id`,
    },
    {
        types: [AWS_TYPES.ec2SecurityGroupRule],
        allBut: ["description"],
        source: `${TF} internal/service/ec2/vpc_security_group_rule.go: every argument ForceNew except description`,
    },
    {
        types: [AWS_TYPES.vpcSecurityGroupIngressRule, AWS_TYPES.vpcSecurityGroupEgressRule],
        replaceOn: ["securityGroupId"],
        replaceWhen: Object.fromEntries(RULE_SOURCE_INPUTS.map(input => [input, ruleSourceTypeChanges])),
        source: `${TF} internal/service/ec2/vpc_security_group_ingress_rule.go, vpc_security_group_rule.go: RequiresReplace on security_group_id; ModifyPlan requires a replacement when the rule's source type changes (cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id); other changes are modified in place (ModifySecurityGroupRules)`,
    },
    {
        types: [AWS_TYPES.ec2FlowLog],
        allBut: ["tags"],
        keptWhenRemoved: ["logDestination", "logFormat"],
        unverified: ["tagFieldSpecifications"],
        source: `${TF} internal/service/ec2/vpc_flow_log.go: every argument ForceNew except tags (the update function changes tags only)`,
    },
    {
        types: [AWS_TYPES.s3Bucket, AWS_TYPES.s3BucketV2],
        replaceOn: ["bucket", "bucketPrefix", "objectLockEnabled"],
        keptWhenRemoved: ["bucket", "bucketPrefix", "objectLockEnabled"],
        replaceWhen: { objectLockConfiguration: nestedObjectLockChanges },
        unverified: ["bucketNamespace"],
        source: `${TF} internal/service/s3/bucket.go: ForceNew on bucket, bucket_prefix, object_lock_enabled and on object_lock_configuration.object_lock_enabled (the deprecated block's rule updates in place)`,
    },
    {
        types: [
            AWS_TYPES.s3BucketPolicy,
            AWS_TYPES.s3BucketPublicAccessBlock,
            AWS_TYPES.s3BucketOwnershipControls,
        ],
        replaceOn: ["bucket"],
        source: `${TF} internal/service/s3/bucket_policy.go, bucket_public_access_block.go, bucket_ownership_controls.go: ForceNew on bucket`,
    },
    {
        types: [
            AWS_TYPES.s3BucketServerSideEncryptionConfiguration,
            AWS_TYPES.s3BucketLifecycleConfiguration,
        ],
        replaceOn: ["bucket", "expectedBucketOwner"],
        keptWhenRemoved: ["expectedBucketOwner"],
        source: `${TF} internal/service/s3/bucket_server_side_encryption_configuration.go, bucket_lifecycle_configuration.go: ForceNew (RequiresReplace) on bucket, expected_bucket_owner`,
    },
    {
        types: [AWS_TYPES.route53Record],
        global: true,
        replaceOn: ["zoneId", "name"],
        source: `${TF} internal/service/route53/record.go: ForceNew on zone_id and name (type, set_identifier, records, ttl, alias and routing policies change in place through ChangeResourceRecordSets)`,
    },
    {
        types: [AWS_TYPES.acmCertificate],
        replaceOn: ["domainName", "subjectAlternativeNames", "validationMethod", "validationOptions", "keyAlgorithm", "certificateAuthorityArn"],
        keptWhenRemoved: ["domainName", "subjectAlternativeNames", "validationMethod", "keyAlgorithm"],
        unverified: ["privateKeyWo", "privateKeyWoVersion"],
        source: `${TF} internal/service/acm/certificate.go: ForceNew on domain_name, subject_alternative_names, validation_method, validation_option, key_algorithm, certificate_authority_arn (options, early_renewal_duration and an imported certificate's body, chain and key update in place)`,
    },
    {
        types: [AWS_TYPES.acmCertificateValidation],
        replaceOn: ["certificateArn", "validationRecordFqdns"],
        source: `${TF} internal/service/acm/certificate_validation.go: ForceNew on certificate_arn, validation_record_fqdns (the resource has no update)`,
    },
    {
        types: [AWS_TYPES.appautoscalingTarget],
        replaceOn: ["resourceId", "scalableDimension", "serviceNamespace"],
        source: `${TF} internal/service/appautoscaling/target.go: ForceNew on resource_id, scalable_dimension, service_namespace`,
    },
    {
        types: [AWS_TYPES.appautoscalingPolicy],
        replaceOn: ["name", "resourceId", "scalableDimension", "serviceNamespace"],
        source: `${TF} internal/service/appautoscaling/policy.go: ForceNew on name, resource_id, scalable_dimension, service_namespace`,
    },
    {
        types: [AWS_TYPES.secretsmanagerSecret],
        replaceOn: ["name", "namePrefix"],
        keptWhenRemoved: ["name", "namePrefix"],
        unverified: ["type"],
        source: `${TF} internal/service/secretsmanager/secret.go: ForceNew on name, name_prefix`,
    },
    {
        types: [AWS_TYPES.secretsmanagerSecretVersion],
        replaceOn: ["secretId", "secretString", "secretBinary", "secretStringWoVersion"],
        source: `${TF} internal/service/secretsmanager/secret_version.go: ForceNew on secret_id, secret_string, secret_binary, secret_string_wo_version (a new value is a new version; version_stages move in place)`,
    },
    {
        types: [AWS_TYPES.kmsKey],
        replaceOn: ["customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId", "xksKeyId"],
        keptWhenRemoved: ["multiRegion"],
        source: `${TF} internal/service/kms/key.go: ForceNew on customer_master_key_spec, key_usage, multi_region, custom_key_store_id, xks_key_id`,
    },
];

function ruleOf(row: Row, type: string): ReplaceRule {
    const replaceOn = new Set(row.replaceOn ?? []);
    const allBut = row.allBut && new Set(row.allBut);
    const unverified = new Set(row.unverified ?? []);
    const kept = new Set(row.keptWhenRemoved ?? []);
    const removed = (input: string, now: Inputs, before: Inputs): boolean => kept.has(input) && now[input] == null && before[input] != null;
    const conditions: Readonly<Record<string, Condition>> = { ...row.replaceWhen, ...(row.global ? {} : { region: regionChanges }) };
    const judged = (input: string, now: Inputs, before: Inputs): boolean | string =>
        unverified.has(input)
            ? UNVERIFIED(input)
            : removed(input, now, before)
              ? false
            : Object.hasOwn(conditions, input)
              ? conditions[input](now, before)
              : allBut
                ? !allBut.has(input)
                : replaceOn.has(input);
    return {
        type,
        effect: row.effect ?? "replace",
        refusal: (input, inputs = {}) => row.refuses?.[input]?.(inputs),
        forcesReplacement: (input, inputs = {}, before = {}) => judged(input, inputs, before) === true,
        mayForceReplacement: input => !unverified.has(input) && (Object.hasOwn(conditions, input) || (allBut ? !allBut.has(input) : replaceOn.has(input))),
        undeterminedBecause: (input, inputs = {}, before = {}) => {
            const verdict = judged(input, inputs, before);
            return typeof verdict === "string" ? verdict : undefined;
        },
        source: row.source,
    };
}

const RULES: ReadonlyMap<string, ReplaceRule> = new Map(REPLACE_ON_CHANGE_ROWS.flatMap(row => row.types.map(type => [type, ruleOf(row, type)] as const)));

/** The rule for `type`, or undefined when the table has none (replacement not determinable offline). */
export const replaceRuleFor = (type: string): ReplaceRule | undefined => RULES.get(type);
