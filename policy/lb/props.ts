/**
 * Readers of load-balancer inputs shared by the lb policies, with AWS's defaults applied. Generic readers
 * (records, numbers, strings, copies) live in `../lib/coerce`.
 */
import { upper } from "../lib/coerce";

/**
 * The protocol a listener serves. AWS defaults an Application Load Balancer listener to HTTP; a
 * listener with neither protocol nor port belongs to a Gateway Load Balancer and has no protocol.
 */
export function listenerProtocol(props: Record<string, any>): string | undefined {
    const given = upper(props.protocol);
    if (given) {
        return given;
    }
    return props.port === undefined || props.port === null ? undefined : "HTTP";
}

/** Application Load Balancers: `loadBalancerType` unset (the AWS default) or "application". */
export function isApplicationLoadBalancer(props: Record<string, any>): boolean {
    const type = props.loadBalancerType;
    return type === undefined || type === null || upper(type) === "APPLICATION";
}

/** Internet-facing unless `internal` is exactly true (AWS defaults to internet-facing). */
export const isInternetFacing = (props: Record<string, any>): boolean => props.internal !== true;
