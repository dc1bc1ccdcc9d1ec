/**
 * Which inputs force a new resource, per resource type the stacks use. The installed type declarations do
 * not say it: the bridged provider decides it from the upstream Terraform schema (`ForceNew`,
 * `RequiresReplace`) and from its `CustomizeDiff` functions. Each row cites that source; a type missing
 * here is reported as "replacement not determinable offline", never guessed.
 *
 * Input names are the Pulumi (camelCase) names of the upstream attributes.
 */

/** How one resource type reacts to changed inputs. */
export interface ReplaceRule {
    readonly type: string;
    /** `replace`: a new resource replaces the old one; `new-revision`: an immutable resource gets a new revision. */
    readonly effect: "replace" | "new-revision";
    /** True when a change of `input` forces the effect (given the resource's new inputs). */
    readonly forcesReplacement: (input: string, inputs?: Readonly<Record<string, unknown>>) => boolean;
    /** The provider's error when it refuses a change of `input` to an existing resource; undefined when it accepts it. */
    readonly refusal: (input: string, inputs?: Readonly<Record<string, unknown>>) => string | undefined;
    /** Upstream source of the rule. */
    readonly source: string;
}

/** One row as written below. */
interface Row {
    readonly types: readonly string[];
    readonly effect?: ReplaceRule["effect"];
    /** Inputs that force the effect. */
    readonly replaceOn?: readonly string[];
    /** Every input forces the effect except these. */
    readonly allBut?: readonly string[];
    /** A global service's resource (IAM, Route 53): it has no per-resource region. */
    readonly global?: true;
    /** Inputs whose change to an existing resource the provider refuses at plan time, with its error, under a condition. */
    readonly refuses?: Readonly<Record<string, (inputs: Readonly<Record<string, unknown>>) => string | undefined>>;
    readonly source: string;
}

/** terraform-provider-aws, the upstream of the `@pulumi/aws` major version pinned in package.json (v7 bridges v6). */
const TF = "hashicorp/terraform-provider-aws v6";

/**
 * The table. `region` (provider v6's per-resource region) forces replacement on every regional type; it is
 * added to each row below rather than repeated.
 */
