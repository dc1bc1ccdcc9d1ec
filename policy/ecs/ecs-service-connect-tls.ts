import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isNonEmptyString, isRecord } from "../lib/coerce";
import { ECS_SERVICE } from "../lib/types";
import { enabledServiceConnect } from "./serviceConnect";

/** An AWS Private CA's ARN, in any partition. */
const PCA_ARN = /^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:\d{12}:certificate-authority\/[A-Za-z0-9-]+$/;

interface Config {
    requireTls: boolean;
}

/**
 * Catalog #15 (encrypted protocols end to end) for service-to-service traffic — Security Hub ELB.18 and
 * Checkov CKV_AWS_378 ask the same of load balancers. Service Connect's proxies speak plain HTTP/TCP between
 * tasks unless each endpoint a service publishes (`serviceConnectConfiguration.services[]`) has `tls` with
 * an issuing AWS Private CA (`tls.issuerCertAuthority.awsPcaAuthorityArn`); ECS then issues and rotates the
 * certificates. A client-only configuration (no `services`) publishes nothing and needs no TLS of its own.
 * With `requireTls` false the policy reports nothing: a Private CA has a monthly price, so dev stacks may
 * go without (dev config); prod requires it (prod config, mandatory).
 */
export const ecsServiceConnectTls: ResourceValidationPolicy = {
    name: "ecs-service-connect-tls",
    description: "Service Connect endpoints must use TLS where the stack requires it.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: {
        properties: {
            requireTls: {
                type: "boolean",
                default: true,
                description: "Whether every endpoint a service publishes through Service Connect must have TLS with an AWS Private CA.",
            },
        },
    },
    validateResource: validateTypes(ECS_SERVICE, (props, args, report) => {
        if (args.getConfig<Config>().requireTls !== true) {
            return;
        }
        const config = enabledServiceConnect(props);
        if (!config) {
            return;
        }
        asArray(config.services).forEach((service, i) => {
            const name = isRecord(service) && isNonEmptyString(service.portName) ? ` ("${service.portName}")` : "";
            const where = `serviceConnectConfiguration.services[${i}]${name}`;
            const tls = isRecord(service) ? service.tls : undefined;
            const fix = "set tls.issuerCertAuthority.awsPcaAuthorityArn to an AWS Private CA (and tls.roleArn to a role ECS may use with it)";
            if (!isRecord(tls)) {
                report(`${where} has no tls, so traffic between services travels unencrypted; ${fix}.`);
            } else if (!isRecord(tls.issuerCertAuthority) || !isNonEmptyString(tls.issuerCertAuthority.awsPcaAuthorityArn)) {
                report(`${where}.tls names no issuing certificate authority, which ECS refuses; ${fix}.`);
            } else if (!PCA_ARN.test(tls.issuerCertAuthority.awsPcaAuthorityArn)) {
                report(`${where}.tls.issuerCertAuthority.awsPcaAuthorityArn "${tls.issuerCertAuthority.awsPcaAuthorityArn}" is not an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>); ${fix}.`);
            }
        });
    }),
};
