import { strict as assert } from "node:assert";
import { LoadBalancer, LoadBalancerArgs, TLS_POLICY } from "../../components/loadBalancer";
import { isModernSslPolicy } from "../../policy/facts/tlsPolicies";
import { inputs, ofType, one, runInline, state } from "../support/stacks";

const base: LoadBalancerArgs = {
    vpcId: "vpc-0123",
    vpcCidrBlock: "10.0.0.0/16",
    subnetIds: ["subnet-a", "subnet-b"],
    targetPort: 8080,
};
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

async function build(args: Partial<LoadBalancerArgs> = {}) {
    return runInline(() => {
        const lb = new LoadBalancer("web", { ...base, ...args });
        return { url: lb.url, targetGroupArn: lb.targetGroupArn };
    });
}

describe("LoadBalancer (under mocks)", () => {
    it("GIVEN defaults THEN the target group probes /health on the traffic port with bounded timings", async () => {
        const run = await build();
        const tg = inputs(one(run, "aws:lb/targetGroup:TargetGroup"));
        assert.equal(tg.targetType, "ip");
        assert.equal(tg.deregistrationDelay, 10);
        assert.deepEqual(tg.healthCheck, {
            enabled: true,
            protocol: "HTTP",
            port: "traffic-port",
            path: "/health",
            matcher: "200-399",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
        });
    });

    it("GIVEN a custom health path THEN the target group uses it", async () => {
        const run = await build({ healthCheck: { path: "/ready" } });
        assert.equal(inputs(one(run, "aws:lb/targetGroup:TargetGroup")).healthCheck.path, "/ready");
    });

    it("GIVEN no certificate THEN HTTP forwards to the targets and the security group opens port 80 only", async () => {
        const run = await build();
        const listener = inputs(one(run, "aws:lb/listener:Listener"));
        assert.equal(listener.protocol, "HTTP");
        assert.deepEqual(listener.defaultActions.map((a: any) => a.type), ["forward"]);
        const ingress = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map(inputs);
        assert.deepEqual(ingress.map(r => [r.fromPort, r.toPort, r.cidrIpv4]), [[80, 80, "0.0.0.0/0"]]);
        assert.equal(run.outputs.url, `http://${state(one(run, "aws:lb/loadBalancer:LoadBalancer")).dnsName}`);
    });

    it("GIVEN a certificate THEN HTTP redirects to HTTPS and HTTPS uses the TLS 1.3 policy", async () => {
        const run = await build({ tls: { certificateArn: CERT } });
        const listeners = ofType(run, "aws:lb/listener:Listener").map(inputs);
        const http = listeners.find(l => l.port === 80)!;
        const https = listeners.find(l => l.port === 443)!;
        assert.deepEqual(http.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
        assert.equal(https.protocol, "HTTPS");
        assert.equal(https.sslPolicy, TLS_POLICY);
        assert.ok(isModernSslPolicy(https.sslPolicy), https.sslPolicy);
        assert.equal(https.certificateArn, CERT);
        const ports = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map(r => inputs(r).fromPort);
        assert.deepEqual(ports.sort(), [443, 80]);
        assert.match(String(run.outputs.url), /^https:\/\//);
    });

    it("GIVEN a domain and zone THEN the stack issues a DNS-validated certificate and an alias record", async () => {
        const run = await build({ tls: { domainName: "app.example.com", hostedZoneId: "Z0123" } });
        const cert = one(run, "aws:acm/certificate:Certificate");
        assert.deepEqual([inputs(cert).domainName, inputs(cert).validationMethod], ["app.example.com", "DNS"]);
        const records = ofType(run, "aws:route53/record:Record").map(inputs);
        const validation = records.find(r => r.type === "CNAME")!;
        assert.equal(validation.name, state(cert).domainValidationOptions[0].resourceRecordName);
        const alias = records.find(r => r.type === "A")!;
        assert.equal(alias.zoneId, "Z0123");
        assert.equal(alias.aliases[0].name, state(one(run, "aws:lb/loadBalancer:LoadBalancer")).dnsName);
        const https = ofType(run, "aws:lb/listener:Listener").map(inputs).find(l => l.port === 443)!;
        assert.equal(https.certificateArn, state(cert).arn);
        assert.equal(run.outputs.url, "https://app.example.com");
    });

    it("THEN the load balancer drops invalid headers and may only send to the VPC on the target port", async () => {
        const run = await build({ deletionProtection: true, accessLogsBucket: "logs-bucket" });
        const lb = one(run, "aws:lb/loadBalancer:LoadBalancer");
        assert.equal(inputs(lb).dropInvalidHeaderFields, true);
        assert.equal(inputs(lb).enableDeletionProtection, true);
        assert.equal(lb.opts.protect, true);
        assert.deepEqual(inputs(lb).accessLogs, { bucket: "logs-bucket", prefix: "web", enabled: true });
        const egress = ofType(run, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map(inputs);
        assert.deepEqual(egress.map(r => [r.ipProtocol, r.fromPort, r.toPort, r.cidrIpv4]), [["tcp", 8080, 8080, "10.0.0.0/16"]]);
    });

    it("GIVEN a timeout not below the interval THEN it throws before registering anything", async () => {
        await assert.rejects(build({ healthCheck: { intervalSeconds: 5, timeoutSeconds: 5 } }), /healthCheck.timeoutSeconds \(5\) must be less than intervalSeconds \(5\)/);
    });
});