export const REPLACE_ON_CHANGE_ROWS: readonly Row[] = [
    {
        types: ["aws:ecs/taskDefinition:TaskDefinition"],
        effect: "new-revision",
        allBut: ["tags", "skipDestroy", "trackLatest"],
        source: `${TF} internal/service/ecs/task_definition.go: every argument ForceNew except tags, skip_destroy and track_latest (task definitions are immutable; a change registers a new revision)`,
    },
    {
        types: ["aws:ecs/service:Service"],
        replaceOn: ["name", "cluster", "iamRole", "launchType", "schedulingStrategy", "serviceRegistries"],
        refuses: {
            // capacityProviderStrategyCustomizeDiff: an existing service's strategy changes only together with
            // force_new_deployment; the plan fails otherwise.
            capacityProviderStrategies: inputs => (inputs.forceNewDeployment === true ? undefined : "force_new_deployment should be true when capacity_provider_strategy is being updated"),
        },
        source: `${TF} internal/service/ecs/service.go: ForceNew on name, cluster, iam_role, launch_type, scheduling_strategy, service_registries; capacityProviderStrategyCustomizeDiff fails the plan when capacity_provider_strategy changes on an existing service without force_new_deployment`,
    },
    {
        types: ["aws:ecs/cluster:Cluster"],
        replaceOn: ["name"],
        source: `${TF} internal/service/ecs/cluster.go: ForceNew on name`,
    },
    {
        types: ["aws:ecs/clusterCapacityProviders:ClusterCapacityProviders"],
        replaceOn: ["clusterName"],
        source: `${TF} internal/service/ecs/cluster_capacity_providers.go: ForceNew on cluster_name`,
    },
    {
        types: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
        replaceOn: ["name", "namePrefix", "internal", "loadBalancerType", "customerOwnedIpv4Pool"],
        source: `${TF} internal/service/elbv2/load_balancer.go: ForceNew on name, name_prefix, internal, load_balancer_type, customer_owned_ipv4_pool (subnets only for network load balancers, by CustomizeDiff)`,
    },
    {
        types: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"],
        replaceOn: ["name", "namePrefix", "port", "protocol", "protocolVersion", "targetType", "vpcId", "ipAddressType"],
        source: `${TF} internal/service/elbv2/target_group.go: ForceNew on name, name_prefix, port, protocol, protocol_version, target_type, vpc_id, ip_address_type`,
    },
    {
        types: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
        replaceOn: ["loadBalancerArn"],
        source: `${TF} internal/service/elbv2/listener.go: ForceNew on load_balancer_arn`,
    },
    {
        types: ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"],
        replaceOn: ["listenerArn"],
        source: `${TF} internal/service/elbv2/listener_rule.go: ForceNew on listener_arn`,
    },
    {
        types: ["aws:ecr/repository:Repository"],
        replaceOn: ["name", "encryptionConfigurations"],
        source: `${TF} internal/service/ecr/repository.go: ForceNew on name and on encryption_configuration (encryption_type, kms_key)`,
    },
    {
        types: ["aws:ecr/lifecyclePolicy:LifecyclePolicy"],
        replaceOn: ["repository"],
        source: `${TF} internal/service/ecr/lifecycle_policy.go: ForceNew on repository`,
    },
    {
        types: ["aws:cloudwatch/logGroup:LogGroup"],
        replaceOn: ["name", "namePrefix", "logGroupClass"],
        source: `${TF} internal/service/logs/group.go: ForceNew on name, name_prefix, log_group_class`,
    },
    {
        types: ["aws:iam/role:Role"],
        global: true,
        replaceOn: ["name", "namePrefix", "path"],
        source: `${TF} internal/service/iam/role.go: ForceNew on name, name_prefix, path`,
    },
    {
        types: ["aws:iam/rolePolicy:RolePolicy"],
        global: true,
        replaceOn: ["name", "namePrefix", "role"],
        source: `${TF} internal/service/iam/role_policy.go: ForceNew on name, name_prefix, role`,
    },
    {
        types: ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"],
        global: true,
        replaceOn: ["role", "policyArn"],
        source: `${TF} internal/service/iam/role_policy_attachment.go: ForceNew on role, policy_arn`,
    },
    {
        types: ["aws:ec2/securityGroup:SecurityGroup"],
        replaceOn: ["name", "namePrefix", "description", "vpcId"],
        source: `${TF} internal/service/ec2/vpc_security_group.go: ForceNew on name, name_prefix, description, vpc_id`,
    },
    {
        types: ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
        replaceOn: ["vpcId"],
        source: `${TF} internal/service/ec2/vpc_default_security_group.go: ForceNew on vpc_id`,
    },
    {
        types: ["aws:ec2/securityGroupRule:SecurityGroupRule"],
        allBut: ["description"],
        source: `${TF} internal/service/ec2/vpc_security_group_rule.go: every argument ForceNew except description`,
    },
    {
        types: ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"],
        replaceOn: ["securityGroupId"],
        source: `${TF} internal/service/ec2/vpc_security_group_ingress_rule.go: RequiresReplace on security_group_id; the rule's other attributes update in place (ModifySecurityGroupRules)`,
    },
    {
        types: ["aws:ec2/flowLog:FlowLog"],
        allBut: ["tags"],
        source: `${TF} internal/service/ec2/vpc_flow_log.go: every argument ForceNew except tags`,
    },
    {
        types: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
        replaceOn: ["bucket", "bucketPrefix", "objectLockEnabled"],
        source: `${TF} internal/service/s3/bucket.go: ForceNew on bucket, bucket_prefix, object_lock_enabled`,
    },
    {
        types: [
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        ],
        replaceOn: ["bucket"],
        source: `${TF} internal/service/s3/bucket_policy.go, bucket_public_access_block.go, bucket_ownership_controls.go: ForceNew on bucket`,
    },
    {
        types: [
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        ],
        replaceOn: ["bucket", "expectedBucketOwner"],
        source: `${TF} internal/service/s3/bucket_server_side_encryption_configuration.go, bucket_lifecycle_configuration.go: ForceNew (RequiresReplace) on bucket, expected_bucket_owner`,
    },
    {
        types: ["aws:route53/record:Record"],
        global: true,
        replaceOn: ["zoneId", "name"],
        source: `${TF} internal/service/route53/record.go: ForceNew on zone_id and name (type, records, ttl and alias change in place through ChangeResourceRecordSets)`,
    },
    {
        types: ["aws:acm/certificate:Certificate"],
        replaceOn: ["domainName", "subjectAlternativeNames", "validationMethod", "keyAlgorithm", "certificateAuthorityArn"],
        source: `${TF} internal/service/acm/certificate.go: ForceNew on domain_name, subject_alternative_names, validation_method, key_algorithm, certificate_authority_arn`,
    },
    {
        types: ["aws:acm/certificateValidation:CertificateValidation"],
        replaceOn: ["certificateArn", "validationRecordFqdns"],
        source: `${TF} internal/service/acm/certificate_validation.go: ForceNew on certificate_arn, validation_record_fqdns`,
    },
    {
        types: ["aws:appautoscaling/target:Target"],
        replaceOn: ["resourceId", "scalableDimension", "serviceNamespace"],
        source: `${TF} internal/service/appautoscaling/target.go: ForceNew on resource_id, scalable_dimension, service_namespace`,
    },
    {
        types: ["aws:appautoscaling/policy:Policy"],
        replaceOn: ["name", "resourceId", "scalableDimension", "serviceNamespace"],
        source: `${TF} internal/service/appautoscaling/policy.go: ForceNew on name, resource_id, scalable_dimension, service_namespace`,
    },
    {
        types: ["aws:secretsmanager/secret:Secret"],
        replaceOn: ["name", "namePrefix"],
        source: `${TF} internal/service/secretsmanager/secret.go: ForceNew on name, name_prefix`,
    },
    {
        types: ["aws:secretsmanager/secretVersion:SecretVersion"],
        replaceOn: ["secretId"],
        source: `${TF} internal/service/secretsmanager/secret_version.go: ForceNew on secret_id`,
    },
    {
        types: ["aws:kms/key:Key"],
        replaceOn: ["customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId", "xksKeyId"],
        source: `${TF} internal/service/kms/key.go: ForceNew on customer_master_key_spec, key_usage, multi_region, custom_key_store_id, xks_key_id`,
    },
];

function ruleOf(row: Row, type: string): ReplaceRule {
    const replaceOn = new Set([...(row.replaceOn ?? []), ...(row.global ? [] : ["region"])]);
    const allBut = row.allBut && new Set(row.allBut);
    return {
        type,
        effect: row.effect ?? "replace",
        refusal: (input, inputs = {}) => row.refuses?.[input]?.(inputs),
        forcesReplacement: input => (allBut ? !allBut.has(input) : replaceOn.has(input)),
        source: row.source,
    };
}

const RULES: ReadonlyMap<string, ReplaceRule> = new Map(REPLACE_ON_CHANGE_ROWS.flatMap(row => row.types.map(type => [type, ruleOf(row, type)] as const)));

/** The rule for `type`, or undefined when the table has none (replacement not determinable offline). */
export const replaceRuleFor = (type: string): ReplaceRule | undefined => RULES.get(type);
