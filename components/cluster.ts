import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ecsInfrastructureTrustPolicy } from "./iamDocuments";
import { childName } from "./naming";
import { isLogRetentionDays, LOG_RETENTION_DAYS } from "../policy/facts/logRetention";
import { ECS_SERVICE_CONNECT_TLS_POLICY } from "../policy/facts/serviceRolePolicies";

/** An AWS Private CA's ARN, in any partition. */
const PCA_ARN = /^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:\d{12}:certificate-authority\/[A-Za-z0-9-]+$/;

/** AWS's managed policy for the infrastructure role of Service Connect TLS (policy/facts). */
const SERVICE_CONNECT_TLS_POLICY = ECS_SERVICE_CONNECT_TLS_POLICY.path;

/** Arguments of {@link Cluster}. */
export interface ClusterArgs {
    /**
     * Create the stack's Service Connect namespace (an HTTP namespace in Cloud Map) and make it the cluster's
     * default, so services can opt in to reaching each other by name. @default false
     */
    readonly serviceConnect?: boolean;
    /**
     * Encrypt Service Connect traffic: ECS issues and rotates each endpoint's certificate from this AWS
     * Private CA, through an infrastructure role the cluster creates. Needs `serviceConnect`. A Private CA
     * has a monthly price. @default undefined (plain HTTP between tasks)
     */
    readonly serviceConnectTls?: { readonly certificateAuthorityArn: string };
    /** Name of the Service Connect namespace; changing it replaces the namespace. @default `<stack>-<name>` */
    readonly namespaceName?: string;
    /**
     * Let operators open a shell in tasks with ECS Exec (each service must still enable it); sessions are
     * logged to the cluster's own log group. @default false
     */
    readonly exec?: boolean;
    /** Days CloudWatch keeps ECS Exec session logs. @default 30 */
    readonly execLogRetentionDays?: number;
    /** Customer-managed KMS key for the exec session logs. @default undefined */
    readonly kmsKeyArn?: string;
    /**
     * URN of the component that created this cluster's resources before, so they keep their identity through
     * aliases: `FargateService` created `<name>-cluster` and `<name>-capacity` itself until clusters were
     * shared. @default undefined (no aliases)
     */
    readonly movedFrom?: pulumi.Input<string>;
    /** Protect the exec log group from deletion. @default false */
    readonly protect?: boolean;
    /** Tags for every resource. @default {} */
    readonly tags?: Record<string, string>;
}

/** The fully defaulted, validated form of {@link ClusterArgs}; `name` is the component's. */
export function resolveClusterArgs(name: string, args: ClusterArgs) {
    const resolved = {
        serviceConnect: args.serviceConnect ?? false,
        namespaceName: args.namespaceName ?? `${pulumi.getStack()}-${name}`,
        exec: args.exec ?? false,
        execLogRetentionDays: args.execLogRetentionDays ?? 30,
        kmsKeyArn: args.kmsKeyArn,
        protect: args.protect ?? false,
        tags: args.tags ?? {},
    };
    // Cloud Map namespace names: 1 to 1024 printable ASCII characters without spaces (CreateHttpNamespace).
    if (args.namespaceName !== undefined && !/^[!-~]{1,1024}$/.test(args.namespaceName)) {
        throw new Error(`Cluster ${name}: namespaceName is ${JSON.stringify(args.namespaceName)}; expected 1 to 1024 printable ASCII characters without spaces.`);
    }
    if (args.namespaceName !== undefined && !resolved.serviceConnect) {
        throw new Error(`Cluster ${name}: namespaceName is set but serviceConnect is not; set serviceConnect: true to create the namespace, or drop namespaceName.`);
    }
    if (args.serviceConnectTls !== undefined) {
        if (!resolved.serviceConnect) {
            throw new Error(`Cluster ${name}: serviceConnectTls is set but serviceConnect is not; set serviceConnect: true, or drop serviceConnectTls.`);
        }
        if (!PCA_ARN.test(args.serviceConnectTls.certificateAuthorityArn)) {
            throw new Error(
                `Cluster ${name}: serviceConnectTls.certificateAuthorityArn is ${JSON.stringify(args.serviceConnectTls.certificateAuthorityArn)}; expected an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>).`,
            );
        }
    }
    if (!isLogRetentionDays(resolved.execLogRetentionDays)) {
        throw new Error(`Cluster ${name}: execLogRetentionDays is ${resolved.execLogRetentionDays}; expected a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`);
    }
    return resolved;
}

/** What a service needs of its cluster: the Cluster component, or an existing cluster by ARN and name. */
export interface ClusterReference {
    readonly arn: pulumi.Input<string>;
    readonly name: pulumi.Input<string>;
    /** The cluster's Service Connect namespace (ARN), when it has one. */
    readonly serviceConnectNamespaceArn?: pulumi.Input<string>;
    /** TLS for the endpoints services publish through Service Connect, when the cluster's namespace has it. */
    readonly serviceConnectTls?: { readonly awsPcaAuthorityArn: pulumi.Input<string>; readonly roleArn: pulumi.Input<string> };
}

