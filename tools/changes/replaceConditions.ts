/**
 * Replacements the provider decides from the old and the new inputs together (a `CustomizeDiff` calling
 * `ForceNew`, a `ModifyPlan` setting `RequiresReplace`), not from the schema alone. Pure.
 */

/** A resource's top-level inputs as a check report records them. */
export type Inputs = Readonly<Record<string, unknown>>;

/**
 * Whether a change from `before` to `now` forces a new resource: `true` it does, `false` it updates in place,
 * a string says why it cannot be told offline.
 */
export type Condition = (now: Inputs, before: Inputs) => boolean | string;

const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

/** The members of a set-typed input, each in canonical form; an absent input is the empty set. */
const members = (value: unknown): string[] => (Array.isArray(value) ? value.map(canonical) : []);

const within = (part: readonly string[], whole: readonly string[]): boolean => part.every(m => whole.includes(m));

/** `load_balancer_type` as the provider sees it: the schema's default is `application`. */
const loadBalancerType = (inputs: Inputs): unknown => inputs.loadBalancerType ?? "application";

/**
 * internal/provider/sdkv2/region.go `forceNewIfRegionChanges` (and internal/provider/framework
 * `resourceForceNewIfRegionChanges`): a changed `region` forces a new resource, except a move between unset and
 * the provider's own region, which the report cannot see.
 */
export const regionChanges: Condition = (now, before) =>
    (now.region === undefined) === (before.region === undefined)
        ? true
        : "region moves between an explicit value and the provider's default: a replacement unless that value is the provider's own region";

/**
 * elbv2/load_balancer.go `customizeDiffLoadBalancerNLB`: a network load balancer's subnets can only grow in
 * place; a change that keeps or lowers their number forces a new one.
 */
export const networkSubnetsShrink: Condition = (now, before) =>
    loadBalancerType(now) === "network" && members(now.subnets).length <= members(before.subnets).length;

/**
 * elbv2/load_balancer.go `customizeDiffLoadBalancerNLB` and `customizeDiffLoadBalancerALB` on
 * `subnet_mapping`: a network load balancer only takes added mappings in place; an application load balancer
 * takes pure additions or pure removals, and a changed mapping forces a new one.
 */
export const subnetMappingsRewritten: Condition = (now, before) => {
    const [was, is] = [members(before.subnetMappings), members(now.subnetMappings)];
    const delta = is.length - was.length;
    switch (loadBalancerType(now)) {
        case "network":
            return delta <= 0 || !within(was, is);
        case "application":
            return delta === 0 || (delta < 0 ? !within(is, was) : !within(was, is));
        default:
            return false;
    }
};

/**
 * elbv2/load_balancer.go `customizeDiffLoadBalancerNLB`: security groups cannot be added to a network load
 * balancer that has none, nor all removed from one that has some.
 */
export const networkSecurityGroupsToggled: Condition = (now, before) =>
    loadBalancerType(now) === "network" && (members(now.securityGroups).length === 0) !== (members(before.securityGroups).length === 0);

/**
 * `secondaryIpsAutoAssignedPerSubnet`, declared by the installed `@pulumi/aws` ("When decreased, this will force
 * a recreation of the resource"): the upstream schema read predates the attribute.
 */
export const secondaryIpsDecrease: Condition = (now, before) => {
    const [was, is] = [before.secondaryIpsAutoAssignedPerSubnet, now.secondaryIpsAutoAssignedPerSubnet];
    return typeof was === "number" && typeof is === "number"
        ? is < was
        : "secondaryIpsAutoAssignedPerSubnet is set on one side only: whether that lowers the provider's value is not known offline";
};

/** The one source attribute a VPC security group rule names (its `ExactlyOneOf`). */
const RULE_SOURCES = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"] as const;

const ruleSource = (inputs: Inputs): string | undefined => RULE_SOURCES.find(key => inputs[key] !== undefined && inputs[key] !== null);

/**
 * ec2/vpc_security_group_rule.go `ModifyPlan` (shared by the ingress and egress rule resources): "When you
 * modify a rule, you cannot change the rule's source type" — a new source attribute requires a replacement;
 * a new value of the same one is modified in place.
 */
export const ruleSourceTypeChanges: Condition = (now, before) => ruleSource(now) !== ruleSource(before);

/** The source attributes of a VPC security group rule, each replaced under {@link ruleSourceTypeChanges}. */
export const RULE_SOURCE_INPUTS: readonly string[] = RULE_SOURCES;

/** `objectLockConfiguration.objectLockEnabled`, the block's one `ForceNew` field. */
const nestedObjectLock = (inputs: Inputs): unknown => {
    const block = inputs.objectLockConfiguration;
    return block !== null && typeof block === "object" ? (block as Record<string, unknown>).objectLockEnabled : undefined;
};

/**
 * s3/bucket.go: inside the deprecated `object_lock_configuration` block only `object_lock_enabled` is
 * `ForceNew`; its `rule` updates in place.
 */
export const nestedObjectLockChanges: Condition = (now, before) => nestedObjectLock(now) !== nestedObjectLock(before);
