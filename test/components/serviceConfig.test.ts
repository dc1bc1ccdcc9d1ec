import { strict as assert } from "node:assert";
import * as path from "path";
import { readStackConfig } from "../../harness/projectConfig";
import { parseStackConfig, ServiceSettings, StackSettings } from "../../components/stackConfig";
import { PROJECT_DIR } from "../support/stacks";
import { ConfigChange, parseChanged, refusals } from "../support/stackConfig";

const P = "fargate-web";
const FIXTURES = path.join(PROJECT_DIR, "test", "fixtures", "stacks");

const parse = parseChanged;
const problems = refusals;

/** Parses a fixture stack file the way the CLI hands it to the program. */
function parseFixture(name: string, stack = "dev"): StackSettings {
    const config = readStackConfig(PROJECT_DIR, stack, path.join(FIXTURES, `Pulumi.${name}.yaml`));
    return parseStackConfig({ project: config.project, stack, values: config.config, secretKeys: config.secretKeys, securePaths: config.securePaths });
}

const CA = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d-0000-1111-2222-333344445555";

const byName = (settings: StackSettings): Record<string, ServiceSettings> => Object.fromEntries(settings.services.map(s => [s.name, s]));

describe("services config", () => {
    describe("GIVEN no services (the one-service form)", () => {
        for (const stack of ["dev", "prod"]) {
            it(`THEN ${stack} yields one web service named serviceName with exactly the flat settings, as an empty map does`, () => {
                // dev's stack file sets services (web and worker); without it, dev is the one-service form.
                const flat = parse(stack, { values: { [`${P}:services`]: undefined } });
                assert.equal(flat.services.length, 1);
                const [only] = flat.services;
                assert.deepEqual(
                    { name: only.name, kind: only.kind, container: only.container, service: only.service, scaling: only.scaling, image: only.image },
                    { name: flat.serviceName, kind: "web", container: flat.container, service: flat.service, scaling: flat.scaling, image: { context: flat.image.context, prebuilt: flat.image.prebuilt } },
                );
                assert.deepEqual(only.route, { paths: [], hosts: [], healthCheck: flat.loadBalancer.healthCheck, deregistrationDelaySeconds: flat.loadBalancer.deregistrationDelaySeconds });
                assert.deepEqual(parse(stack, { services: {} }), flat);
            });
        }
    });

    describe("GIVEN dev's stack file (web on the default action, a worker on the same cluster)", () => {
        const settings = parse("dev");
        const { web, worker } = byName(settings);

        it("THEN exactly the two services load, each with its kind", () => {
            assert.deepEqual(settings.services.map(s => [s.name, s.kind]), [["web", "web"], ["worker", "worker"]]);
        });

        it("THEN web keeps the one-service form's container, placement and route, with its own SERVICE_NAME", () => {
            assert.deepEqual(web.route, { paths: [], hosts: [], priority: undefined, healthCheck: settings.loadBalancer.healthCheck, deregistrationDelaySeconds: settings.loadBalancer.deregistrationDelaySeconds });
            assert.deepEqual(web.container, { ...settings.container, environment: { LOG_LEVEL: "debug", SERVICE_NAME: "web" } });
            assert.deepEqual(web.service, settings.service);
            assert.equal(web.image.context, settings.image.context);
        });

        it("THEN the worker has no route and no port, builds worker/, and runs on dev's Spot placement", () => {
            assert.equal(worker.route, undefined);
            assert.equal(worker.container.port, undefined);
            assert.equal(worker.image.context, "./worker");
            assert.deepEqual(worker.container.environment, { LOG_LEVEL: "debug", SERVICE_NAME: "worker" });
            assert.deepEqual(worker.service, settings.service);
            assert.equal(worker.scaling?.requestsPerTarget, undefined);
        });
    });

    describe("GIVEN a scheduled task within what Scheduler accepts", () => {
        const web = { kind: "web" };
        const nightly = (fields: Record<string, unknown>) => ({ web, nightly: { kind: "scheduled", schedule: "cron(30 2 * * ? *)", ...fields } });

        it("THEN FARGATE without NAT, and FARGATE_SPOT (set or inherited) with a NAT gateway, are accepted", () => {
            assert.equal(byName(parse("dev", { services: nightly({ capacityProvider: "FARGATE" }) })).nightly.service.capacityProvider, "FARGATE");
            for (const natStrategy of ["single", "perAz"]) {
                const values = { [`${P}:natStrategy`]: natStrategy };
                assert.equal(byName(parse("dev", { services: nightly({}), values })).nightly.service.capacityProvider, "FARGATE_SPOT");
                assert.equal(byName(parse("dev", { services: nightly({ capacityProvider: "FARGATE_SPOT" }), values })).nightly.service.capacityProvider, "FARGATE_SPOT");
            }
        });

        it("THEN a stack-wide desiredCount of 1 and of 10 is the task count", () => {
            for (const count of [1, 10]) {
                const values = { [`${P}:desiredCount`]: String(count), [`${P}:maxCapacity`]: "10" };
                assert.equal(byName(parse("dev", { services: nightly({ capacityProvider: "FARGATE" }), values })).nightly.service.desiredCount, count);
            }
        });

        it("THEN tz database links Scheduler accepts load (Asia/Kolkata, Europe/Kyiv), as ScheduledTask judges them", () => {
            for (const zone of ["Asia/Kolkata", "Europe/Kyiv", "America/New_York", "UTC"]) {
                assert.deepEqual(byName(parse("dev", { services: nightly({ capacityProvider: "FARGATE", scheduleTimezone: zone }) })).nightly.schedule, { expression: "cron(30 2 * * ? *)", timezone: zone });
            }
        });
    });

    describe("GIVEN the two-service fixture (web on the default action, a worker without a route)", () => {
        const settings = parseFixture("twoServices");
        const { web, worker } = byName(settings);

        it("THEN both services load, in name order, each with its kind", () => {
            assert.deepEqual(settings.services.map(s => [s.name, s.kind]), [["web", "web"], ["worker", "worker"]]);
        });

        it("THEN the web service takes the listener's default action with the stack-wide health check", () => {
            assert.deepEqual(web.route, { paths: [], hosts: [], priority: undefined, healthCheck: settings.loadBalancer.healthCheck, deregistrationDelaySeconds: 10 });
            assert.equal(web.container.port, 8080);
        });

        it("THEN the worker has no route, no port, its own app folder and queue scaling, and no request scaling", () => {
            assert.equal(worker.route, undefined);
            assert.equal(worker.container.port, undefined);
            assert.equal(worker.image.context, "./worker");
            assert.deepEqual(worker.scaling?.queue, { namespace: "FargateWeb/Jobs", metricName: "BacklogPerTask", dimensions: { Queue: "jobs" }, statistic: "Average", targetValue: 100 });
            assert.equal(worker.scaling?.requestsPerTarget, undefined);
        });

        it("THEN an entry's map replaces the stack-wide one, and unset keys take the stack-wide value", () => {
            assert.deepEqual(worker.container.environment, { LOG_LEVEL: "debug", SERVICE_NAME: "worker" });
            assert.deepEqual(settings.container.environment, { LOG_LEVEL: "debug" });
            assert.deepEqual([worker.container.cpu, worker.container.memory, worker.service.capacityProvider], [256, 512, "FARGATE_SPOT"]);
        });
    });

    describe("GIVEN the path-split fixture (web, api on /api/*, a worker the api calls)", () => {
        const settings = parseFixture("pathSplit");
        const { api, web, worker } = byName(settings);

        it("THEN the api overrides size and health check; the web service keeps the defaults", () => {
            assert.deepEqual([api.container.cpu, api.container.memory, api.route?.healthCheck.path], [512, 1024, "/api/health"]);
            assert.deepEqual([web.container.cpu, web.container.memory, web.route?.healthCheck.path], [256, 512, "/health"]);
        });

        it("THEN the routed service gets a derived priority and the default one none", () => {
            assert.deepEqual(api.route?.paths, ["/api/*"]);
            assert.equal(api.route?.priority, 10);
            assert.equal(web.route?.priority, undefined);
        });

        it("THEN Service Connect and callers load, and the worker listens on the port its entry sets", () => {
            assert.deepEqual([api.serviceConnect, worker.serviceConnect, worker.callers, worker.container.port], [true, true, ["api"], 9000]);
        });

        it("THEN a secret value set with --secret --path under the service is accepted as secret", () => {
            assert.deepEqual(Object.keys(api.container.secretValues), ["API_KEY"]);
            assert.deepEqual(web.container.secretValues, {});
        });
    });

    describe("GIVEN one bad entry at a time", () => {
        const web = { kind: "web" };
        // dev runs on FARGATE_SPOT without NAT, which a scheduled task cannot: cases about anything else set FARGATE.
        const SPOT_WITHOUT_NAT = `${P}:services.nightly.capacityProvider is "FARGATE_SPOT" (set there or by ${P}:capacityProvider); with ${P}:natStrategy "none" the task needs a public IP, which Scheduler gives only to tasks launched as FARGATE: set ${P}:services.nightly.capacityProvider to "FARGATE", or use a NAT gateway`;
        const countOutOfRange = (n: number) =>
            `${P}:services.nightly.desiredCount is ${n} (from ${P}:desiredCount); a scheduled task starts 1 to 10 tasks per run (EventBridge Scheduler's TaskCount) and takes the stack-wide count: set ${P}:desiredCount from 1 to 10, and desiredCount on the web and worker entries that need another`;
        const cases: Array<[string, string, ConfigChange, string | string[]]> = [
            ["a cpu Fargate does not offer", "dev", { services: { web, api: { kind: "web", paths: ["/api/*"], cpu: 300 } } }, `${P}:services.api.cpu is 300; allowed: 256, 512, 1024, 2048, 4096, 8192 or 16384`],
            ["a cpu given as text, out of range", "dev", { services: { api: { kind: "web", cpu: "20000" } } }, `${P}:services.api.cpu is 20000; expected an integer from 1 to 16384`],
            ["an inherited memory that does not fit the entry's cpu", "dev", { services: { api: { kind: "web", cpu: 2048 } } }, `${P}:services.api.memory is 512 (from ${P}:memory); Fargate offers 4096 to 16384 in steps of 1024 MiB with cpu 2048`],
            ["a misspelt field", "dev", { services: { api: { kind: "web", cpus: 512 } } }, `${P}:services.api.cpus is not a field of a service; did you mean ${P}:services.api.cpu?`],
            ["a misspelt service-only field", "dev", { services: { api: { kind: "web", path: ["/api/*"] } } }, `${P}:services.api.path is not a field of a service; did you mean ${P}:services.api.paths?`],
            ["a field like nothing", "dev", { services: { api: { kind: "web", frobnicate: 1 } } }, `${P}:services.api.frobnicate is not a field of a service; see the services table in README`],
            ["an Object.prototype name as a field", "dev", { services: { api: { kind: "web", toString: 1 } } }, `${P}:services.api.toString is not a field of a service; see the services table in README`],
            ["a stack-wide key in an entry", "dev", { services: { api: { kind: "web", vpcCidr: "10.1.0.0/16" } } }, `${P}:services.api.vpcCidr is set, but vpcCidr is stack-wide; set ${P}:vpcCidr instead`],
            ["paths on a worker", "dev", { services: { web, jobs: { kind: "worker", paths: ["/jobs/*"] } } }, `${P}:services.jobs.paths is set on a worker service; it applies to web services only, so remove it`],
            ["a load-balancer health check on a worker", "dev", { services: { web, jobs: { kind: "worker", healthCheckPath: "/health" } } }, `${P}:services.jobs.healthCheckPath is set on a worker service; it applies to web services only, so remove it`],
            ["request scaling on a worker", "dev", { services: { web, jobs: { kind: "worker", requestsPerTarget: 100 } } }, `${P}:services.jobs.requestsPerTarget is set on a worker service; it applies to web services only, so remove it`],
            ["a grace period on a worker (ECS takes one only behind a load balancer)", "dev", { services: { web, jobs: { kind: "worker", healthCheckGracePeriodSeconds: 60 } } }, `${P}:services.jobs.healthCheckGracePeriodSeconds is set on a worker service; it applies to web services only, so remove it`],
            ["a schedule on a web service", "dev", { services: { web: { kind: "web", schedule: "rate(1 hour)" } } }, `${P}:services.web.schedule is set on a web service; it applies to scheduled services only, so remove it`],
            ["scaling bounds on a scheduled task", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "cron(0 3 * * ? *)", capacityProvider: "FARGATE", minCapacity: 2 } } }, `${P}:services.nightly.minCapacity is set on a scheduled service; it applies to web and worker services only, so remove it`],
            ["queue scaling on a web service", "dev", { services: { web: { kind: "web", queueScaling: { namespace: "A", metricName: "B", targetValue: 1 } } } }, `${P}:services.web.queueScaling is set on a web service; it applies to worker services only, so remove it`],
            ["no kind", "dev", { services: { api: { cpu: 512 } } }, `${P}:services.api.kind is not set; allowed: "web", "worker" or "scheduled"`],
            ["an unknown kind", "dev", { services: { api: { kind: "cron" } } }, `${P}:services.api.kind is "cron"; allowed: "web", "worker" or "scheduled"`],
            ["an entry that is not an object", "dev", { services: { api: "web" } }, `${P}:services.api is "web"; expected an object such as {kind: web}`],
            ["an uppercase name", "dev", { services: { Api: web } }, `${P}:services has "Api"; expected lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen`],
            ["a name AWS reserves for security groups", "dev", { services: { "sg-web": web } }, `${P}:services has "sg-web"; security group names would start with "sg-", which EC2 reserves; choose another name`],
            ["a name with a double hyphen at the end", "dev", { services: { "web--": web } }, `${P}:services has "web--"; expected lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen`],
            ["a web name too long for its target group", "dev", { services: { "a-very-long-web-name-x": web } }, `${P}:services has "a-very-long-web-name-x"; the target group name "a-very-long-web-name-x-tg-xxxxxxx" would have 33 characters and AWS allows 32; keep a web service's name to 21 characters`],
            ["a worker name too long for its IAM roles", "dev", { services: { web, "a-worker-with-a-name-that-is-far-too-long-x": { kind: "worker" } } }, `${P}:services has "a-worker-with-a-name-that-is-far-too-long-x"; the IAM execution role name "a-worker-with-a-name-that-is-far-too-long-x-execution-role-xxxxxxx" would have 66 characters and AWS allows 64; keep a worker service's name to 41 characters`],
            ["two web services on the default action", "dev", { services: { web, www: web } }, `${P}:services web, www all have a route with no paths or hosts; only one service can be the listener's default, so give the others paths or hosts`],
            ["a duplicate priority", "dev", { services: { web, a: { kind: "web", paths: ["/a/*"], priority: 5 }, b: { kind: "web", paths: ["/b/*"], priority: 5 } } }, `${P}:services a, b share priority 5; priorities are unique per listener`],
            ["a priority out of range", "dev", { services: { a: { kind: "web", paths: ["/a/*"], priority: 50001 } } }, `${P}:services.a.priority is 50001; expected an integer from 1 to 50000`],
            ["a priority without a condition", "dev", { services: { a: { kind: "web", priority: 5 } } }, `${P}:services.a.priority is 5 but the route has no paths or hosts: it is the listener's default action, which has no priority; add paths or hosts, or drop the priority`],
            ["a path pattern without a slash", "dev", { services: { a: { kind: "web", paths: ["api/*"] } } }, `${P}:services.a.paths[0] is "api/*"; request paths start with "/", so a pattern that starts with neither "/" nor a wildcard never matches; write "/api/*"`],
            ["two rules on the same conditions", "dev", { services: { a: { kind: "web", paths: ["/a/*"], hosts: ["A.example.com"] }, b: { kind: "web", paths: ["/a/*"], hosts: ["a.example.com"] } } }, `${P}:services a, b have the same paths and hosts; only the one with the lowest priority would ever receive requests`],
            ["a path listed twice", "dev", { services: { a: { kind: "web", paths: ["/a", "/a"] } } }, `${P}:services.a.paths has "/a"; listed twice`],
            ["paths given as text", "dev", { services: { a: { kind: "web", paths: "/a/*" } } }, `${P}:services.a.paths is "/a/*"; expected a list of strings`],
            ["a host without a domain", "dev", { services: { a: { kind: "web", hosts: ["localhost"] } } }, `${P}:services.a.hosts[0] is "localhost"; a host name holds at least one "." and only letters after the last one (e.g. "api.example.com", "*.example.com")`],
            ["four paths in one rule", "dev", { services: { a: { kind: "web", paths: ["/a", "/b", "/c", "/d"] } } }, `${P}:services.a.paths and ${P}:services.a.hosts have 4 values; a listener rule takes at most 3 paths and 3 hosts`],
            ["six values in one rule", "dev", { services: { a: { kind: "web", paths: ["/a", "/b", "/c"], hosts: ["a.example.com", "b.example.com", "c.example.com"] } } }, `${P}:services.a has 6 paths and hosts; ELB allows 5 condition values per rule (quota condition-values-per-alb-rule)`],
            ["a caller that is no service", "dev", { services: { web: { kind: "web", serviceConnect: true, callers: ["api"] } } }, `${P}:services.web.callers has "api", which is no service of this stack; services: web`],
            ["a caller without Service Connect", "dev", { services: { web: { kind: "web", serviceConnect: true, callers: ["jobs"] }, jobs: { kind: "worker" } } }, `${P}:services.web.callers has "jobs", which does not join Service Connect; set ${P}:services.jobs.serviceConnect to true`],
            ["a scheduled task as a caller", "dev", { services: { web: { kind: "web", serviceConnect: true, callers: ["nightly"] }, nightly: { kind: "scheduled", schedule: "rate(1 day)", capacityProvider: "FARGATE" } } }, `${P}:services.web.callers has "nightly", a scheduled task; ECS runs scheduled tasks outside Service Connect, so only web and worker services can call`],
            ["callers of a service outside Service Connect", "dev", { services: { web: { kind: "web", callers: ["jobs"] }, jobs: { kind: "worker", serviceConnect: true } } }, `${P}:services.web.callers is set but ${P}:services.web.serviceConnect is not true; callers reach a service through Service Connect`],
            ["callers of a worker without a port", "dev", { services: { web: { kind: "web", serviceConnect: true }, jobs: { kind: "worker", serviceConnect: true, callers: ["web"] } } }, `${P}:services.jobs.callers is set but jobs listens on no port; set ${P}:services.jobs.containerPort`],
            ["a service calling itself", "dev", { services: { web: { kind: "web", serviceConnect: true, callers: ["web"] } } }, `${P}:services.web.callers has "web"; a service reaches itself without Service Connect`],
            ["serviceConnect as text", "dev", { services: { web: { kind: "web", serviceConnect: "yes" } } }, `${P}:services.web.serviceConnect is "yes"; expected true or false`],
            ["a scheduled task without a schedule", "dev", { services: { web, nightly: { kind: "scheduled", capacityProvider: "FARGATE" } } }, `${P}:services.nightly.schedule is ""; a scheduled service needs one`],
            ["a cron with five fields", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "cron(0 3 * * *)", capacityProvider: "FARGATE" } } }, `${P}:services.nightly.schedule is "cron(0 3 * * *)"; 5 fields given; a cron expression has six: cron(minutes hours day-of-month month day-of-week year) (a Unix crontab has five; add the year, and ? in day-of-month or day-of-week: cron(0 3 * * ? *))`],
            ["a cron without a ? day", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "cron(0 3 * * * *)", capacityProvider: "FARGATE" } } }, `${P}:services.nightly.schedule is "cron(0 3 * * * *)"; day-of-month (*) and day-of-week (*) are both set; one of them must be ?, e.g. cron(0 3 * * ? *) or cron(0 3 ? * MON-FRI *)`],
            ["a cron hour out of range", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "cron(0 24 * * ? *)", capacityProvider: "FARGATE" } } }, `${P}:services.nightly.schedule is "cron(0 24 * * ? *)"; hours field "24": 24 is out of range; expected 0-23 with the wildcards , - * /`],
            ["a plural rate of one", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "rate(1 hours)", capacityProvider: "FARGATE" } } }, `${P}:services.nightly.schedule is "rate(1 hours)"; a value of 1 takes the singular unit: rate(1 hour)`],
            ["an unknown time zone", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "rate(1 day)", scheduleTimezone: "Mars/Olympus", capacityProvider: "FARGATE" } } }, `${P}:services.nightly.scheduleTimezone is "Mars/Olympus"; expected a time zone name of the tz database such as "UTC", "Europe/Paris" or "America/New_York"`],
            ["a time zone in the wrong case", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "rate(1 day)", scheduleTimezone: "europe/paris", capacityProvider: "FARGATE" } } }, `${P}:services.nightly.scheduleTimezone is "europe/paris"; expected a time zone name of the tz database such as "UTC", "Europe/Paris" or "America/New_York", with its capitals (did you mean "Europe/Paris"?)`],
            ["a scheduled task on Spot without NAT, set on its entry", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "rate(1 day)", capacityProvider: "FARGATE_SPOT" } } }, SPOT_WITHOUT_NAT],
            ["a scheduled task inheriting Spot without NAT (dev's own capacityProvider)", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "rate(1 day)" } } }, SPOT_WITHOUT_NAT],
            // minCapacity is at least 1, so a stack-wide count of 0 is refused stack-wide too; both rules speak.
            ["a scheduled task inheriting desiredCount 0", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "rate(1 day)", capacityProvider: "FARGATE" } }, values: { [`${P}:desiredCount`]: "0" } }, [
                `${P}:desiredCount is 0; expected a count from ${P}:minCapacity (1) to ${P}:maxCapacity (2)`,
                countOutOfRange(0),
            ]],
            ["a scheduled task inheriting desiredCount 11", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "rate(1 day)", capacityProvider: "FARGATE" } }, values: { [`${P}:desiredCount`]: "11", [`${P}:maxCapacity`]: "20" } }, countOutOfRange(11)],
            ["a desiredCount on a scheduled task's own entry (refused once, by kind)", "dev", { services: { web, nightly: { kind: "scheduled", schedule: "rate(1 day)", capacityProvider: "FARGATE", desiredCount: 11 } } }, `${P}:services.nightly.desiredCount is set on a scheduled service; it applies to web and worker services only, so remove it`],
            ["a misspelt queue-scaling field", "dev", { services: { web, jobs: { kind: "worker", queueScaling: { namespace: "Jobs", metricName: "Backlog", targetVlaue: 10 } } } }, [
                `${P}:services.jobs.queueScaling.targetVlaue is not a field of queueScaling; did you mean ${P}:services.jobs.queueScaling.targetValue?`,
                `${P}:services.jobs.queueScaling.targetValue is not set; expected a number above 0 (the metric's value per task)`,
            ]],
            ["an empty queue namespace", "dev", { services: { web, jobs: { kind: "worker", queueScaling: { namespace: "", metricName: "Backlog", targetValue: 10 } } } }, `${P}:services.jobs.queueScaling.namespace is ""; expected a CloudWatch namespace of 1 to 255 characters`],
            ["a Private CA ARN that is not one", "dev", { services: { web: { kind: "web", serviceConnect: true } }, values: { [`${P}:serviceConnectCertificateAuthorityArn`]: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-1111-2222-333344445555" } }, `${P}:serviceConnectCertificateAuthorityArn is "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-1111-2222-333344445555"; expected an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>)`],
            ["a Private CA with no service on Service Connect", "dev", { services: { web }, values: { [`${P}:serviceConnectCertificateAuthorityArn`]: CA } }, `${P}:serviceConnectCertificateAuthorityArn is "${CA}"; no service sets serviceConnect, so nothing would use it; set serviceConnect on the services that call each other, or remove it`],
            ["prod with Service Connect but no Private CA", "prod", { services: { web: { kind: "web", serviceConnect: true } } }, `${P}:environment is prod but ${P}:serviceConnectCertificateAuthorityArn is ""; prod encrypts traffic between services (ecs-service-connect-tls), and web joins Service Connect; set it to your Private CA's ARN`],
            ["an unknown statistic", "dev", { services: { web, jobs: { kind: "worker", queueScaling: { namespace: "Jobs", metricName: "Backlog", statistic: "p99", targetValue: 10 } } } }, `${P}:services.jobs.queueScaling.statistic is "p99"; allowed: "Average", "Minimum", "Maximum", "Sum" or "SampleCount"`],
            ["a root user in one service", "dev", { services: { web: { kind: "web", containerUser: 0 } } }, `${P}:services.web.containerUser is "0"; the container must not run as root; use a non-root uid such as 1000`],
            ["an entry's health-check timeout not below the inherited interval", "dev", { services: { web: { kind: "web", healthCheckTimeoutSeconds: 10 } } }, `${P}:services.web.healthCheckTimeoutSeconds is 10; must be less than ${P}:services.web.healthCheckIntervalSeconds (10)`],
            ["an entry's grace period below its start period", "dev", { services: { web: { kind: "web", containerStartPeriodSeconds: 60 } } }, `${P}:services.web.healthCheckGracePeriodSeconds is 30 (from ${P}:healthCheckGracePeriodSeconds); must be at least ${P}:services.web.containerStartPeriodSeconds (60), or new tasks are killed while starting`],
            ["secret values in plain text in an entry", "dev", { services: { web: { kind: "web", secretValues: { API_KEY: "abc" } } } }, `${P}:services.web.secretValues is set in plain text; set each value with "pulumi config set --secret --path 'services.web.secretValues.NAME' VALUE"`],
            ["prod with one task in a service", "prod", { services: { web: { kind: "web", minCapacity: 1, desiredCount: 1 } } }, `${P}:environment is prod but ${P}:services.web.minCapacity is 1; prod runs at least 2 tasks (scaling-target-capacity-bounds)`],
            ["prod with 30-day logs in a worker", "prod", { services: { web, jobs: { kind: "worker", logRetentionDays: 30 } } }, `${P}:environment is prod but ${P}:services.jobs.logRetentionDays is 30; prod keeps logs at least 365 days (logs-log-group-retention)`],
        ];
        for (const [what, stack, change, expected] of cases) {
            it(`WHEN ${stack} has ${what} THEN the loader names the full path, the value and what is allowed`, () => {
                assert.deepEqual(problems(stack, change), Array.isArray(expected) ? expected : [expected]);
            });
        }
    });

    describe("GIVEN a value inside services set without --path", () => {
        it("THEN the loader names the key with dots and the command that sets the value inside services", () => {
            assert.deepEqual(problems("dev", { values: { [`${P}:services.api.cpu`]: "512" } }), [
                `${P}:services.api.cpu is not a configuration key: without --path the CLI stores "services.api.cpu" as a key's name, not as a value inside ${P}:services; run "pulumi config rm 'services.api.cpu'", then "pulumi config set --path 'services.api.cpu' <value>"`,
            ]);
        });
    });

    describe("GIVEN problems the stack-wide keys already have", () => {
        it("THEN a service inheriting the bad value does not repeat it, and one overriding it is judged alone", () => {
            const found = problems("dev", { values: { [`${P}:cpu`]: "300" }, services: { web: { kind: "web" }, api: { kind: "web", paths: ["/api/*"], cpu: 333 } } });
            assert.deepEqual(found, [`${P}:cpu is 300; allowed: 256, 512, 1024, 2048, 4096, 8192 or 16384`, `${P}:services.api.cpu is 333; allowed: 256, 512, 1024, 2048, 4096, 8192 or 16384`]);
        });

        it("THEN an entry inheriting a refused cpu is not blamed for its memory against the fallback cpu", () => {
            const found = problems("dev", { values: { [`${P}:cpu`]: "20000", [`${P}:memory`]: "4096" }, services: { web: { kind: "web" }, jobs: { kind: "worker" } } });
            assert.deepEqual(found, [`${P}:cpu is 20000; expected an integer from 1 to 16384`]);
        });

        it("THEN a stack-wide platform problem is not repeated per service", () => {
            const found = problems("dev", { values: { [`${P}:cpuArchitecture`]: "ARM64", [`${P}:platformVersion`]: "1.3.0" }, services: { web: { kind: "web" }, jobs: { kind: "worker" } } });
            assert.equal(found.length, 1);
        });
    });

    describe("GIVEN a Private CA for Service Connect", () => {
        it("THEN prod with services on Service Connect loads it as the stack's Service Connect TLS", () => {
            const settings = parse("prod", { services: { web: { kind: "web", serviceConnect: true } }, values: { [`${P}:serviceConnectCertificateAuthorityArn`]: CA } });
            assert.deepEqual(settings.serviceConnectTls, { certificateAuthorityArn: CA });
            assert.equal(parse("dev").serviceConnectTls, undefined);
        });
    });

    describe("GIVEN routed web services without priorities", () => {
        it("THEN the most specific rule comes first, explicit priorities are kept and derived ones skip them", () => {
            const settings = parse("dev", {
                services: {
                    web: { kind: "web" },
                    api: { kind: "web", paths: ["/api/*"] },
                    admin: { kind: "web", paths: ["/api/admin/*"] },
                    docs: { kind: "web", hosts: ["docs.example.com"], priority: 10 },
                },
            });
            const priorities = Object.fromEntries(settings.services.map(s => [s.name, s.route?.priority]));
            assert.deepEqual(priorities, { admin: 20, api: 30, docs: 10, web: undefined });
        });
    });

    describe("GIVEN secrets under a service", () => {
        it("THEN a value set with --secret under an entry's containerEnvironment is refused without showing it", () => {
            const found = problems("dev", {
                services: { web: { kind: "web", containerEnvironment: { LOG_LEVEL: "hunter2" } } },
                secretKeys: [`${P}:services`],
                securePaths: [`${P}:services.web.containerEnvironment.LOG_LEVEL`],
            });
            assert.equal(found.length, 1);
            assert.match(found[0], new RegExp(`^${P}:services\\.web\\.containerEnvironment has "LOG_LEVEL" set with --secret; environment variables are written in plain text`));
            assert.ok(!found.join("\n").includes("hunter2"));
        });

        it("THEN an entry's secret value in plain text beside one set with --secret is named, and neither is shown", () => {
            const found = problems("dev", {
                services: { web: { kind: "web", secretValues: { API_KEY: "s3cr3t-one", OTHER: "s3cr3t-two" } } },
                secretKeys: [`${P}:services`],
                securePaths: [`${P}:services.web.secretValues.API_KEY`],
            });
            assert.deepEqual(found, [`${P}:services.web.secretValues has "OTHER"; the value of OTHER is in plain text in the stack file; set it with "pulumi config set --secret --path 'services.web.secretValues.OTHER' <value>"`]);
        });

        it("THEN a bad value elsewhere in services is not shown while the engine marks services secret and paths are unknown", () => {
            const found = problems("dev", { services: { web: { kind: "web", secretValues: { API_KEY: "s3cr3t" }, cpu: 300 } }, secretKeys: [`${P}:services`] });
            assert.deepEqual(found, [`${P}:services.web.cpu is [secret]; allowed: 256, 512, 1024, 2048, 4096, 8192 or 16384`]);
        });

        it("THEN at run time, when the engine marks all of services secret, an entry's plain variables beside its secret values are accepted", () => {
            const settings = parse("dev", { services: { web: { kind: "web", containerEnvironment: { LOG_LEVEL: "info" }, secretValues: { API_KEY: "s3cr3t" } } }, secretKeys: [`${P}:services`] });
            assert.deepEqual([byName(settings).web.container.environment, byName(settings).web.container.secretValues], [{ LOG_LEVEL: "info" }, { API_KEY: "s3cr3t" }]);
        });

        it("THEN a service-only field set with --secret is named but never shown", () => {
            const found = problems("dev", {
                services: { api: { kind: "web", paths: ["no-slash-hunter2"] }, jobs: { kind: "worker", queueScaling: { namespace: "Jobs", metricName: "Backlog", statistic: "hunter2", targetValue: 1 } } },
                secretKeys: [`${P}:services`],
                securePaths: [`${P}:services.api.paths[0]`, `${P}:services.jobs.queueScaling.statistic`],
            });
            assert.ok(found.some(p => p.startsWith(`${P}:services.api.paths[0] is [secret];`)), found.join("\n"));
            assert.ok(found.some(p => p.startsWith(`${P}:services.jobs.queueScaling.statistic is [secret];`)), found.join("\n"));
            assert.ok(!found.join("\n").includes("hunter2"), found.join("\n"));
        });

        it("THEN a secret value set with --secret loads for that service only", () => {
            const settings = parse("dev", {
                services: { web: { kind: "web", secretValues: { API_KEY: "s3cr3t" } }, jobs: { kind: "worker" } },
                secretKeys: [`${P}:services`],
                securePaths: [`${P}:services.web.secretValues.API_KEY`],
            });
            assert.deepEqual(byName(settings).web.container.secretValues, { API_KEY: "s3cr3t" });
            assert.deepEqual(byName(settings).jobs.container.secretValues, {});
        });
    });
});
