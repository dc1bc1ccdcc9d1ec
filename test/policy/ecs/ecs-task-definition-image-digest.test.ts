import { ecsTaskDefinitionImageDigest as policy } from "../../../policy/ecs/ecs-task-definition-image-digest";
import { assertViolations, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-image-digest";
const FIX = 'reference it by digest ("<repository>@sha256:<digest>").';
const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;
const run = (image: string, config = {}) => evaluate(policy, [taskDefinitionWith([webWith({ image })])], config);

describe(NAME, () => {
    it("GIVEN the baseline (ECR image by digest) and tag+digest THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "advisory", []);
        assertViolations(await run(`nginx:1.27@${DIGEST}`), NAME, "advisory", []);
    });

    it("GIVEN an untagged image THEN reported as latest", async () => {
        assertViolations(await run("nginx"), NAME, "advisory", [`Container "web" uses image "nginx" without a tag, which means the mutable "latest"; ${FIX}`]);
    });

    it("GIVEN a registry with a port and no tag THEN the port is not taken for a tag", async () => {
        assertViolations(await run("localhost:5000/web"), NAME, "advisory", [
            `Container "web" uses image "localhost:5000/web" without a tag, which means the mutable "latest"; ${FIX}`,
        ]);
    });

    it('GIVEN the tag "latest" THEN reported even with allowTags', async () => {
        const expected = [`Container "web" uses image "nginx:latest" with the mutable tag "latest"; ${FIX}`];
        assertViolations(await run("nginx:latest"), NAME, "advisory", expected);
        assertViolations(await run("nginx:latest", { [NAME]: { allowTags: true } }), NAME, "advisory", expected);
    });

    it("GIVEN another tag THEN reported unless allowTags", async () => {
        assertViolations(await run("nginx:1.27"), NAME, "advisory", [
            `Container "web" uses image "nginx:1.27" by tag "1.27", which can be moved to other content; ${FIX}`,
        ]);
        assertViolations(await run("nginx:1.27", { [NAME]: { allowTags: true } }), NAME, "advisory", []);
    });

    it("GIVEN a malformed digest THEN reported", async () => {
        assertViolations(await run("nginx@sha256:abc"), NAME, "advisory", [
            `Container "web" uses image "nginx@sha256:abc", whose digest is not "sha256:" followed by 64 hex digits; ${FIX}`,
        ]);
    });

    it("GIVEN production config (mandatory) THEN reported as mandatory", async () => {
        const result = await run("nginx", { [NAME]: "mandatory" });
        assertViolations(result, NAME, "mandatory", [`Container "web" uses image "nginx" without a tag, which means the mutable "latest"; ${FIX}`]);
    });
});
