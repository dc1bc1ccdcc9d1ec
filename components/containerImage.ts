import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CpuArchitecture } from "./fargateService";
import { buildAndPush } from "./imageBuild";
import { EcrImageReference, readEcrImageReference } from "./imageReference";
import { BUILD_TAG_EXCLUSION_FILTER, contentTag } from "./imageTag";
import { childName } from "./naming";

/** Arguments of {@link ContainerImage}. */
export interface ContainerImageArgs {
    /**
     * Folder with the Dockerfile and everything the build copies: the image is built with Docker and
     * pushed to the repository. Give either this or `prebuiltImage`.
     * @default undefined
     */
    readonly context?: string;
    /**
     * An image built elsewhere (e.g. by a CI job), by digest in a private ECR registry:
     * `<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex>`. Nothing is built and no
     * Docker provider is used; the repository is still created (the stack's own images may be pushed to
     * it). Give either this or `context`.
     * @default undefined
     */
    readonly prebuiltImage?: string;
    /**
     * Dockerfile name inside `context`.
     * @default "Dockerfile"
     */
    readonly dockerfile?: string;
    /**
     * CPU architecture the image is built for; must match the task's `runtimePlatform`.
     * @default "X86_64"
     */
    readonly architecture?: CpuArchitecture;
    /**
     * Tagged images the repository keeps; older ones expire.
     * @default 10
     */
    readonly keepImages?: number;
    /**
     * Days before an untagged image expires.
     * @default 7
     */
    readonly untaggedExpiryDays?: number;
    /**
     * KMS key ARN for the repository; AES256 (AWS-managed) when unset.
     * @default undefined
     */
    readonly kmsKeyArn?: string;
    /**
     * Keep the repository and its images when the stack is destroyed, and refuse to delete it while it
     * holds images. When false the repository is force-deleted with its images (dev stacks).
     * @default false
     */
    readonly protect?: boolean;
    /** Tags for every resource. @default {} */
    readonly tags?: Record<string, string>;
}

const PLATFORM: Record<CpuArchitecture, string> = { X86_64: "linux/amd64", ARM64: "linux/arm64" };

/** The fully defaulted, validated form of {@link ContainerImageArgs}. */
export function resolveContainerImageArgs(args: ContainerImageArgs) {
    const resolved = {
        dockerfile: args.dockerfile ?? "Dockerfile",
        architecture: args.architecture ?? "X86_64",
        keepImages: args.keepImages ?? 10,
        untaggedExpiryDays: args.untaggedExpiryDays ?? 7,
        protect: args.protect ?? false,
        tags: args.tags ?? {},
    };
    if (!(resolved.architecture in PLATFORM)) {
        throw new Error(`ContainerImage: architecture is ${JSON.stringify(resolved.architecture)}; expected "X86_64" or "ARM64".`);
    }
    if (!Number.isInteger(resolved.keepImages) || resolved.keepImages < 1) {
        throw new Error(`ContainerImage: keepImages is ${resolved.keepImages}; expected a whole number of images, 1 or more.`);
    }
    if (!Number.isInteger(resolved.untaggedExpiryDays) || resolved.untaggedExpiryDays < 1) {
        throw new Error(`ContainerImage: untaggedExpiryDays is ${resolved.untaggedExpiryDays}; expected a whole number of days, 1 or more.`);
    }
    return { ...resolved, platform: PLATFORM[resolved.architecture], source: imageSource(args, PLATFORM[resolved.architecture], resolved.dockerfile) };
}

/**
 * Where the image comes from: built from a context under its content-derived tag (computed here, before
 * any resource exists, so a missing Dockerfile fails naming the folder), or prebuilt and named by digest.
 */
export type ImageSource =
    | { readonly kind: "build"; readonly context: string; readonly tag: string }
    | { readonly kind: "prebuilt"; readonly image: EcrImageReference };

function imageSource(args: ContainerImageArgs, platform: string, dockerfile: string): ImageSource {
    const hasContext = args.context !== undefined && args.context !== "";
    const hasPrebuilt = args.prebuiltImage !== undefined && args.prebuiltImage !== "";
    if (hasContext === hasPrebuilt) {
        throw new Error(
            `ContainerImage: give ${hasContext ? "only one of" : "one of"} context (a folder to build with Docker) or prebuiltImage (an image built elsewhere, by digest).`,
        );
    }
    if (hasContext) {
        return { kind: "build", context: args.context!, tag: contentTag(args.context!, platform, dockerfile) };
    }
    const read = readEcrImageReference(args.prebuiltImage!);
    if ("problem" in read) {
        throw new Error(`ContainerImage: prebuiltImage is ${JSON.stringify(args.prebuiltImage)}; ${read.problem}.`);
    }
    return { kind: "prebuilt", image: read };
}

