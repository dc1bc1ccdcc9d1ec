import { strict as assert } from "node:assert";
import { ecrRepositoryImmutableTags as policy } from "../../../policy/ecr/ecr-repository-immutable-tags";
import { isNarrowExclusionFilter } from "../../../policy/lib/ecrTagFilters";
import { BUILD_TAG_EXCLUSION_FILTER } from "../../../components/imageTag";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const REPO = AWS_TYPES.ecrRepository;
const FORM = 'use one tag, or a prefix of at least 4 characters ending in ".", "_" or "-" followed by a single "*" (e.g. "sha-*")';
const withExclusion = (name: string, ...filters: unknown[]) =>
    baseline(REPO, name, { imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: filters });
const wildcard = (filter: unknown) => ({ filter, filterType: "WILDCARD" });
const broad = (name: string, filter: string) =>
    `Repository "${name}" has exclusion filter ${JSON.stringify(filter)}, which leaves too many tags mutable (a mutable repository in disguise); ${FORM}.`;

describe("ecr-repository-immutable-tags (catalog #27)", () => {
    it("GIVEN IMMUTABLE THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web")], []);
    });

    it("GIVEN MUTABLE THEN it is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { imageTagMutability: "MUTABLE" })], [
            'Repository "web" has imageTagMutability "MUTABLE"; set imageTagMutability: "IMMUTABLE".',
        ]);
    });

    it("GIVEN MUTABLE_WITH_EXCLUSION (mutable except some tags) THEN it is reported, whatever its filters", async () => {
        const repo = baseline(REPO, "web", { imageTagMutability: "MUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [wildcard("sha-*")] });
        await expectDetails(policy, [repo], ['Repository "web" has imageTagMutability "MUTABLE_WITH_EXCLUSION"; set imageTagMutability: "IMMUTABLE".'], {
            [policy.name]: { allowImmutableWithExclusion: true },
        });
    });

    it("GIVEN no imageTagMutability THEN AWS's MUTABLE default is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { imageTagMutability: undefined })], [
            'Repository "web" has imageTagMutability unset (AWS default "MUTABLE"); set imageTagMutability: "IMMUTABLE".',
        ]);
    });

    it("GIVEN IMMUTABLE_WITH_EXCLUSION for the build tags (the program's own filter) THEN nothing is reported by default", async () => {
        assert.equal(BUILD_TAG_EXCLUSION_FILTER, "sha-*");
        await expectDetails(policy, [withExclusion("web", wildcard(BUILD_TAG_EXCLUSION_FILTER))], []);
        await expectDetails(policy, [baseline(REPO, "web", { imageTagMutability: "immutable_with_exclusion", imageTagMutabilityExclusionFilters: [wildcard("sha-*")] })], []);
    });

    it("GIVEN IMMUTABLE_WITH_EXCLUSION without filters THEN it is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" })], [
            'Repository "web" has imageTagMutability "IMMUTABLE_WITH_EXCLUSION" without exclusion filters; set imageTagMutability: "IMMUTABLE".',
        ]);
        await expectDetails(policy, [withExclusion("web")], [
            'Repository "web" has imageTagMutability "IMMUTABLE_WITH_EXCLUSION" without exclusion filters; set imageTagMutability: "IMMUTABLE".',
        ]);
    });

    describe("attacker variants: a broad filter is a mutable repository in disguise, never accepted", () => {
        const variants = ["*", "**", "*-*", "*sha-*", "s*", "sha*", "v*", "latest*", "ab-*", "sha-**", "sha-*-*", "*-sha", ".*", "-*", " sha-*", "sha-* ", "SHA-\u2217"];
        for (const filter of variants) {
            it(`refuses ${JSON.stringify(filter)}, even when listed and even with allowImmutableWithExclusion`, async () => {
                const repo = withExclusion("web", wildcard(filter));
                await expectDetails(policy, [repo], [broad("web", filter)]);
                await expectDetails(policy, [repo], [broad("web", filter)], {
                    [policy.name]: { allowImmutableWithExclusion: true, allowedExclusionFilters: [filter] },
                });
            });
        }

        it("refuses a narrow filter hidden beside a broad one", async () => {
            await expectDetails(policy, [withExclusion("web", wildcard("sha-*"), wildcard("*"))], [broad("web", "*")]);
        });

        it("refuses filter types other than WILDCARD and malformed entries", async () => {
            await expectDetails(policy, [withExclusion("web", { filter: "sha-*", filterType: "REGEX" }, { filter: "sha-*", filterType: "wildcard" }, { filter: "sha-*" }, "sha-*")], [
                'Repository "web" has exclusion filter "sha-*" with filterType "REGEX"; set filterType: "WILDCARD".',
                'Repository "web" has exclusion filter "sha-*" with filterType "wildcard"; set filterType: "WILDCARD".',
                'Repository "web" has exclusion filter "sha-*" with filterType null; set filterType: "WILDCARD".',
                'Repository "web" has exclusion filter null with filterType null; set filterType: "WILDCARD".',
            ]);
            await expectDetails(policy, [withExclusion("web", wildcard(7), wildcard(null))], [broad("web", 7 as unknown as string), broad("web", null as unknown as string)]);
        });

        it("refuses a narrow filter that is not allowed (case matters: ECR tags are case-sensitive)", async () => {
            const detail = (f: string) =>
                `Repository "web" has exclusion filter "${f}"; allowed: "sha-*" (allowedExclusionFilters), or set allowImmutableWithExclusion: true to accept any narrow filter.`;
            await expectDetails(policy, [withExclusion("web", wildcard("release-*"), wildcard("SHA-*"), wildcard("latest"))], [detail("release-*"), detail("SHA-*"), detail("latest")]);
        });
    });

    it("GIVEN allowImmutableWithExclusion THEN any narrow filter is accepted; GIVEN allowedExclusionFilters THEN exactly those", async () => {
        const repo = withExclusion("web", wildcard("release-*"), wildcard("latest"));
        await expectDetails(policy, [repo], [], { [policy.name]: { allowImmutableWithExclusion: true } });
        await expectDetails(policy, [repo], [], { [policy.name]: { allowedExclusionFilters: ["release-*", "latest"] } });
        await expectDetails(policy, [withExclusion("web", wildcard("sha-*"))], [
            'Repository "web" has exclusion filter "sha-*"; allowed: none (allowedExclusionFilters), or set allowImmutableWithExclusion: true to accept any narrow filter.',
        ], { [policy.name]: { allowedExclusionFilters: [] } });
    });

    it("GIVEN lower case \"immutable\" THEN it is accepted; a number THEN it is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "a", { imageTagMutability: "immutable" }), baseline(REPO, "b", { imageTagMutability: 1 })], [
            'Repository "b" has imageTagMutability unset (AWS default "MUTABLE"); set imageTagMutability: "IMMUTABLE".',
        ]);
    });

    it("narrow means one tag or a >= 4-character prefix ending in a separator, then one trailing *", () => {
        for (const ok of ["sha-*", "build_*", "ci.1-*", "abcd-*", "latest", "v1.2.3", "sha-0123456789ab"]) {
            assert.ok(isNarrowExclusionFilter(ok), ok);
        }
        for (const bad of ["", "abc*", "ab-*", "a-*-*", "sha-*x", "x".repeat(129), ".hidden", "-x", "tag with space", "sha-?"]) {
            assert.ok(!isNarrowExclusionFilter(bad), bad);
        }
    });
});
