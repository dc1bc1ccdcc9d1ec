/**
 * Reading an ECS service's Service Connect configuration (`@pulumi/aws` 7 `ServiceServiceConnectConfiguration`:
 * `enabled`, `namespace`, `logConfiguration`, `services[]` with `portName`, `discoveryName`, `clientAlias[]`,
 * `tls { issuerCertAuthority { awsPcaAuthorityArn }, kmsKey, roleArn }`). Sources: Amazon ECS API
 * Reference, `ServiceConnectConfiguration` and `ServiceConnectTlsConfiguration` (`issuerCertificateAuthority`
 * required, an AWS Private CA),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectTlsConfiguration.html.
 */
import { isRecord, upper } from "../lib/coerce";

/** The configuration when Service Connect is on (`enabled` true, or "true" in any case); else undefined. */
export function enabledServiceConnect(props: Record<string, any>): Record<string, any> | undefined {
    const config = props.serviceConnectConfiguration;
    if (!isRecord(config)) {
        return undefined;
    }
    return config.enabled === true || upper(config.enabled) === "TRUE" ? config : undefined;
}