/** ECR lifecycle rules: expire untagged images after N days, keep the newest M tagged ones. */
export function lifecyclePolicyDocument(keepImages: number, untaggedExpiryDays: number): string {
    return JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images after ${untaggedExpiryDays} days`,
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: untaggedExpiryDays },
                action: { type: "expire" },
            },
            {
                rulePriority: 2,
                description: `Keep the newest ${keepImages} images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepImages },
                action: { type: "expire" },
            },
        ],
    });
}

/**
 * A private ECR repository (scan on push, immutable tags except the build tags, encryption, lifecycle
 * policy) and the service image: built from `context` and pushed under a content-derived build tag, or
 * given prebuilt by digest. Consumers use {@link ContainerImage.imageRef}, which pins the image by digest:
 * a task never runs a different image than the one this deployment built or named, even when a build tag
 * is pushed again.
 */
export class ContainerImage extends pulumi.ComponentResource {
    /** Repository URL (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`). */
    public readonly repositoryUrl: pulumi.Output<string>;
    /** Repository ARN, for pull grants. */
    public readonly repositoryArn: pulumi.Output<string>;
    /** Repository name. */
    public readonly repositoryName: pulumi.Output<string>;
    /** The image's digest (`sha256:…`). */
    public readonly imageDigest: pulumi.Output<string>;
    /** The image by digest: `<repositoryUrl>@sha256:…`, or the prebuilt image as given. */
    public readonly imageRef: pulumi.Output<string>;
    /** ARN of the repository the image lives in (the prebuilt image's own repository), for the pull grant. */
    public readonly imageRepositoryArn: pulumi.Output<string>;
    /** The content-derived build tag the image was pushed under; undefined for a prebuilt image. */
    public readonly tag: string | undefined;

    constructor(name: string, args: ContainerImageArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveContainerImageArgs(args);
        super("fargate-web:image:ContainerImage", name, {}, opts);
        const source = a.source;
        this.tag = source.kind === "build" ? source.tag : undefined;
        const repository = new aws.ecr.Repository(
            childName(name, "repo"),
            {
                // Build tags repeat (a revert, a mode-only change, an interrupted up) and must be pushable
                // again; every other tag stays immutable. Both fields update in place (PutImageTagMutability).
                imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
                imageTagMutabilityExclusionFilters: [{ filter: BUILD_TAG_EXCLUSION_FILTER, filterType: "WILDCARD" }],
                imageScanningConfiguration: { scanOnPush: true },
                // Replaces the repository when changed (ForceNew in the provider): a create-time choice.
                encryptionConfigurations: [
                    args.kmsKeyArn ? { encryptionType: "KMS", kmsKey: args.kmsKeyArn } : { encryptionType: "AES256" },
                ],
                forceDelete: !a.protect,
                tags: a.tags,
            },
            { parent: this, protect: a.protect, retainOnDelete: a.protect },
        );
        new aws.ecr.LifecyclePolicy(
            childName(name, "lifecycle"),
            { repository: repository.name, policy: lifecyclePolicyDocument(a.keepImages, a.untaggedExpiryDays) },
            { parent: this },
        );

        if (source.kind === "build") {
            this.imageRef = buildAndPush(name, { context: source.context, dockerfile: a.dockerfile, platform: a.platform, tag: source.tag }, repository, this);
            this.imageRepositoryArn = repository.arn;
        } else {
            this.imageRef = pulumi.output(source.image.uri);
            this.imageRepositoryArn = pulumi.output(source.image.repositoryArn);
        }

        this.repositoryUrl = repository.repositoryUrl;
        this.repositoryArn = repository.arn;
        this.repositoryName = repository.name;
        this.imageDigest = this.imageRef.apply(digestOf);
        this.registerOutputs({ repositoryUrl: this.repositoryUrl, imageRef: this.imageRef, imageDigest: this.imageDigest });
    }
}

/** `sha256:…` from `repo@sha256:…`; fails loudly on anything else so a task never runs an unpinned image. */
export function digestOf(repoDigest: string): string {
    const match = /@(sha256:[0-9a-f]{64})$/.exec(repoDigest);
    if (!match) {
        throw new Error(`The pushed image has no digest reference (got ${JSON.stringify(repoDigest)}).`);
    }
    return match[1];
}
