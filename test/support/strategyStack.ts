/**
 * A stack with one service of each strategy, built by `deployStack` from the dev stack's settings (the stack
 * files stay rolling): web (the listener's default) blue/green with test traffic, a Lambda and a pause hook;
 * api (`/api/*`) canary with test traffic and request-count scaling; admin (a host) linear; the dev worker rolling. Made once per test
 * process, for the tests that read it.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DeploymentSettings } from "../../components/deploymentSettings";
import type { LoadedStackSettings } from "../../components/loadStackConfig";
import { deployStack } from "../../components/stack";
import { parseStackConfig, ServiceSettings, StackSettings } from "../../components/stackConfig";
import { readStackConfig } from "../../harness/projectConfig";
import { ProgramRun } from "../../harness/runProgram";
import { PROJECT_DIR, runInline } from "./stacks";

export const SMOKE_TEST_FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:smoke-test";

/** The api service's request-count scaling target: requests per target and minute. */
export const API_REQUESTS_PER_TARGET = 500;

/** Each strategy's settings in the stack, by service. */
export const STRATEGIES: Readonly<Record<"web" | "api" | "admin", DeploymentSettings>> = {
    web: {
        strategy: "blueGreen",
        bakeTimeMinutes: 10,
        testTraffic: { cidrs: ["203.0.113.0/24"] },
        hooks: [
            { type: "lambda", stages: ["POST_TEST_TRAFFIC_SHIFT"], functionArn: SMOKE_TEST_FUNCTION },
            { type: "pause", stages: ["POST_SCALE_UP"], timeoutMinutes: 30, onTimeout: "ROLLBACK" },
        ],
    },
    api: { strategy: "canary", bakeTimeMinutes: 5, canary: { percent: 10, bakeMinutes: 15 }, testTraffic: { cidrs: ["10.20.0.0/16", "198.51.100.7/32"] }, hooks: [] },
    admin: { strategy: "linear", bakeTimeMinutes: 0, linear: { stepPercent: 20, stepBakeMinutes: 3 }, hooks: [] },
};

/** The dev stack's settings with web, api and admin deploying as {@link STRATEGIES} and its worker rolling. */
export function strategySettings(): StackSettings {
    const base = readStackConfig(PROJECT_DIR, "dev");
    const settings = parseStackConfig({ project: base.project, stack: "dev", values: base.config, secretKeys: base.secretKeys });
    const web = settings.services.find(s => s.name === "web")!;
    const worker = settings.services.find(s => s.name === "worker")!;
    const services: ServiceSettings[] = [
        { ...web, deployment: STRATEGIES.web },
        // api also scales on requests per target, which a shifted service tracks over both target groups.
        {
            ...web,
            name: "api",
            container: { ...web.container, port: 3000 },
            route: { ...web.route!, paths: ["/api/*"] },
            scaling: { ...web.scaling!, requestsPerTarget: API_REQUESTS_PER_TARGET },
            deployment: STRATEGIES.api,
        },
        { ...web, name: "admin", route: { ...web.route!, hosts: ["admin.example.com"] }, deployment: STRATEGIES.admin },
        worker,
    ];
    return { ...settings, services };
}

const loaded = (settings: StackSettings): LoadedStackSettings => {
    const secrets = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, pulumi.secret(v)]));
    return {
        ...settings,
        container: { ...settings.container, secretValues: secrets(settings.container.secretValues) },
        services: settings.services.map(s => ({ ...s, container: { ...s.container, secretValues: secrets(s.container.secretValues) } })),
    };
};

/** `settings` deployed by `deployStack` under mocks as the dev stack, its secret values made secrets. */
export const runSettings = (settings: StackSettings): Promise<ProgramRun> => runInline(() => deployStack(loaded(settings)) as unknown as Record<string, unknown>, "dev");

let made: Promise<ProgramRun> | undefined;

/** The strategy stack's run under mocks, made once per process (tests only read it). */
export function runStrategyStack(): Promise<ProgramRun> {
    made ??= runSettings(strategySettings());
    return made;
}
