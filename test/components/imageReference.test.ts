import { strict as assert } from "node:assert";
import { ECR_IMAGE_FORM, ecrImageReferenceProblem, readEcrImageReference } from "../../components/imageReference";
import { ConfigError, parseStackConfig } from "../../components/stackConfig";
import { readStackConfig } from "../../harness/projectConfig";
import { PROJECT_DIR } from "../support/stacks";

const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;
const REGISTRY = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

describe("prebuilt image references (private ECR, by digest)", () => {
    it("GIVEN a private ECR image by digest THEN the repository ARN for the pull grant is derived from it", () => {
        assert.deepEqual(readEcrImageReference(`${REGISTRY}/team/web@${DIGEST}`), {
            uri: `${REGISTRY}/team/web@${DIGEST}`,
            accountId: "123456789012",
            region: "eu-west-1",
            partition: "aws",
            repository: "team/web",
            digest: DIGEST,
            repositoryArn: "arn:aws:ecr:eu-west-1:123456789012:repository/team/web",
        });
    });

    it("GIVEN FIPS, China and GovCloud registries THEN the ARN has the right partition", () => {
        const arn = (uri: string) => {
            const read = readEcrImageReference(uri);
            assert.ok(!("problem" in read), JSON.stringify(read));
            return read.repositoryArn;
        };
        assert.equal(arn(`123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/web@${DIGEST}`), "arn:aws:ecr:us-east-1:123456789012:repository/web");
        assert.equal(arn(`123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/web@${DIGEST}`), "arn:aws-cn:ecr:cn-north-1:123456789012:repository/web");
        assert.equal(arn(`123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/a.b_c-d/e@${DIGEST}`), "arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/a.b_c-d/e");
    });

    const refused: Array<[string, string, string]> = [
        ["a tag", `${REGISTRY}/web:v1.2.3`, "it names a tag, which can be moved to another image; name the image by digest"],
        ["latest", `${REGISTRY}/web:latest`, "it names a tag, which can be moved to another image; name the image by digest"],
        ["no tag and no digest", `${REGISTRY}/web`, "it names no digest"],
        ["a tag and a digest", `${REGISTRY}/web:v1@${DIGEST}`, "it names both a tag and a digest; give only the digest"],
        ["an upper-case digest", `${REGISTRY}/web@${DIGEST.toUpperCase().replace("SHA256", "sha256")}`, "the digest must be sha256: followed by 64 lowercase hex digits"],
        ["a short digest", `${REGISTRY}/web@${DIGEST.slice(0, -1)}`, "the digest must be sha256: followed by 64 lowercase hex digits"],
        ["a long digest", `${REGISTRY}/web@${DIGEST}0`, "the digest must be sha256: followed by 64 lowercase hex digits"],
        ["a sha512 digest", `${REGISTRY}/web@sha512:${"a".repeat(128)}`, "the digest must be sha256: followed by 64 lowercase hex digits"],
        ["a bare digest", `${REGISTRY}/web@${"a".repeat(64)}`, "the digest must be sha256: followed by 64 lowercase hex digits"],
        ["two digests", `${REGISTRY}/web@${DIGEST}@${DIGEST}`, "the digest must be sha256: followed by 64 lowercase hex digits"],
        ["Docker Hub", `docker.io/library/node@${DIGEST}`, "the execution role can pull only from a private ECR registry (other registries need credentials the stack does not configure)"],
        ["ECR Public", `public.ecr.aws/nginx/nginx@${DIGEST}`, "the execution role can pull only from a private ECR registry (other registries need credentials the stack does not configure)"],
        ["a look-alike host", `123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example/web@${DIGEST}`, "the execution role can pull only from a private ECR registry (other registries need credentials the stack does not configure)"],
        ["a registry with a port", `123456789012.dkr.ecr.us-east-1.amazonaws.com:443/web@${DIGEST}`, "the execution role can pull only from a private ECR registry (other registries need credentials the stack does not configure)"],
        ["an 11-digit account", `12345678901.dkr.ecr.us-east-1.amazonaws.com/web@${DIGEST}`, "the execution role can pull only from a private ECR registry (other registries need credentials the stack does not configure)"],
        ["a China region on the global domain", `123456789012.dkr.ecr.cn-north-1.amazonaws.com/web@${DIGEST}`, "region cn-north-1 does not belong to the registry's domain"],
        ["no registry", `web@${DIGEST}`, "it names no registry"],
        ["a scheme", `https://${REGISTRY}/web@${DIGEST}`, "an image reference has no spaces and no scheme"],
        ["surrounding space", ` ${REGISTRY}/web@${DIGEST}`, "an image reference has no spaces and no scheme"],
        ["an upper-case repository", `${REGISTRY}/Web@${DIGEST}`, `"Web" is not an ECR repository name`],
        ["an empty path component", `${REGISTRY}/team//web@${DIGEST}`, `"team//web" is not an ECR repository name`],
    ];
    for (const [what, uri, why] of refused) {
        it(`GIVEN ${what} THEN it is refused: ${why}`, () => {
            assert.equal(ecrImageReferenceProblem(uri), `${why}; expected ${ECR_IMAGE_FORM}`);
        });
    }

    describe("the loader", () => {
        // The one-service prod stack: in dev, a stack-wide image would also reach the worker, which builds its own folder.
        const parse = (value: string) => {
            const base = readStackConfig(PROJECT_DIR, "prod");
            return parseStackConfig({ project: base.project, stack: "prod", values: { ...base.config, "fargate-web:prebuiltImage": value }, secretKeys: [] });
        };

        it("GIVEN prebuiltImage by digest THEN the settings carry it; GIVEN none THEN the image is built", () => {
            assert.equal(parse(`${REGISTRY}/web@${DIGEST}`).image.prebuilt, `${REGISTRY}/web@${DIGEST}`);
            assert.equal(parse("").image.prebuilt, undefined);
        });

        it("GIVEN a tag THEN it refuses the key by name, with the value and the form allowed", () => {
            assert.throws(
                () => parse(`${REGISTRY}/web:v1`),
                (e: unknown) =>
                    e instanceof ConfigError &&
                    e.problems.length === 1 &&
                    e.problems[0] ===
                        `fargate-web:prebuiltImage is "${REGISTRY}/web:v1"; it names a tag, which can be moved to another image; name the image by digest; expected ${ECR_IMAGE_FORM}`,
            );
        });
    });
});
