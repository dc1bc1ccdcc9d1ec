/**
 * Names AWS accepts, for explicit names, name prefixes and the names the provider generates from logical
 * names. Generated names: the Pulumi bridge appends "-" and 7 random hex characters and refuses, without
 * truncating, a result longer than its per-type maximum; Terraform's plan-time validation then judges the
 * generated name like an explicit one. A `namePrefix` gets 26 characters appended by Terraform.
 *
 * Per-type maxima (pulumi-aws `provider/autonaming.go`, `provider/aliases.go`, `provider/resources.go`):
 * `setAutonaming` runs last and gives every type with a `name` input `AutoName("name", 255, "-")` unless an
 * override set one first: `aws_lb_target_group` 32 (not its `aws_alb_` alias, nor `aws_lb`), `aws_iam_role`
 * 64, `aws_s3_bucket` 63 after lowercasing. So a load balancer's name is generated up to 255 and only
 * then refused by Terraform's `validName` past 32: the provider never truncates.
 */
import {
    AWS_TYPES,
    ECS_CLUSTER,
    ECS_SERVICE,
    IAM_POLICY,
    IAM_ROLE,
    IAM_ROLE_POLICY,
    LOAD_BALANCER,
    LOG_GROUP,
    SECRET,
    TARGET_GROUP,
    TASK_DEFINITION,
} from "../../policy/facts/typeTokens";
import { AUTONAME, AUTONAME_RANDOM, autoname, charsetFinding, isKnownString, lengthFinding, PREFIX_SUFFIX } from "./read";
import { ApplyRule, Finding, RuleContext, RuleResource } from "./types";

/** How one type's names are judged. */
interface NameSpec {
    /** Longest name AWS accepts. */
    readonly max: number;
    /** Allowed characters, as a character-class body, and as users read them. */
    readonly charset: string;
    readonly charsetShown: string;
    /** Longest `namePrefix` the provider accepts. @default max - 26 */
    readonly prefixMax?: number;
    /** Longest name the bridge generates for this type, by type token. @default 255 */
    readonly autonameMax?: Readonly<Record<string, number>>;
    /** Input names of the name and its prefix. @default "name", "namePrefix" */
    readonly keys?: { readonly name: string; readonly prefix: string };
    /** What the bridge does to the logical name before appending (S3 lowercases it). */
    readonly transform?: (logical: string) => string;
    /** Further requirements on a whole name: the allowed text when `name` breaks one. */
    readonly extra?: (name: string, kind: "name" | "prefix" | "autoname") => string | undefined;
}

/** Findings for `name`, `namePrefix` and the generated name of `r`. */
function judgeNames(r: RuleResource, context: RuleContext, spec: NameSpec, generated = true): Finding[] {
    const { name: nameKey, prefix: prefixKey } = spec.keys ?? { name: "name", prefix: "namePrefix" };
    const findings: Finding[] = [];
    const judge = (path: string, value: string, max: number, kind: "name" | "prefix" | "autoname") => {
        findings.push(...lengthFinding(path, value, max), ...charsetFinding(path, value, spec.charset, spec.charsetShown));
        const extra = spec.extra?.(value, kind);
        if (extra) findings.push({ path, given: value, allowed: extra });
    };
    if (isKnownString(r.inputs[nameKey])) judge(nameKey, r.inputs[nameKey], spec.max, "name");
    if (isKnownString(r.inputs[prefixKey])) judge(prefixKey, r.inputs[prefixKey], spec.prefixMax ?? spec.max - PREFIX_SUFFIX, "prefix");
    const auto = generated ? autoname(r, context, { name: nameKey, prefix: prefixKey, transform: spec.transform }) : undefined;
    if (auto) {
        const bridgeMax = spec.autonameMax?.[r.type] ?? 255;
        if (auto.prefix.length + AUTONAME_RANDOM > bridgeMax) {
            findings.push({
                path: AUTONAME,
                given: auto.example,
                allowed: `a logical name of at most ${bridgeMax - AUTONAME_RANDOM - 1} characters, or an explicit name: the provider refuses to generate a name longer than ${bridgeMax} ("name '${auto.prefix}' plus ${AUTONAME_RANDOM} random chars is longer than maximum length ${bridgeMax}")`,
            });
            return findings;
        }
        const before = findings.length;
        judge(AUTONAME, auto.example, spec.max, "autoname");
        // The random tail is valid by construction; say what to change: the logical name.
        for (let i = before; i < findings.length; i++) {
            const f = findings[i];
            findings[i] = { ...f, allowed: `${f.allowed} (generated from the logical name "${r.name}"; shorten or rename it, or set name)` };
        }
    }
    return findings;
}

