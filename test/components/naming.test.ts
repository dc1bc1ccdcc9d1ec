import { strict as assert } from "node:assert";
import { childName, closestName, editDistance, serviceLogGroupName } from "../../components/naming";

describe("naming", () => {
    it("names children after their parent and role", () => {
        assert.equal(childName("web", "alb"), "web-alb");
    });

    it("gives each stack's service its own log group", () => {
        assert.equal(serviceLogGroupName("fargate-web", "prod", "web"), "/ecs/fargate-web/prod/web");
        assert.notEqual(serviceLogGroupName("p", "dev", "web"), serviceLogGroupName("p", "prod", "web"));
    });

    it("measures edit distance", () => {
        assert.equal(editDistance("kitten", "sitting"), 3);
        assert.equal(editDistance("", "abc"), 3);
        assert.equal(editDistance("same", "same"), 0);
    });

    it("suggests the closest key for a typo and nothing for a stranger", () => {
        const keys = ["desiredCount", "minCapacity", "maxCapacity", "cpu"];
        assert.equal(closestName("desiredcount", keys), "desiredCount");
        assert.equal(closestName("minCapcity", keys), "minCapacity");
        assert.equal(closestName("frobnicate", keys), undefined);
    });
});
