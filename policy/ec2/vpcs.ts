import { PolicyResource } from "@pulumi/policy";
import { AWSX_VPC, VPC } from "../lib/types";

/** A VPC the stack creates, identified by its id. */
export interface VpcRef {
    readonly id: string;
    readonly name: string;
    readonly urn: string;
}

/**
 * The VPCs of a stack: `aws.ec2.Vpc` resources (state `id`) and `awsx.ec2.Vpc` components (state
 * `vpcId`; offline the component's children are not visible). A component and its child VPC share an
 * id and count once. VPCs whose id is not a string cannot be matched and are left out.
 */
export function vpcsOf(resources: readonly PolicyResource[]): VpcRef[] {
    const byId = new Map<string, VpcRef>();
    for (const r of resources) {
        let id: unknown;
        if ((VPC as readonly string[]).includes(r.type)) {
            id = r.props.id;
        } else if ((AWSX_VPC as readonly string[]).includes(r.type)) {
            id = r.props.vpcId;
        } else {
            continue;
        }
        if (typeof id === "string" && id !== "" && !byId.has(id)) {
            byId.set(id, { id, name: r.name, urn: r.urn });
        }
    }
    return [...byId.values()];
}

/** The string values of `field` over resources of the given types. */
export function fieldValues(resources: readonly PolicyResource[], types: readonly string[], field: string): PolicyResource[] {
    return resources.filter(r => types.includes(r.type) && typeof r.props[field] === "string");
}
