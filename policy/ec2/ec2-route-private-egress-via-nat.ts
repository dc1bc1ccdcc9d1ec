import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isWorldIpv4, isWorldIpv6 } from "../lib/cidr";
import { INTERNET_GATEWAY, ROUTE, ROUTE_TABLE, ROUTE_TABLE_ASSOCIATION, SUBNET } from "../lib/types";
import { asStringList, isRecord } from "../lib/coerce";

interface Config {
    privateSubnetTagKey: string;
    privateSubnetTagValues: string[];
}

/**
 * Catalog #40 [S] — Checkov CKV2_AWS_35, cdk-nag. Best effort.
 *
 * A route table associated with a private subnet does not send the default route (0.0.0.0/0 or ::/0)
 * to an internet gateway (`gatewayId` "igw-…" or the id of an `aws.ec2.InternetGateway` of the stack);
 * private egress goes through a NAT gateway. A subnet is private when its tag `privateSubnetTagKey`
 * (default `SubnetType`, as awsx sets it) is one of `privateSubnetTagValues`, or, without that tag,
 * when its logical name says "private" or "isolated" and it does not map public IPs. Only what the
 * stack shows is judged: offline, an `awsx.ec2.Vpc`'s subnets and routes are not visible.
 */
export const ec2RoutePrivateEgressViaNat: StackValidationPolicy = {
    name: "ec2-route-private-egress-via-nat",
    description: "Private subnets reach the internet through NAT, not an internet gateway.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            privateSubnetTagKey: { type: "string", default: "SubnetType", description: "Tag that classifies subnets." },
            privateSubnetTagValues: {
                type: "array",
                items: { type: "string" },
                default: ["Private", "Isolated"],
                description: "Values of that tag that mark a private subnet (case-insensitive).",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<Config>();
        const privateValues = asStringList(config.privateSubnetTagValues).map(v => v.toLowerCase());
        const of = (types: readonly string[]) => args.resources.filter(r => types.includes(r.type));

        const isPrivate = (subnet: PolicyResource): boolean => {
            const tags = subnet.props.tags;
            const tag = isRecord(tags) ? tags[config.privateSubnetTagKey] : undefined;
            if (typeof tag === "string") {
                return privateValues.includes(tag.toLowerCase());
            }
            return /private|isolated/i.test(subnet.name) && subnet.props.mapPublicIpOnLaunch !== true;
        };
        const privateSubnets = new Map<string, string>();
        for (const subnet of of(SUBNET)) {
            const id = subnet.props.id;
            if (typeof id === "string" && isPrivate(subnet)) {
                privateSubnets.set(id, subnet.name);
            }
        }
        if (privateSubnets.size === 0) {
            return;
        }
        const servedByTable = new Map<string, string[]>();
        for (const association of of(ROUTE_TABLE_ASSOCIATION)) {
            const { routeTableId, subnetId } = association.props;
            const subnet = typeof subnetId === "string" ? privateSubnets.get(subnetId) : undefined;
            if (typeof routeTableId === "string" && subnet !== undefined) {
                servedByTable.set(routeTableId, [...(servedByTable.get(routeTableId) ?? []), subnet]);
            }
        }
        if (servedByTable.size === 0) {
            return;
        }
        const gateways = new Set(of(INTERNET_GATEWAY).map(r => r.props.id).filter((id): id is string => typeof id === "string"));
        const viaInternetGateway = (gatewayId: unknown): gatewayId is string =>
            typeof gatewayId === "string" && (gatewayId.startsWith("igw-") || gateways.has(gatewayId));

        const check = (holder: string, tableId: unknown, destination: string | undefined, gatewayId: unknown, urn: string) => {
            const subnets = typeof tableId === "string" ? servedByTable.get(tableId) : undefined;
            if (subnets === undefined || destination === undefined || !viaInternetGateway(gatewayId)) {
                return;
            }
            for (const subnet of subnets) {
                reportViolation(
                    `${holder} sends ${destination} to internet gateway "${gatewayId}" and serves private subnet "${subnet}"; ` +
                        "send the private default route to a NAT gateway (natGatewayId) instead.",
                    urn,
                );
            }
        };
        const worldDestination = (v4: unknown, v6: unknown): string | undefined =>
            isWorldIpv4(v4) ? String(v4) : isWorldIpv6(v6) ? String(v6) : undefined;

        for (const table of of(ROUTE_TABLE)) {
            const routes = table.props.routes;
            if (!servedByTable.has(table.props.id) || !Array.isArray(routes)) {
                continue;
            }
            for (const route of routes) {
                if (isRecord(route)) {
                    const destination = worldDestination(route.cidrBlock, route.ipv6CidrBlock);
                    check(`Route table "${table.name}"`, table.props.id, destination, destination && route.gatewayId, table.urn);
                }
            }
        }
        for (const route of of(ROUTE)) {
            const destination = worldDestination(route.props.destinationCidrBlock, route.props.destinationIpv6CidrBlock);
            if (destination !== undefined) {
                check(`Route "${route.name}"`, route.props.routeTableId, destination, route.props.gatewayId, route.urn);
            }
        }
    },
};
