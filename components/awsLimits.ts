/**
 * Limits AWS applies only at `pulumi up` to values this program derives from stack config, so the loader
 * can refuse the config key by name before anything is created. The offline check's apply-time rules
 * (`harness/applyRules/`) judge the same limits on every resource, for any program. Pure.
 */
import { arnRegionOf } from "./arn";

/**
 * Tag keys the program adds to every resource's tags (index.ts: Project, Stack, Service, Environment) or
 * to some (Name on security groups and the VPC; Exposure on the load balancer, never with Name).
 */
export const PROGRAM_TAG_KEYS = ["Project", "Stack", "Service", "Environment", "Name"] as const;

/** AWS: at most 50 user tags per resource, keys 1 to 128 characters, values at most 256. */
export const TAG_LIMITS = { perResource: 50, key: 128, value: 256 } as const;

/**
 * Tag characters IAM, ELB, ECS, CloudWatch Logs, Secrets Manager and most services accept (EC2 accepts any),
 * as a character-class body: Unicode letters, digits and spaces, and _ . : / = + - @.
 */
export const TAG_CHARACTERS = "\\p{L}\\p{Z}\\p{N}_.:/=+\\-@";

/**
 * Why names derived from `serviceName` would be refused: the load balancer is generated as
 * `<service>-alb-<7 hex>` (ELB refuses names starting "internal-") and security groups as
 * `<service>-alb-sg-<7 hex>` and `<service>-task-sg-<7 hex>` (EC2 refuses group names starting "sg-").
 * Lengths are held by the key's own 20-character limit: `<service>-alb-` plus 7 is 32, ELB's maximum.
 */
export function derivedNameProblem(serviceName: string): string | undefined {
    if (/^internal(-|$)/.test(serviceName)) {
        return `the load balancer's name would start with "internal-", which ELB reserves; choose another name`;
    }
    if (/^sg(-|$)/.test(serviceName)) {
        return `security group names would start with "sg-", which EC2 reserves; choose another name`;
    }
    return undefined;
}

/**
 * Why the stack name cannot name the task definition family `<stack>-<service>`: ECS accepts up to 255
 * letters, digits, underscores and hyphens, while Pulumi stack names may contain dots.
 */
export function familyProblem(stack: string, serviceName: string): string | undefined {
    const family = `${stack}-${serviceName}`;
    return /^[A-Za-z0-9_-]{1,255}$/.test(family)
        ? undefined
        : `stack name ${JSON.stringify(stack)} makes the task definition family ${JSON.stringify(family)}; ECS accepts only letters, digits, underscores and hyphens (no dots)`;
}

/** The network address of an IPv4 CIDR block when host bits are set (10.0.0.1/16 → 10.0.0.0/16), else undefined. */
export function hostBitsSet(cidr: string): string | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!match) return undefined;
    const value = match.slice(1, 5).reduce((acc, o) => acc * 256 + Number(o), 0);
    const prefix = Number(match[5]);
    const size = 2 ** (32 - prefix);
    const network = Math.floor(value / size) * size;
    if (network === value) return undefined;
    return `${[24, 16, 8, 0].map(shift => Math.floor(network / 2 ** shift) % 256).join(".")}/${prefix}`;
}

/** Why an ARN cannot be used by resources in `region` (ACM certificates and KMS keys are regional). */
export function otherRegionProblem(arn: string, region: string | undefined, what: string): string | undefined {
    const own = arnRegionOf(arn);
    return region !== undefined && own !== undefined && own !== region
        ? `the ${what} is in ${own} but the stack deploys to ${region} (aws:region); use one from ${region}`
        : undefined;
}
