import * as assert from "node:assert/strict";
import { lbListenerRuleNotShadowed as policy } from "../../../policy/lb/lb-listener-rule-not-shadowed";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { ARNS } from "../baselines/network";
import { baseline, evaluate, expectDetails } from "./kit";

const https = () => baseline("aws:lb/listener:Listener", "https", {}, { state: { arn: ARNS.listener } });
const rule = (name: string, priority: unknown, conditions: unknown[], type = "aws:lb/listenerRule:ListenerRule", listenerArn: string = ARNS.listener) =>
    fixture(type, name, { listenerArn, priority, conditions, actions: [{ type: "forward", targetGroupArn: ARNS.targetGroup }] });
const path = (...values: string[]) => ({ pathPattern: { values } });
const host = (...values: string[]) => ({ hostHeader: { values } });
const shadowed = (later: string, lp: number, lc: string, earlier: string, ep: number, ec: string) =>
    `Listener rule "${later}" (priority ${lp}, ${lc}) on listener "https" never receives traffic: ` +
    `rule "${earlier}" (priority ${ep}, ${ec}) matches every request it would and is evaluated first; ` +
    `give "${later}" a lower priority number than "${earlier}", or narrow "${earlier}"'s conditions.`;

describe("lb-listener-rule-not-shadowed", () => {
    it("GIVEN the specific rules first and the catch-all last (the stack's own routing shape) THEN nothing is reported", async () => {
        await expectDetails(policy, [
            https(),
            rule("api", 10, [path("/api/*", "/api")]),
            rule("admin", 20, [host("admin.example.com"), path("/*")]),
            rule("wild-host", 30, [host("*.example.com")]),
            rule("web", 40, [path("/*")]),
            rule("static", 35, [path("/static/*"), host("cdn.other.org")]),
        ], []);
    });

    it("GIVEN /api/* at 20 after /* or /api* at 10 THEN it is reported against the first rule that covers it", async () => {
        await expectDetails(policy, [https(), rule("all", 10, [path("/*")]), rule("api", 20, [path("/api/*")])], [
            shadowed("api", 20, 'path "/api/*"', "all", 10, 'path "/*"'),
        ]);
        await expectDetails(policy, [https(), rule("prefix", 10, [path("/api*")]), rule("api", 20, [path("/api/*")], "aws:alb/listenerRule:ListenerRule")], [
            shadowed("api", 20, 'path "/api/*"', "prefix", 10, 'path "/api*"'),
        ]);
    });

    it("GIVEN host *.example.com before api.example.com, in mixed case THEN reported; host-only covering a host-and-path rule THEN reported", async () => {
        await expectDetails(policy, [
            https(),
            rule("wild", 5, [host("*.Example.com")]),
            rule("api", 6, [host("API.example.COM")]),
            rule("api-v1", 7, [host("api.example.com"), path("/v1/*")]),
        ], [
            shadowed("api", 6, 'host "API.example.COM"', "wild", 5, 'host "*.Example.com"'),
            shadowed("api-v1", 7, 'host "api.example.com" and path "/v1/*"', "wild", 5, 'host "*.Example.com"'),
        ]);
    });

    it("GIVEN paths differing only in case, a later rule broader than the earlier, or a value the earlier rule lacks THEN nothing is reported", async () => {
        await expectDetails(policy, [
            https(),
            rule("upper", 10, [path("/API/*")]),
            rule("lower", 20, [path("/api/*")]),
            rule("narrow", 30, [path("/v1/*")]),
            rule("broad", 40, [path("/v*")]),
            rule("one", 50, [path("/a/*")]),
            rule("two", 60, [path("/a/*", "/b/*")]),
        ], []);
    });

    it("GIVEN a path of \"*\" before a host-only rule THEN the host rule is reported; GIVEN \"/*\" THEN not (OPTIONS * has the path \"*\")", async () => {
        await expectDetails(policy, [https(), rule("any", 10, [path("*")]), rule("admin", 20, [host("admin.example.com")])], [
            shadowed("admin", 20, 'host "admin.example.com"', "any", 10, 'path "*"'),
        ]);
        await expectDetails(policy, [https(), rule("root", 10, [path("/*")]), rule("admin", 20, [host("admin.example.com")])], []);
    });

    it("GIVEN the legacy { field, values } spelling, a priority as a string and values as a bare string THEN they are read the same", async () => {
        await expectDetails(policy, [
            https(),
            rule("legacy", "10", [{ field: "Path-Pattern", values: ["/*"] }]),
            rule("api", 20, [{ pathPattern: { values: "/api/*" } }]),
        ], [shadowed("api", 20, 'path "/api/*"', "legacy", 10, 'path "/*"')]);
    });

    it("GIVEN an earlier rule with a header, method or query condition the later one lacks THEN nothing is reported", async () => {
        await expectDetails(policy, [
            https(),
            rule("canary", 10, [path("/*"), { httpHeader: { httpHeaderName: "X-Canary", values: ["1"] } }]),
            rule("posts", 11, [path("/*"), { httpRequestMethod: { values: ["POST"] } }]),
            rule("debug", 12, [path("/*"), { queryStrings: [{ key: "debug", value: "1" }] }]),
            rule("web", 20, [path("/app/*")]),
        ], []);
    });

    it("GIVEN matching header (name in any case), method and query conditions in both rules THEN the later rule is reported", async () => {
        await expectDetails(policy, [
            https(),
            rule("canary", 10, [{ httpHeader: { httpHeaderName: "X-Canary", values: ["*"] } }, { httpRequestMethod: { values: ["GET", "POST"] } }]),
            rule("canary-get", 20, [{ httpHeader: { httpHeaderName: "x-canary", values: ["yes"] } }, { httpRequestMethod: { values: ["GET"] } }, path("/x")]),
        ], [shadowed("canary-get", 20, 'header x-canary "yes" and method "GET" and path "/x"', "canary", 10, 'header x-canary "*" and method "GET" or "POST"')]);
    });

    it("GIVEN regex values THEN only an identical regex or a * pattern covers them", async () => {
        await expectDetails(policy, [
            https(),
            rule("re", 10, [{ pathPattern: { regexValues: ["^/api/.*$"] } }]),
            rule("api", 20, [path("/api/*")]),
            rule("re-again", 30, [{ pathPattern: { regexValues: ["^/api/.*$"] } }]),
        ], [shadowed("re-again", 30, 'path "regex ^/api/.*$"', "re", 10, 'path "regex ^/api/.*$"')]);
    });

    it("GIVEN unreadable conditions, no priority, or rules on different listeners THEN nothing is proven and nothing reported", async () => {
        await expectDetails(policy, [
            https(),
            rule("odd", 10, [{ somethingNew: { values: ["/*"] } }]),
            rule("empty", 11, [{ pathPattern: { values: [] } }]),
            rule("none", 12, []),
            rule("unset", undefined, [path("/*")]),
            rule("elsewhere", 1, [path("/*")], "aws:lb/listenerRule:ListenerRule", `${ARNS.listener}-b`),
            rule("api", 20, [path("/api/*")]),
        ], []);
    });

    it("GIVEN conditions not known during preview on one rule THEN the others are still compared and the engine notes the gap", async () => {
        const result = await evaluate(policy, [https(), rule("all", 10, [path("/*")]), rule("api", 20, [path("/api/*")]), rule("pending", 30, UNKNOWN as never)]);
        assert.equal(result.diagnostics[0].detail, shadowed("api", 20, 'path "/api/*"', "all", 10, 'path "/*"'));
        assert.equal(result.diagnostics.length, 2);
        assert.match(result.diagnostics[1].message, /can't run policy 'lb-listener-rule-not-shadowed'.*during preview/);
    });
});
