/**
 * The pushes a real deployment makes, judged the way ECR judges a push of an existing tag: refused on an
 * IMMUTABLE repository, allowed on IMMUTABLE_WITH_EXCLUSION when an exclusion filter matches the tag
 * (`*` matches any run of characters; ECR user guide, "Image tag mutability"). The repository settings are
 * the ones the stack registers, so the scenarios fail if the program goes back to plain IMMUTABLE.
 */
import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { contentTag } from "../../components/imageTag";
import { inputs, one, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

interface RepositorySettings {
    readonly imageTagMutability?: string;
    readonly imageTagMutabilityExclusionFilters?: ReadonlyArray<{ filter: string; filterType: string }>;
}

const wildcard = (filter: string) => new RegExp(`^${filter.split("*").map(p => p.replace(/[.+?^${}()|[\]\\-]/g, "\\$&")).join(".*")}$`);

/** Whether ECR accepts pushing `tag` when `existing` tags are already in the repository. */
function pushAllowed(repo: RepositorySettings, existing: ReadonlySet<string>, tag: string): boolean {
    if (!existing.has(tag) || (repo.imageTagMutability ?? "MUTABLE") === "MUTABLE") {
        return true;
    }
    const excluded = (repo.imageTagMutabilityExclusionFilters ?? []).some(f => f.filterType === "WILDCARD" && wildcard(f.filter).test(tag));
    return repo.imageTagMutability === "IMMUTABLE_WITH_EXCLUSION" ? excluded : false;
}

/** Pushes `tags` in order; returns the first refused one. */
function firstRefused(repo: RepositorySettings, tags: string[]): string | undefined {
    const existing = new Set<string>();
    for (const tag of tags) {
        if (!pushAllowed(repo, existing, tag)) {
            return tag;
        }
        existing.add(tag);
    }
    return undefined;
}

describe("pushing build tags again (revert, mode-only change, interrupted up)", () => {
    let dir: string;
    let repo: RepositorySettings;
    const tag = () => contentTag(dir, "linux/amd64");
    before(async () => {
        const dev = await runStack("dev");
        repo = inputs(one(dev, AWS_TYPES.ecrRepository, "web-repo")) as RepositorySettings;
        // dev's worker builds worker/ into its own repository, with the same tag rules.
        const worker = inputs(one(dev, AWS_TYPES.ecrRepository, "worker-repo")) as RepositorySettings;
        assert.deepEqual(
            [worker.imageTagMutability, worker.imageTagMutabilityExclusionFilters],
            [repo.imageTagMutability, repo.imageTagMutabilityExclusionFilters],
        );
    });
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "repush-"));
        fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM scratch\nCOPY server.js /\n");
        fs.writeFileSync(path.join(dir, "server.js"), "console.log('v1')\n", { mode: 0o644 });
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("GIVEN a git revert to earlier content THEN its earlier tag is pushed again, and the stack's repository accepts it", () => {
        const v1 = tag();
        fs.writeFileSync(path.join(dir, "server.js"), "console.log('v2')\n");
        const v2 = tag();
        fs.writeFileSync(path.join(dir, "server.js"), "console.log('v1')\n");
        assert.equal(tag(), v1);
        assert.equal(firstRefused(repo, [v1, v2, v1]), undefined);
        assert.equal(firstRefused({ imageTagMutability: "IMMUTABLE" }, [v1, v2, v1]), v1, "a plain IMMUTABLE repository refuses it");
    });

    it("GIVEN only file modes differ (another umask) THEN the tag is the same and the rebuild's push is accepted", () => {
        const before = tag();
        fs.chmodSync(path.join(dir, "server.js"), 0o600);
        assert.equal(tag(), before);
        assert.equal(firstRefused(repo, [before, before]), undefined);
    });

    it("GIVEN an up interrupted after the push THEN the next up pushes the same tag and is accepted", () => {
        assert.equal(firstRefused(repo, [tag(), tag()]), undefined);
    });

    it("GIVEN any other tag (a release tag) THEN it stays immutable", () => {
        assert.equal(firstRefused(repo, ["v1.2.3", "v1.2.3"]), "v1.2.3");
        assert.equal(firstRefused(repo, ["ci-0123abc", "ci-0123abc"]), "ci-0123abc");
        assert.equal(firstRefused(repo, ["latest", "latest"]), "latest");
    });
});