const ELB_CHARSET = { charset: "0-9A-Za-z\\-", charsetShown: "letters, digits and hyphens" } as const;
const hyphenEnds = (name: string, kind: string): string | undefined =>
    name.startsWith("-") ? "a name not starting with a hyphen" : kind === "name" && name.endsWith("-") ? "a name not ending with a hyphen" : undefined;

export const elbLoadBalancerName: ApplyRule = {
    id: "elb-load-balancer-name",
    types: LOAD_BALANCER,
    aws: "Name: at most 32 characters, alphanumerics and hyphens, not starting or ending with a hyphen, not starting with internal-; name_prefix at most 6",
    source: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/elbv2/validate.go",
    configKeys: ["serviceName"],
    check: (r, context) =>
        judgeNames(r, context, {
            max: 32,
            ...ELB_CHARSET,
            prefixMax: 6,
            extra: (name, kind) => hyphenEnds(name, kind) ?? (name.startsWith("internal-") ? `a name not starting with "internal-" (reserved for internal load balancers' DNS names)` : undefined),
        }),
};

export const elbTargetGroupName: ApplyRule = {
    id: "elb-target-group-name",
    types: TARGET_GROUP,
    aws: "Name: at most 32 characters, alphanumerics and hyphens, not starting or ending with a hyphen; name_prefix at most 6; pulumi-aws generates at most 32",
    source: "https://github.com/pulumi/pulumi-aws/blob/master/provider/aliases.go",
    configKeys: ["serviceName"],
    check: (r, context) =>
        judgeNames(r, context, { max: 32, ...ELB_CHARSET, prefixMax: 6, autonameMax: { [AWS_TYPES.lbTargetGroup]: 32 }, extra: hyphenEnds }),
};

const IAM_NAME = { charset: "\\w+=,.@\\-", charsetShown: "letters, digits and _+=,.@-" } as const;
/** IAM paths: "/" or "/" + printable ASCII + "/", at most 512. */
const IAM_PATH = /^(\/|\/[\x21-\x7e]+\/)$/;

function iamPath(r: RuleResource): Finding[] {
    const path = r.inputs.path;
    if (!isKnownString(path)) return [];
    return [
        ...lengthFinding("path", path, 512),
        ...(IAM_PATH.test(path) ? [] : [{ path: "path", given: path, allowed: `"/" or a path starting and ending with "/" of printable ASCII without spaces, e.g. "/service-role/"` }]),
    ];
}

export const iamRoleName: ApplyRule = {
    id: "iam-role-name",
    types: IAM_ROLE,
    aws: "RoleName: 1 to 64 of [\\w+=,.@-]; Path: / or /…/ of printable ASCII, at most 512; pulumi-aws generates at most 64",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html",
    configKeys: ["serviceName"],
    check: (r, context) => [...judgeNames(r, context, { max: 64, ...IAM_NAME, autonameMax: { [AWS_TYPES.iamRole]: 64 } }), ...iamPath(r)],
};

export const iamPolicyName: ApplyRule = {
    id: "iam-policy-name",
    types: [...IAM_POLICY, ...IAM_ROLE_POLICY],
    aws: "PolicyName: 1 to 128 of [\\w+=,.@-]; Path: / or /…/ of printable ASCII, at most 512",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html",
    configKeys: ["serviceName"],
    check: (r, context) => [...judgeNames(r, context, { max: 128, ...IAM_NAME }), ...iamPath(r)],
};

