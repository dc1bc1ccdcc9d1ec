import * as assert from "node:assert/strict";
import { lbListenerRuleUniquePriority as policy } from "../../../policy/lb/lb-listener-rule-unique-priority";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { ARNS } from "../baselines/network";
import { baseline, evaluate, expectDetails } from "./kit";

const OTHER_ARN = `${ARNS.listener}-other`;
const https = (name = "https", arn: string = ARNS.listener) => baseline("aws:lb/listener:Listener", name, {}, { state: { arn } });
const rule = (name: string, priority: unknown, listenerArn: string = ARNS.listener, type = "aws:lb/listenerRule:ListenerRule") =>
    fixture(type, name, {
        listenerArn,
        priority,
        conditions: [{ pathPattern: { values: [`/${name}/*`] } }],
        actions: [{ type: "forward", targetGroupArn: ARNS.targetGroup }],
    });
const clash = (name: string, priority: number, listener: string, others: string) =>
    `Listener rule "${name}" has priority ${priority} on ${listener}, as do ${others}; AWS refuses a second rule with the same priority, ` +
    `so give each rule of the listener its own priority (lower numbers are evaluated first).`;

describe("lb-listener-rule-unique-priority", () => {
    it("GIVEN distinct priorities per listener, the same priority on two listeners, and rules without a priority THEN nothing is reported", async () => {
        await expectDetails(policy, [https(), https("other", OTHER_ARN), rule("web", 10), rule("api", 20), rule("admin", 10, OTHER_ARN), rule("a", undefined), rule("b", undefined)], []);
    });

    it("GIVEN two rules with one priority, one of each type token and one as a numeric string THEN both are reported", async () => {
        await expectDetails(policy, [https(), rule("web", 10), rule("api", "10", ARNS.listener, "aws:alb/listenerRule:ListenerRule"), rule("admin", 30)], [
            clash("web", 10, 'listener "https"', '"api"'),
            clash("api", 10, 'listener "https"', '"web"'),
        ]);
    });

    it("GIVEN three rules on one priority on a listener outside the stack THEN each names the others and the listener's ARN", async () => {
        const outside = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shared/1/2";
        await expectDetails(policy, [rule("a", 5, outside), rule("b", 5, outside), rule("c", 5, outside)], [
            clash("a", 5, `listener ${outside}`, '"b", "c"'),
            clash("b", 5, `listener ${outside}`, '"a", "c"'),
            clash("c", 5, `listener ${outside}`, '"a", "b"'),
        ]);
    });

    it("GIVEN a preview where one rule's listener ARN is known and another's is unknown but depends on that listener THEN they are compared", async () => {
        const listener = https();
        const pending = rule("api", 10, UNKNOWN);
        await expectDetails(policy, [listener, rule("web", 10), { ...pending, propertyDependencies: { listenerArn: [listener.urn] } }], [
            clash("web", 10, 'listener "https"', '"api"'),
            clash("api", 10, 'listener "https"', '"web"'),
        ]);
    });

    it("GIVEN a listener being replaced (its own ARN unknown) and rules naming its old ARN, one by dependency THEN they are still one listener", async () => {
        const listener = https("https", UNKNOWN);
        const byArn = { ...rule("web", 10, ARNS.listener), propertyDependencies: { listenerArn: [listener.urn] } };
        const pending = { ...rule("api", 10, UNKNOWN), propertyDependencies: { listenerArn: [listener.urn] } };
        await expectDetails(policy, [listener, byArn, pending], [clash("web", 10, 'listener "https"', '"api"'), clash("api", 10, 'listener "https"', '"web"')]);
    });

    it("GIVEN a rule whose listener is unknown and not a dependency THEN it is not guessed: the known clash is reported and the engine notes the preview gap", async () => {
        const result = await evaluate(policy, [https(), rule("web", 10), rule("api", 10), rule("orphan", 10, UNKNOWN)]);
        assert.deepEqual(result.diagnostics.slice(0, 2).map(d => d.detail), [clash("web", 10, 'listener "https"', '"api"'), clash("api", 10, 'listener "https"', '"web"')]);
        assert.equal(result.diagnostics.length, 3);
        assert.match(result.diagnostics[2].message, /can't run policy 'lb-listener-rule-unique-priority'.*during preview/);
        assert.equal(result.diagnostics[2].enforcementLevel, "advisory");
    });
});
