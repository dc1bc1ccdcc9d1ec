/**
 * Descriptions AWS accepts: security groups and every form of their rules (EC2 refuses other characters
 * at apply time; neither the provider nor the API model checks them), and IAM roles and policies.
 */
import { EC2_DESCRIPTION_CLASS, EC2_DESCRIPTION_MAX_LENGTH } from "../../components/ec2Description";
import { DEFAULT_SECURITY_GROUP, IAM_POLICY, IAM_ROLE, SECURITY_GROUP, SECURITY_GROUP_RULE, SG_EGRESS_RULE, SG_INGRESS_RULE } from "../../policy/facts/typeTokens";

/** Groups that carry inline `ingress`/`egress` rules. */
export const INLINE_RULE_GROUPS: readonly string[] = [...SECURITY_GROUP, ...DEFAULT_SECURITY_GROUP];
import { AUTONAME, autoname, charsetFinding, isKnownString, lengthFinding, objects } from "./read";
import { ApplyRule, Finding } from "./types";

/** Security-group and rule descriptions and group names: a-z, A-Z, 0-9, spaces and `._-:/()#,@[]+=&;{}!$*` (one owner: the components' check). */
export const EC2_TEXT = EC2_DESCRIPTION_CLASS;
const EC2_TEXT_SHOWN = "letters a-z A-Z, digits, spaces and ._-:/()#,@[]+=&;{}!$*";

const ec2Text = (path: string, value: unknown): Finding[] =>
    isKnownString(value) ? [...lengthFinding(path, value, EC2_DESCRIPTION_MAX_LENGTH), ...charsetFinding(path, value, EC2_TEXT, EC2_TEXT_SHOWN)] : [];

export const ec2SecurityGroupDescription: ApplyRule = {
    id: "ec2-security-group-description",
    types: SECURITY_GROUP,
    aws: "GroupDescription: up to 255 characters; a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html",
    configKeys: [],
    check: r => ec2Text("description", r.inputs.description),
};

export const ec2SecurityGroupName: ApplyRule = {
    id: "ec2-security-group-name",
    types: SECURITY_GROUP,
    aws: "GroupName: up to 255 characters, not starting with sg-; a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html",
    configKeys: [],
    check: (r, context) => {
        const findings: Finding[] = [];
        const named = (path: string, value: unknown, max: number) => {
            if (!isKnownString(value)) return;
            findings.push(...lengthFinding(path, value, max), ...charsetFinding(path, value, EC2_TEXT, EC2_TEXT_SHOWN));
            if (/^sg-/i.test(value)) findings.push({ path, given: value, allowed: `a name not starting with "sg-"` });
        };
        named("name", r.inputs.name, 255);
        named("namePrefix", r.inputs.namePrefix, 255 - 26);
        const auto = autoname(r, context);
        if (auto) {
            findings.push(...charsetFinding(AUTONAME, auto.prefix, EC2_TEXT, `${EC2_TEXT_SHOWN} (the logical name is the generated name's start)`));
            if (/^sg-/i.test(auto.prefix)) findings.push({ path: AUTONAME, given: auto.example, allowed: `a logical name not starting with "sg-", or an explicit name` });
        }
        return findings;
    },
};

export const ec2SecurityGroupRuleDescription: ApplyRule = {
    id: "ec2-security-group-rule-description",
    types: [...INLINE_RULE_GROUPS, ...SECURITY_GROUP_RULE, ...SG_INGRESS_RULE, ...SG_EGRESS_RULE],
    aws: "Rule Description (IpRange, Ipv6Range, UserIdGroupPair, PrefixListId): up to 255 characters; a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html",
    configKeys: [],
    check: r =>
        INLINE_RULE_GROUPS.includes(r.type)
            ? ["ingress", "egress"].flatMap(direction => objects(r.inputs[direction], direction).flatMap(rule => ec2Text(`${rule.path}.description`, rule.value.description)))
            : ec2Text("description", r.inputs.description),
};

/** IAM text: tab, line feed, carriage return, printable ASCII and Latin-1 (U+00A1 to U+00FF). */
const IAM_TEXT = "\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF";

export const iamDescription: ApplyRule = {
    id: "iam-description",
    types: [...IAM_ROLE, ...IAM_POLICY],
    aws: "Description: at most 1000 characters of [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html",
    configKeys: [],
    check: r => {
        const value = r.inputs.description;
        return isKnownString(value)
            ? [...lengthFinding("description", value, 1000), ...charsetFinding("description", value, IAM_TEXT, "tab, newline, printable ASCII and Latin-1 letters")]
            : [];
    },
};