export const secretsManagerSecretName: ApplyRule = {
    id: "secretsmanager-secret-name",
    types: SECRET,
    // AWS only advises against a name ending in a hyphen and six characters (partial ARNs may then match the
    // wrong secret); CreateSecret accepts it, so it is no apply-time error here.
    aws: "Name: 1 to 512 ASCII letters, digits and /_+=.@-",
    source: "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html",
    configKeys: ["serviceName", "secretValues"],
    check: (r, context) =>
        judgeNames(r, context, {
            max: 512,
            charset: "A-Za-z0-9/_+=.@\\-",
            charsetShown: "ASCII letters, digits and /_+=.@-",
        }),
};

export const logsLogGroupName: ApplyRule = {
    id: "logs-log-group-name",
    types: LOG_GROUP,
    aws: "logGroupName: 1 to 512 of [\\.\\-_/#A-Za-z0-9]; must not start with aws/; name_prefix at most 483",
    source: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html",
    configKeys: ["serviceName"],
    check: (r, context) =>
        judgeNames(r, context, {
            max: 512,
            // terraform-provider-aws internal/service/logs validLogGroupNamePrefix: at most 483, not 512 - 26.
            prefixMax: 483,
            charset: ".\\-_/#A-Za-z0-9",
            charsetShown: "letters, digits and ._-/#",
            extra: name => (name.startsWith("aws/") ? `a name not starting with "aws/" (reserved for AWS services)` : undefined),
        }),
};

const ECS_NAME = { max: 255, charset: "a-zA-Z0-9_\\-", charsetShown: "letters, digits, underscores and hyphens" } as const;

export const ecsName: ApplyRule = {
    id: "ecs-name",
    types: [...ECS_CLUSTER, ...ECS_SERVICE, ...TASK_DEFINITION],
    aws: "clusterName, serviceName and family: up to 255 letters, digits, underscores and hyphens",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
    configKeys: ["serviceName"],
    check: (r, context) =>
        (TASK_DEFINITION as readonly string[]).includes(r.type)
            ? judgeNames(r, context, { ...ECS_NAME, keys: { name: "family", prefix: "familyPrefix" } }, false)
            : judgeNames(r, context, ECS_NAME),
};

const BUCKET = [AWS_TYPES.s3Bucket, AWS_TYPES.s3BucketV2] as const;

/** Why S3 refuses a general purpose bucket name beyond its characters and length. */
function bucketNameProblem(name: string, kind: "name" | "prefix" | "autoname"): string | undefined {
    if (!/^[a-z0-9]/.test(name)) return "a name starting with a lowercase letter or digit";
    if (kind !== "prefix" && !/[a-z0-9]$/.test(name)) return "a name ending with a lowercase letter or digit";
    if (name.includes("..")) return "a name without two adjacent periods";
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return "a name not formatted as an IP address";
    const prefix = ["xn--", "sthree-", "amzn-s3-demo-"].find(p => name.startsWith(p));
    if (prefix) return `a name not starting with the reserved "${prefix}"`;
    const suffix = kind === "prefix" ? undefined : ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].find(s => name.endsWith(s));
    return suffix ? `a name not ending with the reserved "${suffix}"` : undefined;
}

export const s3BucketName: ApplyRule = {
    id: "s3-bucket-name",
    types: BUCKET,
    aws: "Bucket names: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3); pulumi-aws lowercases the logical name and generates at most 63",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html",
    configKeys: ["serviceName"],
    check: (r, context) => {
        const findings = judgeNames(r, context, {
            max: 63,
            charset: "a-z0-9.\\-",
            charsetShown: "lowercase letters, digits, dots and hyphens",
            keys: { name: "bucket", prefix: "bucketPrefix" },
            prefixMax: 63 - PREFIX_SUFFIX,
            autonameMax: { [AWS_TYPES.s3Bucket]: 63, [AWS_TYPES.s3BucketV2]: 63 },
            transform: logical => logical.toLowerCase(),
            extra: bucketNameProblem,
        });
        const bucket = r.inputs.bucket;
        return isKnownString(bucket) && bucket.length < 3 ? [...findings, { path: "bucket", given: bucket, allowed: "at least 3 characters" }] : findings;
    },
};
