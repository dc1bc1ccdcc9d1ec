/**
 * Mocks that answer like AWS would: each resource type gets the ids, ARNs and computed attributes its
 * provider returns (derived deterministically from its logical name, so runs are repeatable), and every
 * data-source call the program may make is implemented — any other call throws, so a program never
 * silently works on `undefined`.
 */
import { createHash, randomUUID } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { answerCall, MOCK_ACCOUNT } from "./dataSources";
import { hex, placeholderState } from "./placeholders";
import { normaliseForEngine, UNKNOWN } from "./serialisation";
import { AWSX_TYPES, AWS_TYPES, DOCKER_TYPES } from "../policy/facts/typeTokens";

export { MOCK_ACCOUNT };

const alnum = (seed: string, length: number): string =>
    Buffer.from(hex(seed, length * 2), "hex").toString("base64").replace(/[^A-Za-z0-9]/g, "x").slice(0, length);
const uuid = (seed: string): string => {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/**
 * Version ids by secret version and value: like Secrets Manager, a new value gets a new id and the same
 * value keeps its id (within one process), and the id is random, so no output of the harness is a function
 * of a secret value. Keyed by a digest that never leaves this map.
 */
const versionIds = new Map<string, string>();
const secretVersionId = (name: string, value: unknown): string => {
    const key = createHash("sha256").update(`${name}\u0000${JSON.stringify(value ?? null)}`).digest("hex");
    if (!versionIds.has(key)) {
        versionIds.set(key, randomUUID());
    }
    return versionIds.get(key)!;
};

/** Pulumi's auto-naming: the logical name plus seven random characters (here derived from the name). */
const autoName = (name: string, inputs: Record<string, any>, max = 255, lower = false): string => {
    if (typeof inputs.name === "string") return inputs.name;
    const base = typeof inputs.namePrefix === "string" ? inputs.namePrefix : `${name}-`;
    const generated = `${base}${hex(name, 7)}`;
    return (lower ? generated.toLowerCase() : generated).slice(0, max);
};

type State = Record<string, any>;

/** Names under a CloudFormation template's `Outputs` (JSON or YAML; intrinsic-function tags are kept as text). */
function templateOutputs(template: unknown): string[] {
    if (typeof template !== "string") return [];
    try {
        // Loaded here, not at the top: few programs have a template, and every check would pay for the parser.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
        const YAML = require("yaml") as typeof import("yaml");
        const outputs = YAML.parse(template, { logLevel: "silent" })?.Outputs;
        return outputs !== null && typeof outputs === "object" ? Object.keys(outputs) : [];
    } catch {
        return [];
    }
}

/** Options of {@link AwsMocks}. */
export interface AwsMocksOptions {
    /** Region of the provider (`aws:region`). @default "us-east-1" */
    readonly region?: string;
    /** Extra call handlers by token, for programs that use other data sources. */
    readonly calls?: Record<string, (inputs: Record<string, any>) => Record<string, any>>;
    /**
     * Answer like the first `pulumi preview` of a new stack: nothing exists yet, so every id and computed
     * output (ARNs, names AWS generates, the image digest, awsx subnet ids) is unknown, and so is every
     * input built from them. Use with `preview: true`.
     * @default false
     */
    readonly firstPreview?: boolean;
    /** Folder the program resolves its provider SDKs from (their declarations shape the placeholders). */
    readonly programDir?: string;
}

/** `pulumi.runtime.Mocks` for programs built on `@pulumi/aws`, `@pulumi/awsx` (VPC) and `@pulumi/docker`. */
export class AwsMocks implements pulumi.runtime.Mocks {
    private readonly region: string;
    /**
     * Why each refused call was refused. The SDK replaces a mock's error with one carrying only gRPC
     * details, so the runner reads the reason from here.
     */
    readonly refusedCalls: string[] = [];

    constructor(private readonly options: AwsMocksOptions = {}) {
        this.region = options.region ?? "us-east-1";
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: State } {
        const inputs = args.inputs as State;
        if (!args.custom) {
            // A remote component's outputs are what its provider computes; a local one's are ignored.
            const computed = { ...this.placeholders(args.type, args.name, inputs), ...(args.type === AWSX_TYPES.ec2Vpc ? this.awsxVpc(args.name, inputs) : {}) };
            return { id: undefined, state: this.unknownIfFirst(computed) };
        }
        // Computed values are derived from the plain inputs: a secret input (a family name built from a
        // secret, say) arrives wrapped, and its text is what AWS would see.
        const plainInputs = normaliseForEngine(inputs) as State;
        const { id, state } = this.custom(args.type, args.name, plainInputs);
        const computed = { ...this.placeholders(args.type, args.name, plainInputs), ...state };
        if (this.options.firstPreview) {
            // An empty id is how the engine says "not created yet": the SDK makes it unknown in a preview.
            return { id: "", state: { ...inputs, ...this.unknownIfFirst(computed) } };
        }
        return { id, state: { ...inputs, ...computed, id } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const inputs = args.inputs as Record<string, any>;
        let answer: Record<string, any> | undefined;
        try {
            answer = answerCall(args.token, inputs, this.region);
        } catch (e) {
            // A data source that fails as the provider would: recorded, so the run stops with it by name.
            this.refusedCalls.push((e as Error).message);
            throw e;
        }
        if (answer) {
            return answer;
        }
        const extra = this.options.calls?.[args.token];
        if (extra) {
            return extra(inputs);
        }
        const reason = `The offline mocks do not implement the call ${args.token}: the program reads a data source the offline check cannot answer (answers live in harness/dataSources.ts; tests may pass options.calls).`;
        this.refusedCalls.push(reason);
        throw new Error(reason);
    }

    /** Every output the type's declarations say the provider computes, as a deterministic placeholder. */
    private placeholders(type: string, name: string, inputs: State): State {
        return placeholderState(type, name, inputs, { region: this.region, account: MOCK_ACCOUNT, fromDir: this.options.programDir });
    }

    /** In a first preview, every computed value is unknown. */
    private unknownIfFirst(state: State): State {
        return this.options.firstPreview ? Object.fromEntries(Object.keys(state).map(k => [k, UNKNOWN])) : state;
    }

    /** State of a remote awsx VPC: ids of the VPC and of one subnet per zone and type. */
    private awsxVpc(name: string, inputs: State): State {
        const zones = Number(inputs.numberOfAvailabilityZones ?? 3);
        const specs: { type?: string }[] = Array.isArray(inputs.subnetSpecs)
            ? inputs.subnetSpecs
            : [{ type: "Public" }, { type: "Private" }];
        const subnets = (type: string) =>
            specs.some(s => s.type === type)
                ? Array.from({ length: zones }, (_, i) => `subnet-${hex(`${name}/${type}/${i}`, 17)}`)
                : [];
        const strategy = inputs.natGateways?.strategy ?? "OnePerAz";
        const natCount = strategy === "None" ? 0 : strategy === "Single" ? 1 : zones;
        return {
            vpcId: `vpc-${hex(name, 17)}`,
            publicSubnetIds: subnets("Public"),
            privateSubnetIds: subnets("Private"),
            isolatedSubnetIds: subnets("Isolated"),
            natGatewayIds: Array.from({ length: natCount }, (_, i) => `nat-${hex(`${name}/nat/${i}`, 17)}`),
        };
    }

    private custom(type: string, name: string, inputs: State): { id: string; state: State } {
        const r = this.region;
        const a = MOCK_ACCOUNT;
        switch (type) {
            case AWS_TYPES.ecrRepository: {
                const repo = autoName(name, inputs, 256, true);
                return {
                    id: repo,
                    state: { name: repo, arn: `arn:aws:ecr:${r}:${a}:repository/${repo}`, registryId: a, repositoryUrl: `${a}.dkr.ecr.${r}.amazonaws.com/${repo}` },
                };
            }
            case AWS_TYPES.ecrLifecyclePolicy:
                return { id: String(inputs.repository), state: { registryId: a } };
            case DOCKER_TYPES.image: {
                const imageName = String(inputs.imageName);
                const repository = imageName.replace(/:[^:/]+$/, "");
                const digest = `sha256:${hex(`${imageName}|${JSON.stringify(inputs.build ?? {})}`, 64)}`;
                return { id: `${repository}@${digest}`, state: { repoDigest: `${repository}@${digest}`, baseImageName: imageName } };
            }
            case AWS_TYPES.lbLoadBalancer:
            case AWS_TYPES.albLoadBalancer: {
                const lb = autoName(name, inputs, 32);
                const suffix = `app/${lb}/${hex(name, 16)}`;
                const arn = `arn:aws:elasticloadbalancing:${r}:${a}:loadbalancer/${suffix}`;
                return { id: arn, state: { name: lb, arn, arnSuffix: suffix, dnsName: `${lb}-${parseInt(hex(name, 8), 16)}.${r}.elb.amazonaws.com`, zoneId: "Z35SXDOTRQ7X7K" } };
            }
            case AWS_TYPES.lbTargetGroup:
            case AWS_TYPES.albTargetGroup: {
                const tg = autoName(name, inputs, 32);
                const suffix = `targetgroup/${tg}/${hex(name, 16)}`;
                const arn = `arn:aws:elasticloadbalancing:${r}:${a}:${suffix}`;
                return { id: arn, state: { name: tg, arn, arnSuffix: suffix } };
            }
            case AWS_TYPES.lbListener:
            case AWS_TYPES.albListener: {
                const arn = `arn:aws:elasticloadbalancing:${r}:${a}:listener/app/${name}/${hex(name, 16)}/${hex(`${name}/l`, 16)}`;
                return { id: arn, state: { arn } };
            }
            case AWS_TYPES.ecsCluster: {
                const cluster = autoName(name, inputs);
                const arn = `arn:aws:ecs:${r}:${a}:cluster/${cluster}`;
                return { id: arn, state: { name: cluster, arn } };
            }
            case AWS_TYPES.ecsClusterCapacityProviders:
                return { id: String(inputs.clusterName), state: {} };
            case AWS_TYPES.ecsService: {
                const service = autoName(name, inputs);
                const cluster = String(inputs.cluster ?? "default").split("/").pop();
                const arn = `arn:aws:ecs:${r}:${a}:service/${cluster}/${service}`;
                return { id: arn, state: { name: service, arn } };
            }
            case AWS_TYPES.ecsTaskDefinition: {
                const family = String(inputs.family ?? name);
                const arnWithoutRevision = `arn:aws:ecs:${r}:${a}:task-definition/${family}`;
                return { id: family, state: { arn: `${arnWithoutRevision}:1`, arnWithoutRevision, revision: 1 } };
            }
            case AWS_TYPES.iamRole: {
                const role = autoName(name, inputs, 64);
                return { id: role, state: { name: role, arn: `arn:aws:iam::${a}:role/${role}`, uniqueId: `AROA${hex(name, 17).toUpperCase()}` } };
            }
            case AWS_TYPES.iamRolePolicy: {
                const policy = autoName(name, inputs, 128);
                return { id: `${inputs.role}:${policy}`, state: { name: policy } };
            }
            case AWS_TYPES.iamPolicy: {
                const policy = autoName(name, inputs, 128);
                const arn = `arn:aws:iam::${a}:policy/${policy}`;
                return { id: arn, state: { name: policy, arn, policyId: `ANPA${hex(name, 17).toUpperCase()}` } };
            }
            case AWS_TYPES.cloudwatchMetricAlarm: {
                const alarm = autoName(name, inputs, 255);
                return { id: alarm, state: { name: alarm, arn: `arn:aws:cloudwatch:${r}:${a}:alarm:${alarm}` } };
            }
            case AWS_TYPES.cloudwatchEventRule: {
                const rule = autoName(name, inputs, 64);
                return { id: rule, state: { name: rule, arn: `arn:aws:events:${r}:${a}:rule/${rule}` } };
            }
            case AWS_TYPES.snsTopic: {
                const topic = autoName(name, inputs, 256);
                const arn = `arn:aws:sns:${r}:${a}:${topic}`;
                return { id: arn, state: { name: topic, arn } };
            }
            case AWS_TYPES.cloudwatchLogGroup: {
                const group = autoName(name, inputs, 512);
                return { id: group, state: { name: group, arn: `arn:aws:logs:${r}:${a}:log-group:${group}` } };
            }
            case AWS_TYPES.ec2SecurityGroup:
            case AWS_TYPES.ec2DefaultSecurityGroup: {
                const id = `sg-${hex(name, 17)}`;
                return { id, state: { arn: `arn:aws:ec2:${r}:${a}:security-group/${id}`, ownerId: a, name: inputs.name ?? autoName(name, inputs) } };
            }
            case AWS_TYPES.vpcSecurityGroupIngressRule:
            case AWS_TYPES.vpcSecurityGroupEgressRule: {
                const id = `sgr-${hex(name, 17)}`;
                return { id, state: { arn: `arn:aws:ec2:${r}:${a}:security-group-rule/${id}`, securityGroupRuleId: id } };
            }
            case AWS_TYPES.ec2SecurityGroupRule: {
                const id = `sgrule-${parseInt(hex(name, 8), 16)}`;
                return { id, state: { securityGroupRuleId: `sgr-${hex(name, 17)}` } };
            }
            case AWS_TYPES.ec2Vpc: {
                const id = `vpc-${hex(name, 17)}`;
                return { id, state: { arn: `arn:aws:ec2:${r}:${a}:vpc/${id}`, defaultSecurityGroupId: `sg-${hex(`${name}/default`, 17)}` } };
            }
            case AWS_TYPES.ec2Subnet: {
                const id = `subnet-${hex(name, 17)}`;
                return { id, state: { arn: `arn:aws:ec2:${r}:${a}:subnet/${id}` } };
            }
            case AWS_TYPES.ec2FlowLog: {
                const id = `fl-${hex(name, 17)}`;
                return { id, state: { arn: `arn:aws:ec2:${r}:${a}:vpc-flow-log/${id}` } };
            }
            case AWS_TYPES.secretsmanagerSecret: {
                const secret = autoName(name, inputs, 512);
                const arn = `arn:aws:secretsmanager:${r}:${a}:secret:${secret}-${alnum(name, 6)}`;
                return { id: arn, state: { name: secret, arn } };
            }
            case AWS_TYPES.secretsmanagerSecretVersion: {
                const versionId = secretVersionId(name, inputs.secretString);
                return { id: `${inputs.secretId}|${versionId}`, state: { versionId, arn: inputs.secretId } };
            }
            case AWS_TYPES.acmCertificate: {
                const arn = `arn:aws:acm:${r}:${a}:certificate/${uuid(name)}`;
                const domain = String(inputs.domainName);
                return {
                    id: arn,
                    state: {
                        arn,
                        status: "PENDING_VALIDATION",
                        domainValidationOptions: [
                            {
                                domainName: domain,
                                resourceRecordName: `_${hex(`${name}/n`, 32)}.${domain}.`,
                                resourceRecordType: "CNAME",
                                resourceRecordValue: `_${hex(`${name}/v`, 32)}.acm-validations.aws.`,
                            },
                        ],
                    },
                };
            }
            case AWS_TYPES.acmCertificateValidation:
                return { id: String(inputs.certificateArn), state: {} };
            case AWS_TYPES.route53Record: {
                const fqdn = String(inputs.name).replace(/\.$/, "");
                return { id: `${inputs.zoneId}_${fqdn}_${inputs.type}`, state: { fqdn } };
            }
            case AWS_TYPES.appautoscalingTarget:
                return {
                    id: String(inputs.resourceId),
                    state: { arn: `arn:aws:application-autoscaling:${r}:${a}:scalable-target/${hex(name, 32)}` },
                };
            case AWS_TYPES.appautoscalingPolicy: {
                const policy = autoName(name, inputs);
                return {
                    id: policy,
                    state: { name: policy, arn: `arn:aws:autoscaling:${r}:${a}:scalingPolicy:${uuid(name)}:resource/${inputs.resourceId}:policyName/${policy}` },
                };
            }
            case AWS_TYPES.cloudformationStack: {
                // CloudFormation answers with the template's declared Outputs: one placeholder per name.
                const id = `arn:aws:cloudformation:${r}:${a}:stack/${inputs.name ?? name}/${uuid(name)}`;
                return { id, state: { outputs: Object.fromEntries(templateOutputs(inputs.templateBody).map(key => [key, `${name}-${key}-${hex(`${name}/${key}`, 8)}`])) } };
            }
            case AWS_TYPES.s3Bucket:
            case AWS_TYPES.s3BucketV2: {
                const bucket = typeof inputs.bucket === "string" ? inputs.bucket : autoName(name, {}, 63, true);
                return { id: bucket, state: { bucket, arn: `arn:aws:s3:::${bucket}`, bucketDomainName: `${bucket}.s3.amazonaws.com` } };
            }
        }
        if (type.startsWith("aws:s3/")) {
            return { id: String(inputs.bucket ?? name), state: {} };
        }
        // Any other resource: an id from its name and, for AWS types, an ARN in the type's service.
        const service = type.startsWith("aws:") ? type.split(":")[1].split("/")[0] : undefined;
        const id = `${name}-${hex(name, 8)}`;
        return { id, state: service ? { arn: `arn:aws:${service}:${r}:${a}:${id}` } : {} };
    }
}
