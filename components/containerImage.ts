import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { CpuArchitecture } from "./fargateService";
import { contentTag } from "./imageTag";
import { childName } from "./naming";

/** Arguments of {@link ContainerImage}. */
export interface ContainerImageArgs {
    /** Folder with the Dockerfile and everything the build copies. */
    readonly context: string;
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
        context: args.context,
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
    return resolved;
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
 * A private ECR repository (scan on push, immutable tags, encryption, lifecycle policy) and the service
 * image built from `context` and pushed to it under a content-derived tag. Consumers use
 * {@link ContainerImage.imageRef}, which pins the image by digest: a task never runs a different image
 * than the one this deployment built.
 */
export class ContainerImage extends pulumi.ComponentResource {
    /** Repository URL (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`). */
    public readonly repositoryUrl: pulumi.Output<string>;
    /** Repository ARN, for pull grants. */
    public readonly repositoryArn: pulumi.Output<string>;
    /** Repository name. */
    public readonly repositoryName: pulumi.Output<string>;
    /** The pushed image's digest (`sha256:…`). */
    public readonly imageDigest: pulumi.Output<string>;
    /** The image by digest: `<repositoryUrl>@sha256:…`. */
    public readonly imageRef: pulumi.Output<string>;
    /** The content-derived tag the image was pushed under. */
    public readonly tag: string;

    constructor(name: string, args: ContainerImageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:image:ContainerImage", name, {}, opts);
        const a = resolveContainerImageArgs(args);
        const platform = PLATFORM[a.architecture];
        this.tag = contentTag(a.context, platform, a.dockerfile);

        const repository = new aws.ecr.Repository(
            childName(name, "repo"),
            {
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
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

        const credentials = aws.ecr.getAuthorizationTokenOutput({ registryId: repository.registryId }, { parent: this });
        const image = new docker.Image(
            childName(name, "image"),
            {
                imageName: pulumi.interpolate`${repository.repositoryUrl}:${this.tag}`,
                build: { context: a.context, dockerfile: `${a.context}/${a.dockerfile}`, platform },
                registry: {
                    server: repository.repositoryUrl,
                    username: credentials.userName,
                    password: pulumi.secret(credentials.password),
                },
            },
            { parent: this },
        );

        this.repositoryUrl = repository.repositoryUrl;
        this.repositoryArn = repository.arn;
        this.repositoryName = repository.name;
        this.imageRef = image.repoDigest;
        this.imageDigest = image.repoDigest.apply(digestOf);
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
