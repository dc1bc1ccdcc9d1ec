import { ecsClusterContainerInsights } from "./ecs-cluster-container-insights";
import { ecsClusterExecLoggingEncrypted } from "./ecs-cluster-exec-logging-encrypted";
import { ecsServiceAlarmRollback } from "./ecs-service-alarm-rollback";
import { ecsServiceAlarmsWatchBothTargetGroups } from "./ecs-service-alarms-watch-both-target-groups";
import { ecsServiceConnectLogs } from "./ecs-service-connect-logs";
import { ecsServiceConnectTls } from "./ecs-service-connect-tls";
import { ecsServiceDeploymentCircuitBreaker } from "./ecs-service-deployment-circuit-breaker";
import { ecsServiceRollbackAlarmsExist } from "./ecs-service-rollback-alarms-exist";
import { ecsServiceDeploymentStrategyComplete } from "./ecs-service-deployment-strategy-complete";
import { ecsServiceExecLoggedEncrypted } from "./ecs-service-exec-logged-encrypted";
import { ecsServiceFargateLatestPlatform } from "./ecs-service-fargate-latest-platform";
import { ecsServiceHealthCheckGracePeriod } from "./ecs-service-health-check-grace-period";
import { ecsServiceLoadBalancerContainerPort } from "./ecs-service-load-balancer-container-port";
import { ecsServiceMinimumHealthyPercent } from "./ecs-service-minimum-healthy-percent";
import { ecsServiceLoadBalancerTargetComplete } from "./ecs-service-load-balancer-target-complete";
import { ecsServiceMinimumCapacity } from "./ecs-service-minimum-capacity";
import { ecsServiceNoPublicIp } from "./ecs-service-no-public-ip";
import { ecsServiceTestListenerRestricted } from "./ecs-service-test-listener-restricted";
import { ecsServiceTrafficRulesIgnoreChanges } from "./ecs-service-traffic-rules-ignore-changes";
import { ecsTaskDefinitionContainerDefinitionsValid } from "./ecs-task-definition-container-definitions-valid";
import { ecsTaskDefinitionContainerHealthCheck } from "./ecs-task-definition-container-health-check";
import { ecsTaskDefinitionContainersLog } from "./ecs-task-definition-containers-log";
import { ecsTaskDefinitionEfsTransitEncryption } from "./ecs-task-definition-efs-transit-encryption";
import { ecsTaskDefinitionFargateCpuMemory } from "./ecs-task-definition-fargate-cpu-memory";
import { ecsTaskDefinitionImageDigest } from "./ecs-task-definition-image-digest";
import { ecsTaskDefinitionNoAddedCapabilities } from "./ecs-task-definition-no-added-capabilities";
import { ecsTaskDefinitionNoContainerRuntimeSocket } from "./ecs-task-definition-no-container-runtime-socket";
import { ecsTaskDefinitionNoHostIpc } from "./ecs-task-definition-no-host-ipc";
import { ecsTaskDefinitionNoHostNetwork } from "./ecs-task-definition-no-host-network";
import { ecsTaskDefinitionNoHostPid } from "./ecs-task-definition-no-host-pid";
import { ecsTaskDefinitionNoPlaintextSecrets } from "./ecs-task-definition-no-plaintext-secrets";
import { ecsTaskDefinitionNoPrivilegedContainers } from "./ecs-task-definition-no-privileged-containers";
import { ecsTaskDefinitionNonRootUser } from "./ecs-task-definition-non-root-user";
import { ecsTaskDefinitionReadOnlyRootFilesystem } from "./ecs-task-definition-read-only-root-filesystem";
import { ecsTaskDefinitionSecretsFromArns } from "./ecs-task-definition-secrets-from-arns";
import { ecsTaskDefinitionSeparateExecutionRole } from "./ecs-task-definition-separate-execution-role";

/** ECS policies: task definitions (containers), services and task sets, clusters. */
export const ecsPolicies = [
    ecsTaskDefinitionContainerDefinitionsValid,
    ecsTaskDefinitionNoPlaintextSecrets,
    ecsTaskDefinitionSecretsFromArns,
    ecsTaskDefinitionContainersLog,
    ecsTaskDefinitionNoPrivilegedContainers,
    ecsTaskDefinitionReadOnlyRootFilesystem,
    ecsTaskDefinitionNoHostPid,
    ecsTaskDefinitionNoHostIpc,
    ecsTaskDefinitionNoAddedCapabilities,
    ecsTaskDefinitionNoContainerRuntimeSocket,
    ecsTaskDefinitionNoHostNetwork,
    ecsTaskDefinitionNonRootUser,
    ecsTaskDefinitionEfsTransitEncryption,
    ecsTaskDefinitionSeparateExecutionRole,
    ecsTaskDefinitionContainerHealthCheck,
    ecsTaskDefinitionImageDigest,
    ecsTaskDefinitionFargateCpuMemory,
    ecsServiceNoPublicIp,
    ecsServiceFargateLatestPlatform,
    ecsServiceDeploymentCircuitBreaker,
    ecsServiceRollbackAlarmsExist,
    ecsServiceAlarmRollback,
    ecsServiceAlarmsWatchBothTargetGroups,
    ecsServiceDeploymentStrategyComplete,
    ecsServiceTestListenerRestricted,
    ecsServiceTrafficRulesIgnoreChanges,
    ecsServiceMinimumHealthyPercent,
    ecsServiceMinimumCapacity,
    ecsServiceHealthCheckGracePeriod,
    ecsServiceLoadBalancerContainerPort,
    ecsServiceLoadBalancerTargetComplete,
    ecsClusterContainerInsights,
    ecsClusterExecLoggingEncrypted,
    ecsServiceExecLoggedEncrypted,
    ecsServiceConnectTls,
    ecsServiceConnectLogs,
];
