import * as assert from "node:assert/strict";
import { patternCovers, patternMatches } from "../../../policy/lb/albPatterns";

describe("ALB wildcard patterns", () => {
    it("GIVEN * and ? THEN * matches any run (none included) and ? exactly one character", () => {
        assert.equal(patternMatches("/api/*", "/api/", false), true);
        assert.equal(patternMatches("/api/*", "/api/v1/users", false), true);
        assert.equal(patternMatches("/api/*", "/api", false), false);
        assert.equal(patternMatches("/v?/x", "/v1/x", false), true);
        assert.equal(patternMatches("/v?/x", "/v10/x", false), false);
    });

    it("GIVEN a path pattern THEN case matters; GIVEN a host pattern THEN it does not", () => {
        assert.equal(patternMatches("/API/*", "/api/x", false), false);
        assert.equal(patternMatches("*.Example.COM", "api.example.com", true), true);
    });

    const covers: [string, string, boolean][] = [
        ["/*", "/api/*", false],
        ["/api*", "/api/*", false],
        ["*", "/anything?", false],
        ["/api/*", "/api/v?/*", false],
        ["/a?c", "/abc", false],
        ["/a?c", "/a?c", false],
        ["*.example.com", "api.example.com", true],
        ["*.EXAMPLE.com", "Api.Example.Com", true],
        ["*.example.com", "*.api.example.com", true],
    ];
    for (const [a, b, ci] of covers) {
        it(`GIVEN "${a}" and "${b}" THEN the first provably covers the second`, () => {
            assert.equal(patternCovers(a, b, ci), true);
        });
    }

    const notCovers: [string, string, boolean][] = [
        ["/api/*", "/*", false],
        ["/api/*", "/api*", false],
        ["/API/*", "/api/x", false],
        ["/a?c", "/a*c", false],
        ["api.example.com", "*.example.com", true],
        ["*.example.com", "example.com", true],
        ["/api/v1", "/api/v?", false],
        [" /*", "/api/*", false],
    ];
    for (const [a, b, ci] of notCovers) {
        it(`GIVEN "${a}" and "${b}" THEN the first does not cover the second`, () => {
            assert.equal(patternCovers(a, b, ci), false);
        });
    }

    it("GIVEN random patterns THEN every proven cover holds on sample texts (soundness)", () => {
        const alphabet = ["a", "b", "/", "*", "?"];
        let seed = 7;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
        const pattern = () => Array.from({ length: next() % 5 }, () => alphabet[next() % alphabet.length]).join("");
        const texts = ["", "a", "b", "/", "ab", "a/", "/a", "ab/", "/ab", "aab", "a/b/", "bba/a"];
        for (let n = 0; n < 3000; n++) {
            const a = pattern();
            const b = pattern();
            if (patternCovers(a, b, false)) {
                for (const t of texts) {
                    if (patternMatches(b, t, false)) {
                        assert.ok(patternMatches(a, t, false), `"${a}" claimed to cover "${b}" but misses "${t}"`);
                    }
                }
            }
        }
    });
});
