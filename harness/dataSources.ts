/**
 * The data sources programs commonly read, answered offline as AWS would answer them for one account in
 * one region: identity, region, partition and zones; the default VPC and its subnets (one per zone, as AWS
 * creates them); ELB log-delivery accounts; ECR tokens; IAM policy documents (rendered as the provider
 * renders them); Route 53 zones, ACM certificates, secrets, AMIs and SSM parameters looked up by name.
 * Values are derived from the lookup's own arguments, so runs repeat exactly. Pure.
 */
import { hex } from "./placeholders";
import { renderPolicyDocument } from "./policyDocument";
import { AWS_FUNCTIONS } from "../policy/facts/typeTokens";

/** The account every mocked ARN belongs to. */
export const MOCK_ACCOUNT = "123456789012";

/** The text a looked-up secret value holds offline; it is never a real secret. */
export const SECRET_LOOKUP_PLACEHOLDER = "offline-placeholder-for-a-looked-up-secret";

/**
 * ELB log-delivery accounts by region (AWS docs, "Enable access logs for your Application Load Balancer",
 * regions opened before August 2022; later regions use a service principal, answered with us-east-1's).
 */
const ELB_ACCOUNTS: Record<string, string> = {
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-northeast-1": "582318560864",
    "ap-northeast-2": "600734575887",
    "ap-northeast-3": "383597477331",
    "ap-south-1": "718504428378",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-southeast-3": "589379963580",
    "ca-central-1": "985666609251",
    "cn-north-1": "638102146993",
    "cn-northwest-1": "037604701340",
    "eu-central-1": "054676820928",
    "eu-north-1": "897822967062",
    "eu-south-1": "635631232127",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-west-3": "009996457667",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-gov-east-1": "190560391635",
    "us-gov-west-1": "048591011584",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
};

const ZONE_LETTERS = ["a", "b", "c", "d", "e", "f"];

/** Zone-id prefix of a region (`us-east-1` → `use1`), as AWS spells zone ids. */
const zoneIdPrefix = (region: string): string => {
    const [geo, dir, n] = region.split("-");
    return `${geo}${dir?.[0] ?? ""}${n ?? ""}`;
};

