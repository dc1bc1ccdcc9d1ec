import { Policies } from "@pulumi/policy";
import { lbListenerAcmCertificate } from "./lb-listener-acm-certificate";
import { lbListenerEncryptedProtocol } from "./lb-listener-encrypted-protocol";
import { lbListenerHttpRedirectsToHttps } from "./lb-listener-http-redirects-to-https";
import { lbListenerRuleHttpRedirectsToHttps } from "./lb-listener-rule-http-redirects-to-https";
import { lbListenerRuleNotShadowed } from "./lb-listener-rule-not-shadowed";
import { lbListenerRuleUniquePriority } from "./lb-listener-rule-unique-priority";
import { lbListenerModernTlsPolicy } from "./lb-listener-modern-tls-policy";
import { lbLoadBalancerAccessLogs } from "./lb-load-balancer-access-logs";
import { lbLoadBalancerDeletionProtection } from "./lb-load-balancer-deletion-protection";
import { lbLoadBalancerDesyncMitigation } from "./lb-load-balancer-desync-mitigation";
import { lbLoadBalancerDropInvalidHeaders } from "./lb-load-balancer-drop-invalid-headers";
import { lbLoadBalancerInternalUnlessAllowListed } from "./lb-load-balancer-internal-unless-allow-listed";
import { lbLoadBalancerMultiAz } from "./lb-load-balancer-multi-az";
import { lbLoadBalancerWafAttached } from "./lb-load-balancer-waf-attached";
import { lbTargetGroupDeregistrationDelay } from "./lb-target-group-deregistration-delay";
import { lbTargetGroupEncryptedProtocol } from "./lb-target-group-encrypted-protocol";
import { lbTargetGroupHealthCheck } from "./lb-target-group-health-check";
import { lbTargetGroupHealthCheckExplicit } from "./lb-target-group-health-check-explicit";
import { lbTargetGroupHealthCheckTimings } from "./lb-target-group-health-check-timings";
import { lbTargetGroupHealthCheckWellFormed } from "./lb-target-group-health-check-well-formed";

export const lbPolicies: Policies = [
    lbListenerHttpRedirectsToHttps,
    lbListenerRuleHttpRedirectsToHttps,
    lbListenerRuleUniquePriority,
    lbListenerRuleNotShadowed,
    lbListenerEncryptedProtocol,
    lbListenerModernTlsPolicy,
    lbListenerAcmCertificate,
    lbLoadBalancerDropInvalidHeaders,
    lbLoadBalancerDesyncMitigation,
    lbLoadBalancerAccessLogs,
    lbLoadBalancerDeletionProtection,
    lbLoadBalancerMultiAz,
    lbLoadBalancerWafAttached,
    lbLoadBalancerInternalUnlessAllowListed,
    lbTargetGroupHealthCheck,
    lbTargetGroupHealthCheckWellFormed,
    lbTargetGroupHealthCheckExplicit,
    lbTargetGroupEncryptedProtocol,
    lbTargetGroupDeregistrationDelay,
    lbTargetGroupHealthCheckTimings,
];
