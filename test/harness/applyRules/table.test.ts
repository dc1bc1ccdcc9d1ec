/**
 * Every apply-time rule refuses its failing fixture, at the path it names, and passes its passing one;
 * the table's rows are complete and the README lists them.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { APPLY_RULES, evaluateApplyRules } from "../../../harness/applyRules";
import { CONFIG_KEYS } from "../../../components/configKeys";
import { PROJECT_DIR } from "../../support/stacks";
import { CASES } from "./cases";

describe("apply-time rules: the table", () => {
    for (const rule of APPLY_RULES) {
        describe(rule.id, () => {
            const c = CASES[rule.id];
            it("GIVEN its failing fixture THEN exactly this rule refuses it, at the path, saying what is allowed", () => {
                assert.ok(c, `no fixtures for ${rule.id} in cases.ts`);
                const errors = evaluateApplyRules(c.failing, { config: c.config });
                assert.deepEqual([...new Set(errors.map(e => e.rule))], [rule.id], JSON.stringify(errors, null, 2));
                const at = errors.find(e => e.path === c.path);
                assert.ok(at, `no error at ${c.path}: ${JSON.stringify(errors, null, 2)}`);
                assert.match(at.allowed, c.allowed);
                assert.equal(at.source, rule.source);
            });
            it("GIVEN its passing fixture THEN no rule refuses it", () => {
                assert.ok(c, `no fixtures for ${rule.id} in cases.ts`);
                assert.deepEqual(evaluateApplyRules(c.passing, { config: c.config }), []);
            });
        });
    }

    it("THEN every case belongs to a rule and ids are unique", () => {
        const ids = APPLY_RULES.map(r => r.id);
        assert.equal(new Set(ids).size, ids.length);
        assert.deepEqual(Object.keys(CASES).sort(), [...ids].sort());
    });

    it("THEN every row carries its types, what AWS says and an https source", () => {
        for (const rule of APPLY_RULES) {
            assert.ok(rule.types.length > 0, rule.id);
            assert.ok(rule.aws.length > 20, rule.id);
            assert.match(rule.source, /^https:\/\/(docs\.aws\.amazon\.com|github\.com)\//, rule.id);
            assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)+$/, rule.id);
            for (const key of rule.configKeys) assert.ok(key in CONFIG_KEYS, `${rule.id} names ${key}, which is no config key`);
        }
    });

    it("THEN README's apply-time rules table lists every rule with its types, what AWS says and its source", () => {
        const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
        const start = readme.indexOf("### Apply-time rules");
        assert.ok(start >= 0, "README has no Apply-time rules section");
        const end = readme.indexOf("\n#", start + 1);
        const section = readme.slice(start, end < 0 ? undefined : end);
        const rows = section.split("\n").filter(line => line.startsWith("| `"));
        const listed = rows.map(row => row.split(" | ")[0].replace(/^\| `|`$/g, ""));
        assert.deepEqual(listed, APPLY_RULES.map(r => r.id), "README rows follow the table's order");
        for (const rule of APPLY_RULES) {
            const cells = rows[APPLY_RULES.indexOf(rule)].split(" | ");
            assert.equal(cells[1], rule.types.map(t => `\`${t}\``).join(", "), `${rule.id} types`);
            assert.equal(cells[2], rule.aws.replace(/\|/g, "\\|"), `${rule.id} what AWS says`);
            assert.equal(cells[3], rule.configKeys.map(k => `\`${k}\``).join(", "), `${rule.id} config keys`);
            assert.equal(cells[4].replace(/ \|$/, ""), `[source](${rule.source})`, `${rule.id} source`);
        }
    });
});