const uuid = (seed: string): string => {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** The default VPC of the region: 172.31.0.0/16, one default /20 subnet per zone. */
const defaultVpcId = (region: string) => `vpc-${hex(`default/${region}`, 17)}`;
const defaultSubnets = (region: string) =>
    ZONE_LETTERS.map((z, i) => ({ id: `subnet-${hex(`default/${region}/${z}`, 17)}`, zone: `${region}${z}`, cidr: `172.31.${i * 16}.0/20` }));

/** Values of a `filters: [{name, values}]` entry. */
const filterValues = (inputs: Record<string, any>, name: string): string[] | undefined =>
    (Array.isArray(inputs.filters) ? inputs.filters : []).find((f: any) => f?.name === name)?.values;

/**
 * Public AMI parameters hold an AMI id (`…/image_id`) or, for ECS-optimized `…/recommended`, a JSON
 * object naming it (AWS docs, "Retrieving Amazon ECS-optimized Linux AMI metadata"); any other parameter
 * a placeholder text.
 */
function ssmParameterValue(name: string): string {
    const ami = `ami-${hex(name, 17)}`;
    if (/^\/aws\/service\/ecs\/.*\/recommended$/.test(name)) {
        return JSON.stringify({ ecs_agent_version: "1.88.0", ecs_runtime_version: "Docker version 25.0.6", image_id: ami, image_name: `${name.split("/")[4]}-ecs-optimized`, os: "Amazon Linux", schema_version: 1, source_image_name: "amzn2-ami-minimal-hvm" });
    }
    return /^\/aws\/service\/.*(ami|image)/i.test(name) ? ami : `${name.split("/").pop()}-value`;
}

type Handler = (inputs: Record<string, any>, region: string) => Record<string, any>;

const HANDLERS: Record<string, Handler> = {
    [AWS_FUNCTIONS.getCallerIdentity]: () => ({ accountId: MOCK_ACCOUNT, arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/ci`, userId: "AIDAMOCKUSERID000000", id: MOCK_ACCOUNT }),
    [AWS_FUNCTIONS.getRegion]: (_, r) => ({ name: r, region: r, id: r, description: r, endpoint: `ec2.${r}.amazonaws.com` }),
    [AWS_FUNCTIONS.getPartition]: () => ({ partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" }),
    [AWS_FUNCTIONS.getAvailabilityZones]: (_, r) => {
        const names = ZONE_LETTERS.map(z => `${r}${z}`);
        return { names, zoneIds: names.map((_n, i) => `${zoneIdPrefix(r)}-az${i + 1}`), id: r, groupNames: [r], region: r };
    },
    [AWS_FUNCTIONS.ecrGetAuthorizationToken]: (inputs, r) => {
        const registry = inputs.registryId ?? MOCK_ACCOUNT;
        return {
            authorizationToken: Buffer.from("AWS:mock-token").toString("base64"),
            userName: "AWS",
            password: "mock-token",
            proxyEndpoint: `https://${registry}.dkr.ecr.${r}.amazonaws.com`,
            expiresAt: "2030-01-01T00:00:00Z",
            id: registry,
        };
    },
    [AWS_FUNCTIONS.elbGetServiceAccount]: (inputs, r) => {
        const region = inputs.region ?? r;
        const account = ELB_ACCOUNTS[region];
        if (account === undefined) {
            // As the provider fails: AWS documents no ELB account for regions opened since August 2022.
            throw new Error(`aws.elb.getServiceAccount: there is no ELB service account in region ${region}; grant logdelivery.elasticloadbalancing.amazonaws.com instead.`);
        }
        return { arn: `arn:aws:iam::${account}:root`, id: account };
    },
    [AWS_FUNCTIONS.iamGetPolicyDocument]: inputs => renderPolicyDocument(inputs),
    [AWS_FUNCTIONS.ec2GetVpc]: (inputs, r) => {
        const id = inputs.id ?? filterValues(inputs, "vpc-id")?.[0] ?? defaultVpcId(r);
        const isDefault = id === defaultVpcId(r);
        return {
            id,
            arn: `arn:aws:ec2:${r}:${MOCK_ACCOUNT}:vpc/${id}`,
            cidrBlock: isDefault ? "172.31.0.0/16" : (inputs.cidrBlock ?? "10.0.0.0/16"),
            default: isDefault,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            instanceTenancy: "default",
            mainRouteTableId: `rtb-${hex(`${id}/main`, 17)}`,
            dhcpOptionsId: `dopt-${hex(r, 17)}`,
            ownerId: MOCK_ACCOUNT,
            state: "available",
            region: r,
            tags: inputs.tags ?? {},
            cidrBlockAssociations: [],
            ipv6CidrBlockAssociations: [],
        };
    },
    [AWS_FUNCTIONS.ec2GetSubnets]: (inputs, r) => {
        const vpc = filterValues(inputs, "vpc-id")?.[0] ?? defaultVpcId(r);
        const ids = vpc === defaultVpcId(r) ? defaultSubnets(r).map(s => s.id) : ZONE_LETTERS.slice(0, 3).map(z => `subnet-${hex(`${vpc}/${z}`, 17)}`);
        return { id: r, ids, region: r, filters: inputs.filters };
    },
    [AWS_FUNCTIONS.ec2GetSubnet]: (inputs, r) => {
        const subnet = defaultSubnets(r).find(s => s.id === inputs.id || s.zone === inputs.availabilityZone) ?? defaultSubnets(r)[0];
        const id = inputs.id ?? subnet.id;
        return {
            id,
            arn: `arn:aws:ec2:${r}:${MOCK_ACCOUNT}:subnet/${id}`,
            availabilityZone: subnet.zone,
            availabilityZoneId: `${zoneIdPrefix(r)}-az${ZONE_LETTERS.indexOf(subnet.zone.slice(-1)) + 1}`,
            cidrBlock: subnet.cidr,
            defaultForAz: true,
            mapPublicIpOnLaunch: true,
            vpcId: inputs.vpcId ?? defaultVpcId(r),
            ownerId: MOCK_ACCOUNT,
            state: "available",
            region: r,
            tags: {},
        };
    },
    [AWS_FUNCTIONS.ec2GetSecurityGroup]: (inputs, r) => {
        const name = inputs.name ?? filterValues(inputs, "group-name")?.[0] ?? "default";
        const id = inputs.id ?? `sg-${hex(`${r}/${name}`, 17)}`;
        return { id, name, arn: `arn:aws:ec2:${r}:${MOCK_ACCOUNT}:security-group/${id}`, description: `${name} security group`, vpcId: inputs.vpcId ?? defaultVpcId(r), region: r, tags: {} };
    },
    [AWS_FUNCTIONS.route53GetZone]: inputs => {
        const name = String(inputs.name ?? "example.com").replace(/\.$/, "");
        const zoneId = inputs.zoneId ?? `Z${hex(name, 20).toUpperCase()}`;
        return {
            id: zoneId,
            zoneId,
            name,
            arn: `arn:aws:route53:::hostedzone/${zoneId}`,
            callerReference: uuid(name),
            comment: "",
            nameServers: [1, 2, 3, 4].map(i => `ns-${parseInt(hex(`${name}/${i}`, 3), 16)}.awsdns-${i}.${["com", "net", "org", "co.uk"][i - 1]}`),
            primaryNameServer: `ns-${parseInt(hex(`${name}/1`, 3), 16)}.awsdns-1.com`,
            privateZone: inputs.privateZone ?? false,
            resourceRecordSetCount: 2,
            linkedServiceDescription: "",
            linkedServicePrincipal: "",
            tags: {},
        };
    },
    [AWS_FUNCTIONS.acmGetCertificate]: (inputs, r) => {
        const domain = String(inputs.domain);
        const arn = `arn:aws:acm:${r}:${MOCK_ACCOUNT}:certificate/${uuid(domain)}`;
        return { id: arn, arn, domain, status: "ISSUED", statuses: inputs.statuses, types: inputs.types ?? ["AMAZON_ISSUED"], keyTypes: inputs.keyTypes, certificate: "", certificateChain: "", region: r, tags: {} };
    },
    [AWS_FUNCTIONS.secretsmanagerGetSecret]: (inputs, r) => {
        const name = String(inputs.name ?? String(inputs.arn ?? "secret").split(":").pop()).replace(/-[A-Za-z0-9]{6}$/, "");
        const arn = inputs.arn ?? `arn:aws:secretsmanager:${r}:${MOCK_ACCOUNT}:secret:${name}-${hex(name, 6)}`;
        return { id: arn, arn, name, description: "", kmsKeyId: "", policy: "", region: r, tags: {}, createdDate: "2026-01-01T00:00:00Z", lastChangedDate: "2026-01-01T00:00:00Z" };
    },
    [AWS_FUNCTIONS.secretsmanagerGetSecretVersion]: (inputs, r) => {
        const secretId = String(inputs.secretId);
        const arn = secretId.startsWith("arn:") ? secretId : `arn:aws:secretsmanager:${r}:${MOCK_ACCOUNT}:secret:${secretId}-${hex(secretId, 6)}`;
        const versionId = inputs.versionId ?? uuid(secretId);
        return {
            id: `${arn}|${versionId}`,
            arn,
            secretArn: arn,
            secretId,
            versionId,
            versionStage: inputs.versionStage,
            versionStages: [inputs.versionStage ?? "AWSCURRENT"],
            secretString: SECRET_LOOKUP_PLACEHOLDER,
            secretBinary: "",
            createdDate: "2026-01-01T00:00:00Z",
            region: r,
        };
    },
    [AWS_FUNCTIONS.ec2GetAmi]: (inputs, r) => {
        const seed = JSON.stringify([inputs.owners, inputs.filters, inputs.nameRegex]);
        const id = `ami-${hex(seed, 17)}`;
        const name = String(filterValues(inputs, "name")?.[0] ?? "image").replace(/\*/g, "x");
        return {
            id,
            imageId: id,
            arn: `arn:aws:ec2:${r}::image/${id}`,
            name,
            architecture: String(filterValues(inputs, "architecture")?.[0] ?? (/arm64|aarch64/.test(name) ? "arm64" : "x86_64")),
            ownerId: inputs.owners?.[0] ?? "137112412989",
            rootDeviceName: "/dev/xvda",
            rootDeviceType: "ebs",
            virtualizationType: "hvm",
            state: "available",
            public: true,
            blockDeviceMappings: [],
            productCodes: [],
            tags: {},
            region: r,
        };
    },
    [AWS_FUNCTIONS.ssmGetParameter]: (inputs, r) => {
        const name = String(inputs.name);
        const value = ssmParameterValue(name);
        return { id: name, name, arn: `arn:aws:ssm:${r}:${MOCK_ACCOUNT}:parameter/${name.replace(/^\//, "")}`, type: "String", value, insecureValue: value, version: 1, region: r };
    },
    [AWS_FUNCTIONS.iamGetPolicy]: inputs => {
        const name = String(inputs.name ?? String(inputs.arn ?? "policy").split("/").pop());
        const arn = inputs.arn ?? `arn:aws:iam::aws:policy/${name}`;
        return { id: arn, arn, name, path: "/", description: "", policy: "{}", policyId: `ANPA${hex(name, 17).toUpperCase()}`, attachmentCount: 0, tags: {} };
    },
    [AWS_FUNCTIONS.iamGetRole]: inputs => {
        const name = String(inputs.name);
        return { id: name, name, arn: `arn:aws:iam::${MOCK_ACCOUNT}:role/${name}`, path: "/", uniqueId: `AROA${hex(name, 17).toUpperCase()}`, assumeRolePolicy: "{}", maxSessionDuration: 3600, description: "", createDate: "2026-01-01T00:00:00Z", permissionsBoundary: "", roleLastUseds: [], tags: {} };
    },
};

/** Tokens of the data sources answered offline. */
export const ANSWERED_CALLS: readonly string[] = Object.keys(HANDLERS);

/** The answer to data source `token` in `region`, or undefined when it is not one answered offline. */
export function answerCall(token: string, inputs: Record<string, any>, region: string): Record<string, any> | undefined {
    return HANDLERS[token]?.(inputs, region);
}
