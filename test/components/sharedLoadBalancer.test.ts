/**
 * Several services on one cluster and one load balancer, composed from the components as another program
 * would: routing rules and priorities, egress per target port, a worker with no route, Service Connect and
 * the callers' ingress.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { Cluster } from "../../components/cluster";
import { FargateService, FargateServiceArgs } from "../../components/fargateService";
import { LoadBalancer, LoadBalancerArgs } from "../../components/loadBalancer";
import { ProgramRun } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";
import { containers, inputs, ofType, one, runInline, state } from "../support/stacks";

const NETWORK = { vpcId: "vpc-0123", vpcCidrBlock: "10.0.0.0/16", subnetIds: ["subnet-a", "subnet-b"] };
const image = (name: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}@sha256:${"c".repeat(64)}`;
const task = (name: string): Omit<FargateServiceArgs, "cluster"> => ({ vpcId: NETWORK.vpcId, subnetIds: ["subnet-c"], image: image(name), region: "us-east-1" });

/** web (default route, 8080), api (/api/*, 3000, Service Connect server called by web and jobs), admin (host + path, 8080), jobs (worker). */
function shop() {
    return runInline(() => {
        const cluster = new Cluster("shop", { serviceConnect: true });
        const lb = new LoadBalancer("shop", {
            ...NETWORK,
            routes: [
                { name: "web", port: 8080 },
                { name: "api", port: 3000, paths: ["/api/*"], healthCheck: { path: "/api/health" } },
                { name: "admin", port: 8080, paths: ["/admin/*"], hosts: ["admin.example.com"] },
            ],
        });
        const web = new FargateService("web", { ...task("web"), cluster, loadBalancer: lb.targets.web, serviceConnect: true });
        const api = new FargateService("api", { ...task("api"), cluster, loadBalancer: lb.targets.api, containerPort: 3000, serviceConnect: true });
        new FargateService("admin", { ...task("admin"), cluster, loadBalancer: lb.targets.admin });
        const jobs = new FargateService("jobs", { ...task("jobs"), cluster, serviceConnect: true });
        api.allowFrom("web", web.securityGroupId);
        api.allowFrom("jobs", jobs.securityGroupId);
        return { url: lb.url };
    }, "dev");
}

const named = (r: RecordedResource): Record<string, any> => ({ ...inputs(r), name: r.name });
const byName = (run: ProgramRun, type: string) => Object.fromEntries(ofType(run, type).map(r => [r.name, r]));
const rulesOn = (run: ProgramRun, groupId: string, type: "Ingress" | "Egress") =>
    ofType(run, `aws:vpc/securityGroup${type}Rule:SecurityGroup${type}Rule`)
        .map(named)
        .filter(r => r.securityGroupId === groupId);
const groupOf = (run: ProgramRun, name: string): string => state(one(run, "aws:ec2/securityGroup:SecurityGroup", name)).id;
const serviceNamed = (run: ProgramRun, name: string): RecordedResource => one(run, "aws:ecs/service:Service", `${name}-service`);

