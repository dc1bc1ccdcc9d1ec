/**
 * EC2's rule for security-group and security-group-rule descriptions. Pure.
 *
 * EC2 accepts only `a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*` and at most 255 characters in `GroupDescription` and
 * in a rule's `Description` (EC2 API reference, CreateSecurityGroup and IpRange/UserIdGroupPair
 * "Description": "Constraints: Up to 255 characters in length. Allowed characters are a-z, A-Z, 0-9,
 * spaces, and ._-:/()#,@[]+=&;{}!$*"). Neither the API model nor the provider checks it before the call,
 * so an apostrophe passes every preview and fails `pulumi up`.
 */

/** The characters EC2 allows in a security-group or rule description (and a group name), as a character-class body. */
export const EC2_DESCRIPTION_CLASS = "a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*";

/** The characters EC2 allows in a security-group or rule description. */
export const EC2_DESCRIPTION_CHARACTERS = new RegExp(`^[${EC2_DESCRIPTION_CLASS}]*$`, "u");

/** The longest description EC2 accepts. */
export const EC2_DESCRIPTION_MAX_LENGTH = 255;

/** Why `text` is not a valid EC2 security-group or rule description, or undefined when it is. */
export function ec2DescriptionProblem(text: string): string | undefined {
    const bad = [...new Set([...text].filter(c => !EC2_DESCRIPTION_CHARACTERS.test(c)))];
    if (bad.length > 0) {
        return `contains ${bad.map(c => JSON.stringify(c)).join(", ")}; EC2 allows only letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*`;
    }
    if (text.length > EC2_DESCRIPTION_MAX_LENGTH) {
        return `is ${text.length} characters long; EC2 allows at most ${EC2_DESCRIPTION_MAX_LENGTH}`;
    }
    return undefined;
}

/**
 * `text`, checked: throws before anything is registered when EC2 would refuse it, naming the component and
 * the field (a component name with an apostrophe ends up in a group description).
 */
export function ec2Description(component: string, field: string, text: string): string {
    const problem = ec2DescriptionProblem(text);
    if (problem) {
        throw new Error(`${component}: the ${field} ${JSON.stringify(text)} ${problem}.`);
    }
    return text;
}
