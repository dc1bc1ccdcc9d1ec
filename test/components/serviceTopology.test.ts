import { strict as assert } from "node:assert";
import { defaultWebService, ServiceShape, serviceTopologyProblems } from "../../components/serviceTopology";

const web = (name: string, paths: string[] = [], extra: Partial<ServiceShape> = {}): ServiceShape => ({
    name,
    kind: "web",
    container: { port: 8080 },
    route: { paths, hosts: [] },
    serviceConnect: true,
    callers: [],
    ...extra,
});
const worker = (name: string, extra: Partial<ServiceShape> = {}): ServiceShape => ({ name, kind: "worker", container: {}, serviceConnect: true, callers: [], ...extra });

describe("service topology: defaults and callers", () => {
    it("GIVEN web services THEN the first without paths or hosts is the default; none when all have conditions", () => {
        assert.equal(defaultWebService([worker("jobs"), web("api", ["/api/*"]), web("site"), web("other")])?.name, "site");
        assert.equal(defaultWebService([web("api", ["/api/*"]), worker("jobs")]), undefined);
    });

    it("GIVEN callers that exist and join Service Connect THEN there is no problem", () => {
        assert.deepEqual(serviceTopologyProblems([web("site"), web("api", ["/api/*"], { callers: ["site", "jobs"] }), worker("jobs")]), []);
    });

    it("GIVEN each way a caller can be wrong THEN every problem names the field, the caller and the fix (the loader's own rule: callerProblems)", () => {
        const problems = serviceTopologyProblems([
            web("site", [], { serviceConnect: false }),
            web("api", ["/api/*"], { callers: ["site", "jbos", "api", "nightly"] }),
            worker("jobs", { callers: ["api"], serviceConnect: false }),
            { name: "nightly", kind: "scheduled", container: {}, serviceConnect: false, callers: [] },
        ]);
        assert.deepEqual(problems, [
            'services.api.callers has "site", which does not join Service Connect; set services.site.serviceConnect to true',
            'services.api.callers has "jbos", which is no service of this stack; did you mean "jobs"?',
            'services.api.callers has "api"; a service reaches itself without Service Connect',
            'services.api.callers has "nightly", a scheduled task; ECS runs scheduled tasks outside Service Connect, so only web and worker services can call',
            "services.jobs.callers is set but services.jobs.serviceConnect is not true; callers reach a service through Service Connect",
            "services.jobs.callers is set but jobs listens on no port; set services.jobs.containerPort",
        ]);
    });

    it("GIVEN a duplicate name, a web service without a route or a worker with one THEN each is named", () => {
        assert.deepEqual(serviceTopologyProblems([web("site"), web("site", ["/x"]), { ...web("api"), route: undefined, container: {} }, { ...worker("jobs"), route: { paths: [], hosts: [] } }]), [
            "services.site is defined twice; service names are unique in a stack",
            "services.api is a web service without a route; give it paths or hosts, or none to make it the default",
            "services.api.port is not set; a web service needs the port the load balancer sends to",
            "services.jobs.route is set but the service is a worker; only web services are routed by the load balancer",
        ]);
    });
});

describe("service topology: routes named by their config keys", () => {
    it("GIVEN routing mistakes in services THEN routing.ts's problems name services.<name>.route keys", () => {
        assert.deepEqual(serviceTopologyProblems([web("site"), web("api", ["api/*"]), web("admin", ["/a", "/b", "/c", "/d", "/e", "/f"]), web("other")]), [
            'services.api.route.paths[0] is "api/*"; request paths start with "/", so a pattern that starts with neither "/" nor a wildcard never matches; write "/api/*"',
            "services.admin.route has 6 paths and hosts; ELB allows 5 condition values per rule (quota condition-values-per-alb-rule)",
            "services site, other all have a route with no paths or hosts; only one service can be the listener's default, so give the others paths or hosts",
        ]);
    });
});