/**
 * An ECS cluster for Fargate services of one stack: Container Insights, the FARGATE and FARGATE_SPOT
 * capacity providers, ECS Exec off unless asked (then logged to the cluster's own log group), and, when
 * asked, the stack's Service Connect namespace as the cluster's default.
 */
export class Cluster extends pulumi.ComponentResource implements ClusterReference {
    public readonly arn: pulumi.Output<string>;
    public readonly name: pulumi.Output<string>;
    /** ARN of the Service Connect namespace; undefined without `serviceConnect`. */
    public readonly serviceConnectNamespaceArn?: pulumi.Output<string>;
    /** The ECS cluster. */
    public readonly cluster: aws.ecs.Cluster;
    /** The cluster's capacity providers; a service depends on them. */
    public readonly capacityProviders: aws.ecs.ClusterCapacityProviders;
    /** The Service Connect namespace, when asked for. */
    public readonly namespace?: aws.servicediscovery.HttpNamespace;
    /** The CA and infrastructure role services use for Service Connect TLS, when asked for. */
    public readonly serviceConnectTls?: { readonly awsPcaAuthorityArn: string; readonly roleArn: pulumi.Output<string> };
    /** The infrastructure role ECS uses to issue Service Connect certificates, when TLS is asked for. */
    public readonly serviceConnectTlsRole?: aws.iam.Role;
    /** Log group of ECS Exec sessions, when exec is enabled. */
    public readonly execLogGroup?: aws.cloudwatch.LogGroup;

    constructor(name: string, args: ClusterArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveClusterArgs(name, args);
        super("fargate-web:ecs:Cluster", name, {}, opts);
        const tags = a.tags;
        const moved = (role: string): pulumi.CustomResourceOptions => ({
            parent: this,
            aliases: args.movedFrom === undefined ? [] : [{ name: childName(name, role), parent: args.movedFrom }],
        });

        if (a.serviceConnect) {
            this.namespace = new aws.servicediscovery.HttpNamespace(
                childName(name, "namespace"),
                { name: a.namespaceName, description: `Service Connect namespace of ${name}`, tags },
                { parent: this },
            );
            this.serviceConnectNamespaceArn = this.namespace.arn;
        }
        if (args.serviceConnectTls) {
            const partition = aws.getPartitionOutput({}, { parent: this }).partition;
            this.serviceConnectTlsRole = new aws.iam.Role(
                childName(name, "connect-tls-role"),
                {
                    description: `ECS issues Service Connect certificates for ${name} from its Private CA.`,
                    assumeRolePolicy: JSON.stringify(ecsInfrastructureTrustPolicy()),
                    tags,
                },
                { parent: this },
            );
            new aws.iam.RolePolicyAttachment(
                childName(name, "connect-tls-policy"),
                { role: this.serviceConnectTlsRole.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/${SERVICE_CONNECT_TLS_POLICY}` },
                { parent: this },
            );
            this.serviceConnectTls = { awsPcaAuthorityArn: args.serviceConnectTls.certificateAuthorityArn, roleArn: this.serviceConnectTlsRole.arn };
        }
        if (a.exec) {
            this.execLogGroup = new aws.cloudwatch.LogGroup(
                childName(name, "exec-logs"),
                { name: `/ecs/${pulumi.getProject()}/${pulumi.getStack()}/${name}/exec`, retentionInDays: a.execLogRetentionDays, kmsKeyId: a.kmsKeyArn, tags },
                { parent: this, protect: a.protect, retainOnDelete: a.protect },
            );
        }

        this.cluster = new aws.ecs.Cluster(
            childName(name, "cluster"),
            {
                settings: [{ name: "containerInsights", value: "enabled" }],
                ...(this.execLogGroup
                    ? {
                          configuration: {
                              executeCommandConfiguration: {
                                  kmsKeyId: a.kmsKeyArn,
                                  logging: "OVERRIDE",
                                  logConfiguration: { cloudWatchLogGroupName: this.execLogGroup.name, cloudWatchEncryptionEnabled: a.kmsKeyArn !== undefined },
                              },
                          },
                      }
                    : {}),
                ...(this.namespace ? { serviceConnectDefaults: { namespace: this.namespace.arn } } : {}),
                tags,
            },
            moved("cluster"),
        );
        this.capacityProviders = new aws.ecs.ClusterCapacityProviders(
            childName(name, "capacity"),
            { clusterName: this.cluster.name, capacityProviders: ["FARGATE", "FARGATE_SPOT"] },
            moved("capacity"),
        );
        this.arn = this.cluster.arn;
        this.name = this.cluster.name;
        this.registerOutputs({ arn: this.arn, name: this.name, serviceConnectNamespaceArn: this.serviceConnectNamespaceArn });
    }
}
