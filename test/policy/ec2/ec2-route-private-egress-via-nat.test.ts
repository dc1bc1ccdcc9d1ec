import * as assert from "node:assert/strict";
import { ec2RoutePrivateEgressViaNat as policy } from "../../../policy/ec2/ec2-route-private-egress-via-nat";
import { IDS } from "../baselines/network";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SUBNET = AWS_TYPES.ec2Subnet;
const TABLE = AWS_TYPES.ec2RouteTable;
const ROUTE = AWS_TYPES.ec2Route;
const ASSOC = AWS_TYPES.ec2RouteTableAssociation;
const IGW = AWS_TYPES.ec2InternetGateway;
const FIX = "send the private default route to a NAT gateway (natGatewayId) instead.";

/** A private subnet "app-a" (tagged) associated with route table "rt". */
const privateSetup = () => [baseline(SUBNET, "app-a"), baseline(ASSOC, "app-a-rt", { routeTableId: "rt-id", subnetId: "app-a-id" })];
const igwRoutes = [{ cidrBlock: "0.0.0.0/0", gatewayId: IDS.internetGateway }];

describe("ec2-route-private-egress-via-nat (catalog #40, stack)", () => {
    it("GIVEN a private subnet whose table routes 0.0.0.0/0 to NAT THEN nothing is reported", async () => {
        await expectDetails(policy, [...privateSetup(), baseline(TABLE, "rt"), baseline(ROUTE, "r", { routeTableId: "rt-id" })], []);
    });

    it("GIVEN a private subnet whose table routes 0.0.0.0/0 to an igw- gateway THEN it is reported against the table (advisory)", async () => {
        const result = await expectDetails(policy, [...privateSetup(), baseline(TABLE, "rt", { routes: igwRoutes })], [
            `Route table "rt" sends 0.0.0.0/0 to internet gateway "${IDS.internetGateway}" and serves private subnet "app-a"; ${FIX}`,
        ]);
        assert.equal(result.diagnostics[0].urn, "urn:pulumi:test::fixtures::aws:ec2/routeTable:RouteTable::rt");
    });

    it("GIVEN a standalone ::/0 route to the stack's InternetGateway (matched by id) THEN it is reported against the route", async () => {
        await expectDetails(policy, [
            ...privateSetup(),
            baseline(TABLE, "rt"),
            baseline(IGW, "gateway"),
            baseline(ROUTE, "v6", { routeTableId: "rt-id", destinationCidrBlock: undefined, natGatewayId: undefined, destinationIpv6CidrBlock: "::/0", gatewayId: "gateway-id" }),
        ], [`Route "v6" sends ::/0 to internet gateway "gateway-id" and serves private subnet "app-a"; ${FIX}`]);
    });

    it("GIVEN a public subnet (tag) routed to the internet gateway THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(SUBNET, "web-a", { tags: { SubnetType: "Public" }, mapPublicIpOnLaunch: true }),
            baseline(ASSOC, "web-a-rt", { routeTableId: "rt-id", subnetId: "web-a-id" }),
            baseline(TABLE, "rt", { routes: igwRoutes }),
        ], []);
    });

    it("GIVEN an untagged subnet named private (awsx naming) THEN the name decides; with public IPs on launch it does not", async () => {
        await expectDetails(policy, [
            baseline(SUBNET, "vpc-private-1", { tags: undefined }),
            baseline(SUBNET, "vpc-private-2", { tags: undefined, mapPublicIpOnLaunch: true }),
            baseline(ASSOC, "a1", { routeTableId: "rt-id", subnetId: "vpc-private-1-id" }),
            baseline(ASSOC, "a2", { routeTableId: "rt-id", subnetId: "vpc-private-2-id" }),
            baseline(TABLE, "rt", { routes: igwRoutes }),
        ], [`Route table "rt" sends 0.0.0.0/0 to internet gateway "${IDS.internetGateway}" and serves private subnet "vpc-private-1"; ${FIX}`]);
    });

    it("GIVEN configured tag key and values THEN they classify subnets", async () => {
        await expectDetails(policy, [
            baseline(SUBNET, "app-a", { tags: { Tier: "app" } }),
            baseline(ASSOC, "a", { routeTableId: "rt-id", subnetId: "app-a-id" }),
            baseline(TABLE, "rt", { routes: igwRoutes }),
        ], [`Route table "rt" sends 0.0.0.0/0 to internet gateway "${IDS.internetGateway}" and serves private subnet "app-a"; ${FIX}`], {
            [policy.name]: { privateSubnetTagKey: "Tier", privateSubnetTagValues: ["app"] },
        });
    });

    it("GIVEN a route table not associated with a private subnet, or an egress-only gateway for ::/0 THEN nothing is reported", async () => {
        await expectDetails(policy, [
            ...privateSetup(),
            baseline(TABLE, "other", { routes: igwRoutes }),
            baseline(TABLE, "rt", { routes: [{ ipv6CidrBlock: "::/0", egressOnlyGatewayId: "eigw-1" }, { cidrBlock: "10.1.0.0/16", gatewayId: IDS.internetGateway }] }),
        ], []);
    });

    it("GIVEN no subnets (an awsx VPC whose children are not visible) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(TABLE, "rt", { routes: igwRoutes })], []);
    });
});
