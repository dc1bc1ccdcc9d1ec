/**
 * Image references by digest in a private ECR registry, as a prebuilt image is given. Pure.
 *
 * Form: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>@sha256:<64 lowercase hex>`
 * (ECR's registry host names per the ECR user guide, "Private registry concepts" and "Service endpoints").
 * Repository names follow ECR's own pattern: lowercase path components joined by `/`, each made of
 * alphanumerics separated by single `.`, `_` or `-` (2 to 256 characters).
 */
import { Partition, partitionOf } from "./arn";

const HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(\.cn)?$/;
const REPOSITORY = /^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** What the execution role and the task definition need from a prebuilt image. */
export interface EcrImageReference {
    /** The reference itself, unchanged: `<registry>/<repository>@sha256:…`. */
    readonly uri: string;
    readonly accountId: string;
    readonly region: string;
    readonly partition: Partition;
    readonly repository: string;
    /** `sha256:<64 hex>`. */
    readonly digest: string;
    /** ARN of the repository the image lives in: the execution role's pull grant. */
    readonly repositoryArn: string;
}

/** The form a prebuilt image must have, for messages. */
export const ECR_IMAGE_FORM = "<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex digits>";

/**
 * Reads a prebuilt image reference. Returns the problem, worded to follow "`<key>` is "<value>"; ",
 * when it is not a private ECR image named by digest.
 */
export function readEcrImageReference(uri: string): EcrImageReference | { readonly problem: string } {
    const fail = (why: string) => ({ problem: `${why}; expected ${ECR_IMAGE_FORM}` });
    if (/\s/.test(uri) || uri.includes("://")) {
        return fail("an image reference has no spaces and no scheme");
    }
    const slash = uri.indexOf("/");
    if (slash < 0) {
        return fail("it names no registry");
    }
    const host = HOST.exec(uri.slice(0, slash));
    if (!host) {
        return fail("the execution role can pull only from a private ECR registry (other registries need credentials the stack does not configure)");
    }
    const [, accountId, region, china] = host;
    if (Boolean(china) !== region.startsWith("cn-")) {
        return fail(`region ${region} does not belong to the registry's domain`);
    }
    const rest = uri.slice(slash + 1);
    const at = rest.indexOf("@");
    if (at < 0) {
        return fail(/:[^/]*$/.test(rest) ? "it names a tag, which can be moved to another image; name the image by digest" : "it names no digest");
    }
    const name = rest.slice(0, at);
    const digest = rest.slice(at + 1);
    if (/:[^/]*$/.test(name)) {
        return fail("it names both a tag and a digest; give only the digest");
    }
    if (!REPOSITORY.test(name)) {
        return fail(`${JSON.stringify(name)} is not an ECR repository name`);
    }
    if (!DIGEST.test(digest)) {
        return fail("the digest must be sha256: followed by 64 lowercase hex digits");
    }
    const partition = partitionOf(region);
    return {
        uri,
        accountId,
        region,
        partition,
        repository: name,
        digest,
        repositoryArn: `arn:${partition}:ecr:${region}:${accountId}:repository/${name}`,
    };
}

/** The problem with a prebuilt image reference, or undefined when it is a private ECR image by digest. */
export function ecrImageReferenceProblem(uri: string): string | undefined {
    const read = readEcrImageReference(uri);
    return "problem" in read ? read.problem : undefined;
}
