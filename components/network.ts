import * as aws from "@pulumi/aws";
import * as awsxEc2 from "@pulumi/awsx/ec2";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";
import { isLogRetentionDays, LOG_RETENTION_DAYS } from "../policy/facts/logRetention";

/** How private subnets reach the internet. */
export type NatStrategy = "none" | "single" | "perAz";

/** Arguments of {@link Network}. */
export interface NetworkArgs {
    /**
     * IPv4 CIDR block of the VPC.
     * @default "10.0.0.0/16"
     */
    readonly cidrBlock?: string;
    /**
     * Availability zones to spread subnets over; a load balancer needs at least two.
     * @default 2
     */
    readonly availabilityZones?: number;
    /**
     * NAT gateways. `none` costs nothing but tasks must then run in public subnets with a public IP;
     * `single` is one gateway for all zones; `perAz` survives the loss of a zone.
     * @default "single"
     */
    readonly natStrategy?: NatStrategy;
    /**
     * Days CloudWatch keeps the VPC flow logs.
     * @default 30
     */
    readonly flowLogRetentionDays?: number;
    /**
     * KMS key ARN for the flow log group; AWS-managed encryption when unset.
     * @default undefined
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * Protect the flow log group from deletion.
     * @default false
     */
    readonly protect?: boolean;
    /** Tags for every resource. @default {} */
    readonly tags?: Record<string, string>;
}

const NAT: Record<NatStrategy, awsxEc2.NatGatewayStrategy> = {
    none: awsxEc2.NatGatewayStrategy.None,
    single: awsxEc2.NatGatewayStrategy.Single,
    perAz: awsxEc2.NatGatewayStrategy.OnePerAz,
};

/** The fully defaulted, validated form of {@link NetworkArgs}. */
export function resolveNetworkArgs(args: NetworkArgs) {
    const resolved = {
        cidrBlock: args.cidrBlock ?? "10.0.0.0/16",
        availabilityZones: args.availabilityZones ?? 2,
        natStrategy: args.natStrategy ?? "single",
        flowLogRetentionDays: args.flowLogRetentionDays ?? 30,
        protect: args.protect ?? false,
        tags: args.tags ?? {},
    };
    if (!Number.isInteger(resolved.availabilityZones) || resolved.availabilityZones < 2 || resolved.availabilityZones > 6) {
        throw new Error(`Network: availabilityZones is ${resolved.availabilityZones}; expected 2 to 6 (a load balancer needs two zones).`);
    }
    if (!(resolved.natStrategy in NAT)) {
        throw new Error(`Network: natStrategy is ${JSON.stringify(resolved.natStrategy)}; expected "none", "single" or "perAz".`);
    }
    if (!isLogRetentionDays(resolved.flowLogRetentionDays)) {
        throw new Error(`Network: flowLogRetentionDays is ${resolved.flowLogRetentionDays}; expected a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`);
    }
    return resolved;
}

/**
 * A VPC with public subnets and, per NAT strategy, private subnets (egress through NAT) or isolated ones
 * (no NAT: nothing to pay for, tasks then run in the public subnets); VPC flow logs into a log group
 * with retention; and the VPC's default security group taken over with no rules, so nothing can use it.
 */
export class Network extends pulumi.ComponentResource {
    /** The VPC's id. */
    public readonly vpcId: pulumi.Output<string>;
    /** The VPC's CIDR block. */
    public readonly cidrBlock: string;
    /** Public subnets, one per zone: the load balancer's. */
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    /** Private subnets (NAT single/perAz) or isolated subnets (NAT none), one per zone. */
    public readonly privateSubnetIds: pulumi.Output<string[]>;
    /** Where tasks run: private subnets behind NAT, or public subnets when there is no NAT. */
    public readonly taskSubnetIds: pulumi.Output<string[]>;
    /** Whether tasks need a public IP to reach ECR and CloudWatch (true only without NAT). */
    public readonly tasksNeedPublicIp: boolean;
    /** The flow log group's name. */
    public readonly flowLogGroupName: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveNetworkArgs(args);
        super("fargate-web:network:Network", name, {}, opts);
        const withNat = a.natStrategy !== "none";

        const vpc = new awsxEc2.Vpc(
            childName(name, "vpc"),
            {
                cidrBlock: a.cidrBlock,
                numberOfAvailabilityZones: a.availabilityZones,
                enableDnsHostnames: true,
                enableDnsSupport: true,
                natGateways: { strategy: NAT[a.natStrategy] },
                subnetStrategy: awsxEc2.SubnetAllocationStrategy.Auto,
                subnetSpecs: [
                    { type: awsxEc2.SubnetType.Public, cidrMask: 24 },
                    { type: withNat ? awsxEc2.SubnetType.Private : awsxEc2.SubnetType.Isolated, cidrMask: 24 },
                ],
                tags: { ...a.tags, Name: childName(name, "vpc") },
            },
            { parent: this },
        );
        this.vpcId = vpc.vpcId;
        this.cidrBlock = a.cidrBlock;
        this.publicSubnetIds = vpc.publicSubnetIds;
        this.privateSubnetIds = withNat ? vpc.privateSubnetIds : vpc.isolatedSubnetIds;
        this.taskSubnetIds = withNat ? vpc.privateSubnetIds : vpc.publicSubnetIds;
        this.tasksNeedPublicIp = !withNat;

        // Taking over the default security group with no rules closes it (Security Hub EC2.2).
        new aws.ec2.DefaultSecurityGroup(
            childName(name, "default-sg"),
            { vpcId: vpc.vpcId, ingress: [], egress: [], tags: { ...a.tags, Name: childName(name, "default-closed") } },
            { parent: this },
        );

        const flowLogs = new aws.cloudwatch.LogGroup(
            childName(name, "flow-logs"),
            { retentionInDays: a.flowLogRetentionDays, kmsKeyId: args.kmsKeyArn, tags: a.tags },
            { parent: this, protect: a.protect, retainOnDelete: a.protect },
        );
        const flowLogRole = new aws.iam.Role(
            childName(name, "flow-logs-role"),
            {
                description: "Lets VPC Flow Logs write to its own log group.",
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }],
                }),
                tags: a.tags,
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            childName(name, "flow-logs-policy"),
            {
                role: flowLogRole.name,
                policy: flowLogs.arn.apply(arn =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                                Resource: [arn, `${arn}:*`],
                            },
                        ],
                    }),
                ),
            },
            { parent: this },
        );
        new aws.ec2.FlowLog(
            childName(name, "flow-log"),
            {
                vpcId: vpc.vpcId,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: flowLogs.arn,
                iamRoleArn: flowLogRole.arn,
                maxAggregationInterval: 600,
                tags: a.tags,
            },
            { parent: this },
        );
        this.flowLogGroupName = flowLogs.name;

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            taskSubnetIds: this.taskSubnetIds,
        });
    }
}