describe("several services on one cluster and one load balancer (under mocks)", () => {
    let run: ProgramRun;
    before(async () => {
        run = await shop();
    });

    it("THEN every service runs in the one cluster, which alone has capacity providers", () => {
        const clusterArn = state(one(run, "aws:ecs/cluster:Cluster")).arn;
        assert.deepEqual(
            ofType(run, "aws:ecs/service:Service").map(s => inputs(s).cluster),
            [clusterArn, clusterArn, clusterArn, clusterArn],
        );
        assert.equal(ofType(run, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").length, 1);
    });

    it("THEN the listener's default action forwards to the default route's own target group, with no rule for it", () => {
        const tgs = byName(run, "aws:lb/targetGroup:TargetGroup");
        assert.deepEqual(Object.keys(tgs).sort(), ["admin-tg", "api-tg", "web-tg"]);
        const listener = inputs(one(run, "aws:lb/listener:Listener", "shop-http"));
        assert.deepEqual(listener.defaultActions, [{ type: "forward", targetGroupArn: state(tgs["web-tg"]).arn }]);
        assert.equal(tgs["web-tg"].parent, one(run, "fargate-web:lb:ServiceRoute", "web").urn);
        assert.deepEqual(inputs(tgs["api-tg"]).port, 3000);
        assert.equal(inputs(tgs["api-tg"]).healthCheck.path, "/api/health");
    });

    it("THEN each other route is a listener rule on the HTTP listener, more specific first, forwarding to its own group", () => {
        const listenerArn = state(one(run, "aws:lb/listener:Listener", "shop-http")).arn;
        const tgs = byName(run, "aws:lb/targetGroup:TargetGroup");
        const rules = ofType(run, "aws:lb/listenerRule:ListenerRule").map(named);
        assert.deepEqual(
            rules.map(r => [r.name, r.listenerArn, r.priority, r.conditions, r.actions]),
            [
                ["api-rule", listenerArn, 20, [{ pathPattern: { values: ["/api/*"] } }], [{ type: "forward", targetGroupArn: state(tgs["api-tg"]).arn }]],
                [
                    "admin-rule",
                    listenerArn,
                    10,
                    [{ pathPattern: { values: ["/admin/*"] } }, { hostHeader: { values: ["admin.example.com"] } }],
                    [{ type: "forward", targetGroupArn: state(tgs["admin-tg"]).arn }],
                ],
            ],
        );
    });

    it("THEN the load balancer sends to each target port once, inside the VPC only", () => {
        const egress = rulesOn(run, groupOf(run, "shop-alb-sg"), "Egress");
        assert.deepEqual(
            egress.map(r => [r.name, r.fromPort, r.toPort, r.cidrIpv4]),
            [
                ["shop-egress-8080", 8080, 8080, "10.0.0.0/16"],
                ["shop-egress-3000", 3000, 3000, "10.0.0.0/16"],
            ],
        );
    });

    it("THEN a routed service waits for its own listener rule before ECS registers targets", () => {
        const api = serviceNamed(run, "api");
        assert.ok(api.dependencies.includes(one(run, "aws:lb/listenerRule:ListenerRule", "api-rule").urn));
        assert.deepEqual(inputs(api).loadBalancers, [{ targetGroupArn: state(one(run, "aws:lb/targetGroup:TargetGroup", "api-tg")).arn, containerName: "web", containerPort: 3000 }]);
    });

    it("THEN the worker has no load balancer, no ingress at all, no port mapping and no PORT variable", () => {
        const jobs = inputs(serviceNamed(run, "jobs"));
        assert.deepEqual(jobs.loadBalancers, []);
        assert.equal(jobs.healthCheckGracePeriodSeconds, undefined);
        assert.deepEqual(rulesOn(run, groupOf(run, "jobs-task-sg"), "Ingress"), []);
        assert.equal(inputs(one(run, "aws:ec2/securityGroup:SecurityGroup", "jobs-task-sg")).description, "Tasks of jobs: only from named callers");
        const [container] = containers(one(run, "aws:ecs/taskDefinition:TaskDefinition", "jobs-task"));
        assert.deepEqual(container.portMappings, []);
        assert.deepEqual(container.environment, [{ name: "SHUTDOWN_TIMEOUT_SECONDS", value: "25" }]);
    });

    it("THEN the api admits the load balancer and exactly its named callers on its port, and the callers may send there", () => {
        const apiGroup = groupOf(run, "api-task-sg");
        const ingress = rulesOn(run, apiGroup, "Ingress");
        assert.deepEqual(
            ingress.map(r => [r.name, r.referencedSecurityGroupId, r.fromPort, r.toPort, r.cidrIpv4]),
            [
                ["api-ingress-lb", groupOf(run, "shop-alb-sg"), 3000, 3000, undefined],
                ["api-ingress-from-web", groupOf(run, "web-task-sg"), 3000, 3000, undefined],
                ["api-ingress-from-jobs", groupOf(run, "jobs-task-sg"), 3000, 3000, undefined],
            ],
        );
        const toApi = ["web", "jobs"].map(caller => rulesOn(run, groupOf(run, `${caller}-task-sg`), "Egress").filter(r => r.referencedSecurityGroupId === apiGroup));
        assert.deepEqual(
            toApi.map(rules => rules.map(r => [r.name, r.fromPort, r.toPort])),
            [[["api-caller-egress-web", 3000, 3000]], [["api-caller-egress-jobs", 3000, 3000]]],
        );
        // admin named no callers: only the load balancer reaches it.
        assert.deepEqual(rulesOn(run, groupOf(run, "admin-task-sg"), "Ingress").map(r => r.name), ["admin-ingress-lb"]);
    });

    it("THEN Service Connect serves the api by name on its port and makes the worker a client only", () => {
        const namespace = state(one(run, "aws:servicediscovery/httpNamespace:HttpNamespace")).arn;
        const logs = (service: string) => ({
            logDriver: "awslogs",
            options: { "awslogs-group": `/ecs/fargate-web/dev/${service}`, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "service-connect" },
        });
        assert.deepEqual(inputs(serviceNamed(run, "api")).serviceConnectConfiguration, {
            enabled: true,
            namespace,
            logConfiguration: logs("api"),
            services: [{ portName: "web-3000", discoveryName: "api", clientAlias: [{ port: 3000, dnsName: "api" }] }],
        });
        assert.deepEqual(containers(one(run, "aws:ecs/taskDefinition:TaskDefinition", "api-task"))[0].portMappings, [
            { containerPort: 3000, hostPort: 3000, protocol: "tcp", name: "web-3000" },
        ]);
        assert.deepEqual(inputs(serviceNamed(run, "jobs")).serviceConnectConfiguration, { enabled: true, namespace, logConfiguration: logs("jobs"), services: [] });
        assert.equal(inputs(serviceNamed(run, "admin")).serviceConnectConfiguration, undefined);
    });
});

describe("Service Connect with TLS (under mocks)", () => {
    it("GIVEN the cluster has a Private CA THEN each published endpoint gets tls from it through the cluster's infrastructure role", async () => {
        const ca = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d-0000-1111-2222-333344445555";
        const run = await runInline(() => {
            const cluster = new Cluster("shop", { serviceConnect: true, serviceConnectTls: { certificateAuthorityArn: ca } });
            new FargateService("api", { ...task("api"), cluster, containerPort: 3000, serviceConnect: true });
            new FargateService("jobs", { ...task("jobs"), cluster, serviceConnect: true });
        }, "dev");
        const role = one(run, "aws:iam/role:Role", "shop-connect-tls-role");
        assert.deepEqual(JSON.parse(inputs(role).assumeRolePolicy).Statement, [{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }]);
        assert.deepEqual(inputs(one(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")), {
            role: state(role).name,
            policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity",
        });
        assert.deepEqual(inputs(serviceNamed(run, "api")).serviceConnectConfiguration.services[0].tls, {
            issuerCertAuthority: { awsPcaAuthorityArn: ca },
            roleArn: state(role).arn,
        });
        assert.deepEqual(inputs(serviceNamed(run, "jobs")).serviceConnectConfiguration.services, []);
    });

    it("GIVEN TLS without serviceConnect, or a CA ARN that is not a Private CA THEN the cluster refuses it", async () => {
        await assert.rejects(
            runInline(() => void new Cluster("shop", { serviceConnectTls: { certificateAuthorityArn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/x" } })),
            /^ProgramError: Cluster shop: serviceConnectTls is set but serviceConnect is not; set serviceConnect: true, or drop serviceConnectTls\.$/,
        );
        await assert.rejects(
            runInline(() => void new Cluster("shop", { serviceConnect: true, serviceConnectTls: { certificateAuthorityArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" } })),
            /^ProgramError: Cluster shop: serviceConnectTls\.certificateAuthorityArn is "arn:aws:acm:us-east-1:123456789012:certificate\/x"; expected an AWS Private CA ARN/,
        );
    });
});

describe("LoadBalancer with routes (under mocks)", () => {
    const build = (args: Partial<LoadBalancerArgs>) => runInline(() => void new LoadBalancer("shop", { ...NETWORK, ...args }), "dev");

    it("GIVEN no default service THEN requests no rule matches get a plain 404", async () => {
        const run = await build({ routes: [{ name: "api", port: 3000, paths: ["/api/*"] }] });
        assert.deepEqual(inputs(one(run, "aws:lb/listener:Listener")).defaultActions, [
            { type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Not found", statusCode: "404" } },
        ]);
        assert.equal(one(run, "aws:lb/listenerRule:ListenerRule").name, "api-rule");
    });

    it("GIVEN TLS THEN rules join the HTTPS listener and HTTP only redirects", async () => {
        const cert = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
        const run = await build({ tls: { certificateArn: cert }, routes: [{ name: "api", port: 3000, paths: ["/api/*"] }] });
        assert.equal(inputs(one(run, "aws:lb/listenerRule:ListenerRule")).listenerArn, state(one(run, "aws:lb/listener:Listener", "shop-https")).arn);
        assert.equal(inputs(one(run, "aws:lb/listener:Listener", "shop-http")).defaultActions[0].type, "redirect");
    });

    it("GIVEN targetPort and routes THEN the default keeps <name>-tg and -egress-targets, and a route on the same port adds no rule", async () => {
        const run = await build({ targetPort: 8080, routes: [{ name: "api", port: 8080, paths: ["/api/*"] }, { name: "img", port: 9000, paths: ["/img/*"] }] });
        assert.deepEqual(
            ofType(run, "aws:lb/targetGroup:TargetGroup").map(t => [t.name, t.parent]),
            [
                ["shop-tg", one(run, "fargate-web:lb:LoadBalancer").urn],
                ["api-tg", one(run, "fargate-web:lb:ServiceRoute", "api").urn],
                ["img-tg", one(run, "fargate-web:lb:ServiceRoute", "img").urn],
            ],
        );
        assert.deepEqual(
            ofType(run, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map(r => [r.name, inputs(r).fromPort]),
            [
                ["shop-egress-targets", 8080],
                ["shop-egress-9000", 9000],
            ],
        );
    });

    it("GIVEN targetPort and a route without conditions THEN two defaults are refused before anything registers", async () => {
        await assert.rejects(
            build({ targetPort: 8080, routes: [{ name: "api", port: 3000 }] }),
            (e: Error) =>
                e.message ===
                    "LoadBalancer shop: services shop, api all have a route with no paths or hosts; only one service can be the listener's default, so give the others paths or hosts." &&
                true,
        );
    });

    it("GIVEN a route name that cannot name a target group, or a bad port THEN it names the route", async () => {
        await assert.rejects(
            build({ routes: [{ name: "-api", port: 3000, paths: ["/api/*"] }] }),
            /^ProgramError: LoadBalancer shop: routes\[0\]\.name is "-api"; expected up to 20 letters, digits and hyphens, not starting or ending with a hyphen \(it names the target group\)\.$/,
        );
        await assert.rejects(build({ routes: [{ name: "api", port: 70000, paths: ["/api/*"] }] }), /^ProgramError: LoadBalancer shop: routes\.api\.port is 70000; expected a port from 1 to 65535\.$/);
        await assert.rejects(
            build({ healthCheck: { path: "/ready" } }),
            /^ProgramError: LoadBalancer shop: healthCheck, deregistrationDelaySeconds and defaultService describe the target group of targetPort, which is unset; set targetPort or move them to a route\.$/,
        );
    });
});

describe("FargateService on a shared cluster: refused arguments", () => {
    const cluster = { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shop", name: "shop" };
    const build = (args: Partial<FargateServiceArgs>) => runInline(() => void new FargateService("jobs", { ...task("jobs"), cluster, ...args }), "dev");

    it("GIVEN serviceConnect on a cluster without a namespace THEN it says how to create one", async () => {
        await assert.rejects(
            build({ serviceConnect: true }),
            /^ProgramError: FargateService jobs: serviceConnect is true but the cluster has no Service Connect namespace; create the Cluster with serviceConnect: true \(or pass cluster\.serviceConnectNamespaceArn\)\.$/,
        );
    });

    it("GIVEN a grace period without a load balancer THEN it is refused, as ECS would", async () => {
        await assert.rejects(build({ healthCheckGracePeriodSeconds: 60 }), /^ProgramError: FargateService jobs: healthCheckGracePeriodSeconds is set but the service has no loadBalancer;/);
    });

    it("GIVEN a caller for a service with no port, or the same caller twice THEN allowFrom refuses", async () => {
        await assert.rejects(
            runInline(() => new FargateService("jobs", { ...task("jobs"), cluster }).allowFrom("web", "sg-web")),
            /^ProgramError: FargateService jobs: web is named as a caller but jobs has no containerPort to call; give it a port or drop the caller\.$/,
        );
        await assert.rejects(
            runInline(() => {
                const s = new FargateService("jobs", { ...task("jobs"), cluster, containerPort: 9000 });
                s.allowFrom("web", "sg-web");
                s.allowFrom("web", "sg-web");
            }),
            /^ProgramError: FargateService jobs: caller web is named twice\.$/,
        );
    });

    it("GIVEN a worker with a port THEN it gets PORT and a named port mapping, still no load balancer", async () => {
        const run = await build({ containerPort: 9000 });
        const [container] = containers(one(run, "aws:ecs/taskDefinition:TaskDefinition"));
        assert.deepEqual(container.portMappings, [{ containerPort: 9000, hostPort: 9000, protocol: "tcp", name: "web-9000" }]);
        assert.ok(container.environment.some((v: { name: string; value: string }) => v.name === "PORT" && v.value === "9000"));
        assert.deepEqual(inputs(one(run, "aws:ecs/service:Service")).loadBalancers, []);
    });
});

describe("LoadBalancer routes (property, under mocks)", () => {
    const routesArb = fc
        .uniqueArray(
            fc.record({
                name: fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
                port: fc.constantFrom(3000, 8080, 9000),
                prefix: fc.stringMatching(/^\/[a-z]{1,5}$/),
                host: fc.option(fc.constantFrom("a.example.com", "b.example.com"), { nil: undefined }),
            }),
            { selector: r => r.name, minLength: 1, maxLength: 6 },
        )
        .filter(rs => new Set(rs.map(r => `${r.prefix}|${r.host ?? ""}`)).size === rs.length);

    it("PROPERTY: every route gets its own target group and one rule with a unique priority; each port is sent to once", async () => {
        await fc.assert(
            fc.asyncProperty(routesArb, fc.boolean(), async (picked, withDefault) => {
                const routes = picked.map(r => ({ name: r.name, port: r.port, paths: [`${r.prefix}/*`], hosts: r.host ? [r.host] : [] }));
                const run = await runInline(() => void new LoadBalancer("edge", { ...NETWORK, ...(withDefault ? { targetPort: 8080, defaultService: "front" } : {}), routes }), "dev");
                const rules = ofType(run, "aws:lb/listenerRule:ListenerRule").map(inputs);
                assert.equal(rules.length, routes.length);
                assert.equal(new Set(rules.map(r => r.priority)).size, routes.length);
                assert.equal(ofType(run, "aws:lb/targetGroup:TargetGroup").length, routes.length + (withDefault ? 1 : 0));
                const egressPorts = ofType(run, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map(r => inputs(r).fromPort);
                assert.deepEqual([...egressPorts].sort(), [...new Set([...(withDefault ? [8080] : []), ...routes.map(r => r.port)])].sort());
                assert.equal(new Set(run.resources.map(r => r.urn)).size, run.resources.length);
            }),
            { numRuns: 25 },
        );
    });
});
