import { lbLoadBalancerInternalUnlessAllowListed as policy } from "../../../policy/lb/lb-load-balancer-internal-unless-allow-listed";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbLoadBalancer;
const ALB = AWS_TYPES.albLoadBalancer;
const message = (name: string, key = "Exposure", value = "public") =>
    `Load balancer "${name}" is internet-facing; set internal: true, or mark it as deliberately public with the tag ${key} = "${value}".`;

describe("lb-load-balancer-internal-unless-allow-listed (catalog #24)", () => {
    it("GIVEN the public ALB tagged Exposure = public (both aliases) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web"), baseline(ALB, "alias")], []);
    });

    it("GIVEN an internal load balancer without the tag THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "api", { internal: true, tags: undefined })], []);
    });

    it("GIVEN an internet-facing load balancer without the tag THEN it is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(ALB, "web", { tags: { Service: "web" } })], [message("web")]);
    });

    it("GIVEN internal unset (AWS default internet-facing) and no tags THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { internal: undefined, tags: undefined })], [message("web")]);
    });

    it("GIVEN a tag with another value or internal as a string THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "a", { tags: { Exposure: "internal" } }), baseline(LB, "b", { internal: "true", tags: null })], [
            message("a"),
            message("b"),
        ]);
    });

    it("GIVEN allowInternetFacing or an allowed name in config THEN it passes", async () => {
        await expectDetails(policy, [baseline(LB, "web", { tags: undefined })], [], { [policy.name]: { allowInternetFacing: true } });
        await expectDetails(policy, [baseline(LB, "web", { tags: undefined })], [], { [policy.name]: { allowedNames: ["web"] } });
    });

    it("GIVEN a custom tag key and value in config THEN those are required and named", async () => {
        const config = { [policy.name]: { exposureTagKey: "Public", exposureTagValue: "yes" } };
        await expectDetails(policy, [baseline(LB, "web")], [message("web", "Public", "yes")], config);
        await expectDetails(policy, [baseline(LB, "web", { tags: { Public: "yes" } })], [], config);
    });
});
