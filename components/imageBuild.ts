/**
 * Builds the service image with Docker and pushes it to the stack's repository. The only file that loads
 * `@pulumi/docker`: a stack given a prebuilt image never instantiates the Docker provider, whose
 * configuration pings a Docker daemon even in `pulumi preview`.
 */
import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";

/** What one build needs. */
export interface ImageBuild {
    /** Folder sent as the build context. */
    readonly context: string;
    /** Dockerfile name inside `context`. */
    readonly dockerfile: string;
    /** Docker platform, e.g. `linux/arm64`. */
    readonly platform: string;
    /** Tag the image is pushed under (a build tag, exempt from the repository's tag immutability). */
    readonly tag: string;
}

/**
 * Builds `build` and pushes it to `repository` as `${name}-image`, parented to `parent`; returns the
 * pushed image by digest (`<repositoryUrl>@sha256:…`).
 */
export function buildAndPush(name: string, build: ImageBuild, repository: aws.ecr.Repository, parent: pulumi.Resource): pulumi.Output<string> {
    const credentials = aws.ecr.getAuthorizationTokenOutput({ registryId: repository.registryId }, { parent });
    const image = new docker.Image(
        childName(name, "image"),
        {
            imageName: pulumi.interpolate`${repository.repositoryUrl}:${build.tag}`,
            build: { context: build.context, dockerfile: `${build.context}/${build.dockerfile}`, platform: build.platform },
            registry: {
                server: repository.repositoryUrl,
                username: credentials.userName,
                password: pulumi.secret(credentials.password),
            },
        },
        { parent },
    );
    return image.repoDigest;
}
