/**
 * The Go type the AWS provider decodes each element of `containerDefinitions` into: aws-sdk-go-v2
 * `ecs/types.ContainerDefinition` (untagged fields, so JSON keys match the field names case-insensitively).
 * Field names are the ECS API's member names (`RegisterTaskDefinition` request shape, as the AWS SDK for
 * JavaScript v3 documents it in `@aws-sdk/client-ecs`); fields Go holds by value rather than by pointer
 * (`cpu`, enum strings, ulimit and tmpfs sizes) are marked, since `null` leaves them unchanged.
 * Source: terraform-provider-aws internal/service/ecs/container_definitions.go (`expandContainerDefinitions`).
 */
import { GoType, goAny, goBool, goEnum, goInt, goInt32Value, goList, goMap, goString, goStruct } from "./goDecode";

const strings = goList(goString);
const secret = goStruct({ name: goString, valueFrom: goString });

export const CONTAINER_DEFINITION: GoType = goStruct({
    name: goString,
    image: goString,
    repositoryCredentials: goStruct({ credentialsParameter: goString }),
    cpu: goInt32Value,
    memory: goInt,
    memoryReservation: goInt,
    links: strings,
    portMappings: goList(
        goStruct({ containerPort: goInt, hostPort: goInt, protocol: goEnum, name: goString, appProtocol: goEnum, containerPortRange: goString }),
    ),
    essential: goBool,
    restartPolicy: goStruct({ enabled: goBool, ignoredExitCodes: goList(goInt32Value), restartAttemptPeriod: goInt }),
    entryPoint: strings,
    command: strings,
    environment: goList(goStruct({ name: goString, value: goString })),
    environmentFiles: goList(goStruct({ value: goString, type: goEnum })),
    mountPoints: goList(goStruct({ sourceVolume: goString, containerPath: goString, readOnly: goBool })),
    volumesFrom: goList(goStruct({ sourceContainer: goString, readOnly: goBool })),
    linuxParameters: goStruct({
        capabilities: goStruct({ add: strings, drop: strings }),
        devices: goList(goStruct({ hostPath: goString, containerPath: goString, permissions: goList(goEnum) })),
        initProcessEnabled: goBool,
        sharedMemorySize: goInt,
        tmpfs: goList(goStruct({ containerPath: goString, size: goInt32Value, mountOptions: strings })),
        maxSwap: goInt,
        swappiness: goInt,
    }),
    secrets: goList(secret),
    dependsOn: goList(goStruct({ containerName: goString, condition: goEnum })),
    startTimeout: goInt,
    stopTimeout: goInt,
    versionConsistency: goEnum,
    hostname: goString,
    user: goString,
    workingDirectory: goString,
    disableNetworking: goBool,
    privileged: goBool,
    readonlyRootFilesystem: goBool,
    dnsServers: strings,
    dnsSearchDomains: strings,
    extraHosts: goList(goStruct({ hostname: goString, ipAddress: goString })),
    dockerSecurityOptions: strings,
    interactive: goBool,
    pseudoTerminal: goBool,
    dockerLabels: goMap,
    ulimits: goList(goStruct({ name: goEnum, softLimit: goInt32Value, hardLimit: goInt32Value })),
    logConfiguration: goStruct({ logDriver: goEnum, options: goMap, secretOptions: goList(secret) }),
    healthCheck: goStruct({ command: strings, interval: goInt, timeout: goInt, retries: goInt, startPeriod: goInt }),
    systemControls: goList(goStruct({ namespace: goString, value: goString })),
    resourceRequirements: goList(goStruct({ value: goString, type: goEnum, sharingStrategy: goAny })),
    firelensConfiguration: goStruct({ type: goEnum, options: goMap }),
    credentialSpecs: strings,
});

/** Object arrays from which the provider drops zero-value elements (`compactArrays`). */
export const COMPACTED_ARRAYS = [
    "dependsOn",
    "environment",
    "environmentFiles",
    "extraHosts",
    "mountPoints",
    "portMappings",
    "resourceRequirements",
    "secrets",
    "systemControls",
    "ulimits",
    "volumesFrom",
] as const;
