/**
 * The ECS container definition of the service's one container. Pure: takes resolved values, returns the
 * object the task definition serialises, so its shape is tested without mocks.
 */

/** Container health check, in seconds. */
export interface ContainerHealthCheck {
    /** `["CMD", program, ...args]` or `["CMD-SHELL", "command"]`. */
    readonly command: readonly string[];
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly retries: number;
    readonly startPeriodSeconds: number;
}

/** Everything one container definition is made of, with values already known. */
export interface ContainerDefinitionInput {
    readonly name: string;
    /** Image reference, by digest. */
    readonly image: string;
    /** Port the container listens on; none for a worker that serves nothing. */
    readonly port?: number;
    readonly user: string;
    readonly readonlyRootFilesystem: boolean;
    readonly stopTimeoutSeconds: number;
    readonly healthCheck: ContainerHealthCheck;
    readonly environment: Readonly<Record<string, string>>;
    /** Variable name to `valueFrom` ARN. */
    readonly secrets: Readonly<Record<string, string>>;
    readonly logGroupName: string;
    readonly region: string;
}

/** The port mapping's name, which Service Connect refers to as `portName`. */
export const containerPortName = (container: string, port: number): string => `${container}-${port}`;

const sortedPairs = <T>(record: Readonly<Record<string, string>>, make: (name: string, value: string) => T): T[] =>
    Object.keys(record)
        .sort()
        .map(name => make(name, record[name]));

/**
 * One essential container: non-root, optional read-only root filesystem, health check, awslogs logging,
 * plain variables in `environment` and secrets only in `secrets` (by ARN). Sorted so that the same
 * config always yields the same JSON and no spurious task-definition revision.
 */
export function containerDefinition(input: ContainerDefinitionInput): Record<string, unknown> {
    const overlap = Object.keys(input.secrets).filter(name => name in input.environment);
    if (overlap.length > 0) {
        throw new Error(`Container ${input.name}: ${overlap.join(", ")} set both as plain environment and as secret; keep each in one place.`);
    }
    return {
        name: input.name,
        image: input.image,
        essential: true,
        user: input.user,
        readonlyRootFilesystem: input.readonlyRootFilesystem,
        privileged: false,
        stopTimeout: input.stopTimeoutSeconds,
        portMappings:
            input.port === undefined ? [] : [{ containerPort: input.port, hostPort: input.port, protocol: "tcp", name: containerPortName(input.name, input.port) }],
        healthCheck: {
            command: [...input.healthCheck.command],
            interval: input.healthCheck.intervalSeconds,
            timeout: input.healthCheck.timeoutSeconds,
            retries: input.healthCheck.retries,
            startPeriod: input.healthCheck.startPeriodSeconds,
        },
        environment: sortedPairs(input.environment, (name, value) => ({ name, value })),
        secrets: sortedPairs(input.secrets, (name, valueFrom) => ({ name, valueFrom })),
        logConfiguration: {
            logDriver: "awslogs",
            options: {
                "awslogs-group": input.logGroupName,
                "awslogs-region": input.region,
                "awslogs-stream-prefix": input.name,
                // Never block the app on a slow log pipe; AWS recommends non-blocking with a buffer.
                mode: "non-blocking",
                "max-buffer-size": "25m",
            },
        },
        // A read-only root still needs somewhere for temporary files.
        mountPoints: input.readonlyRootFilesystem ? [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }] : [],
        volumesFrom: [],
        systemControls: [],
    };
}
