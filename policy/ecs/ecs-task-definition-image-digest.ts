import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { describeContainer, forEachContainer, imageReferenceParts } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

interface Config {
    allowTags: boolean;
}

/**
 * Not covered by the catalog's tools. Containers run an image pinned by digest (`…@sha256:<64 hex>`), so
 * every task of a deployment runs the same bytes and a rollback returns to the exact previous image. With
 * `allowTags: true` other tags pass, but `latest` and an untagged reference (which means `latest`) never do.
 */
export const ecsTaskDefinitionImageDigest: ResourceValidationPolicy = {
    name: "ecs-task-definition-image-digest",
    description: "Container images must be referenced by digest, not by a mutable tag.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            allowTags: {
                type: "boolean",
                default: false,
                description: "Accept tags other than latest (e.g. immutable release tags in an IMMUTABLE repository).",
            },
        },
    },
    validateResource: validateTypes(TASK_DEFINITION, (props, args, report) => {
        const { allowTags } = args.getConfig<Config>();
        forEachContainer(props, (container, i) => {
            const image = container.image;
            if (typeof image !== "string" || image.trim() === "") {
                return; // reported by ecs-task-definition-container-definitions-valid
            }
            const label = describeContainer(container, i);
            const fix = 'reference it by digest ("<repository>@sha256:<digest>")';
            const { tag, digest } = imageReferenceParts(image.trim());
            if (digest !== undefined) {
                if (!/^sha256:[0-9a-f]{64}$/.test(digest)) {
                    report(`${label} uses image "${image}", whose digest is not "sha256:" followed by 64 hex digits; ${fix}.`);
                }
                return;
            }
            if (tag === undefined || tag === "") {
                report(`${label} uses image "${image}" without a tag, which means the mutable "latest"; ${fix}.`);
            } else if (tag === "latest") {
                report(`${label} uses image "${image}" with the mutable tag "latest"; ${fix}.`);
            } else if (allowTags !== true) {
                report(`${label} uses image "${image}" by tag "${tag}", which can be moved to other content; ${fix}.`);
            }
        });
    }),
};
