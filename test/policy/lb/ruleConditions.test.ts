import * as assert from "node:assert/strict";
import { patternMatches } from "../../../policy/lb/albPatterns";
import { RuleConditions, readConditions, ruleCovers } from "../../../policy/lb/ruleConditions";

describe("listener-rule conditions", () => {
    it("GIVEN the provider's blocks and the ELB API's { field, values } THEN both read as the same conditions", () => {
        const blocks = readConditions([{ pathPattern: { values: ["/api/*"] } }, { hostHeader: { values: ["api.example.com"] } }]);
        const legacy = readConditions([{ field: " PATH-PATTERN ", values: ["/api/*"] }, { field: "host-header", values: "api.example.com" }]);
        assert.deepEqual(legacy, blocks);
        assert.equal(blocks.opaque, false);
        assert.deepEqual(blocks.conditions.map(c => c.kind), ["path", "host"]);
    });

    it("GIVEN header names in any case THEN one kind; GIVEN query strings THEN exact key=value pairs", () => {
        const read = readConditions([{ httpHeader: { httpHeaderName: " X-Env ", values: ["blue"] } }, { queryStrings: [{ key: "v", value: "2" }, { value: "beta" }] }]);
        assert.deepEqual(read.conditions.map(c => [c.kind, c.values]), [["header:x-env", ["blue"]], ["query", ["v=2", "=beta"]]]);
    });

    for (const [label, conditions] of [
        ["not a list", { pathPattern: { values: ["/*"] } }],
        ["an unknown block", [{ somethingNew: { values: ["/*"] } }]],
        ["an empty element", [{}]],
        ["no values", [{ pathPattern: {} }]],
        ["values of the wrong type", [{ pathPattern: { values: [1] } }]],
        ["a header without a name", [{ httpHeader: { values: ["1"] } }]],
        ["an unknown legacy field", [{ field: "cookie", values: ["a"] }]],
        ["no conditions", []],
    ] as const) {
        it(`GIVEN ${label} THEN the rule is opaque: it neither covers nor is covered`, () => {
            const read = readConditions(conditions);
            assert.equal(read.opaque, true);
            const all = readConditions([{ pathPattern: { values: ["*"] } }]);
            assert.equal(ruleCovers(all, read), false);
            assert.equal(ruleCovers(read, all), false);
        });
    }

    it("GIVEN random rules THEN whenever A is said to cover B, every sample request B matches, A matches (soundness)", () => {
        let seed = 11;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
        const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length];
        const paths = ["*", "/*", "/a*", "/a/*", "/a/b", "/a?", "/?/b", "/b*", "*b"];
        const hosts = ["*", "*.x.com", "a.x.com", "A.X.COM", "?.x.com", "b.x.com", "*.com"];
        const methods = ["GET", "POST"];
        const randomRule = (): unknown[] => {
            const conditions: unknown[] = [];
            if (next() % 3 !== 0) conditions.push({ pathPattern: { values: Array.from({ length: 1 + (next() % 2) }, () => pick(paths)) } });
            if (next() % 2 === 0) conditions.push({ hostHeader: { values: Array.from({ length: 1 + (next() % 2) }, () => pick(hosts)) } });
            if (next() % 4 === 0) conditions.push({ httpRequestMethod: { values: [pick(methods)] } });
            return conditions.length > 0 ? conditions : [{ pathPattern: { values: [pick(paths)] } }];
        };
        const requests = ["/", "/a", "/a/", "/a/b", "/ab", "/b", "/b/b", "*", "/c/b"].flatMap(path =>
            ["a.x.com", "b.X.com", "x.com", "ab.x.com", "a.y.com"].flatMap(host => methods.map(method => ({ path, host, method }))),
        );
        const matches = (rule: RuleConditions, r: { path: string; host: string; method: string }) =>
            rule.conditions.every(c =>
                c.kind === "path" ? c.values.some(v => patternMatches(v, r.path, false)) : c.kind === "host" ? c.values.some(v => patternMatches(v, r.host, true)) : c.values.includes(r.method),
            );
        let proven = 0;
        for (let n = 0; n < 2000; n++) {
            const a = readConditions(randomRule());
            const b = readConditions(randomRule());
            if (ruleCovers(a, b)) {
                proven++;
                for (const r of requests.filter(req => matches(b, req))) {
                    assert.ok(matches(a, r), `${JSON.stringify(a.conditions)} said to cover ${JSON.stringify(b.conditions)} but misses ${JSON.stringify(r)}`);
                }
            }
        }
        assert.ok(proven > 100, `only ${proven} covers proven: the property would test little`);
    });
});
