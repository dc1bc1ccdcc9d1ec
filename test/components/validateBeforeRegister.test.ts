/**
 * Every component validates its arguments before it registers itself: a refused argument leaves no
 * component (and so no child) behind in the stack, and says which argument is wrong.
 */
import { strict as assert } from "node:assert";
import { AccessLogBucket, Cluster, ContainerImage, FargateService, LoadBalancer, Network, ServiceScaling, ServiceSecrets } from "../../components";
import { runInline } from "../support/stacks";

const SERVICE = {
    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/web", name: "web" },
    vpcId: "vpc-1",
    subnetIds: ["subnet-a"],
    loadBalancer: { securityGroupId: "sg-1", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc" },
    image: `repo@sha256:${"a".repeat(64)}`,
    region: "us-east-1",
};

const CASES: Array<{ component: string; type: string; build: () => unknown; message: RegExp }> = [
    {
        component: "LoadBalancer (group description)",
        type: "fargate-web:lb:LoadBalancer",
        build: () => new LoadBalancer("bob's", { vpcId: "vpc-1", vpcCidrBlock: "10.0.0.0/16", subnetIds: ["subnet-a", "subnet-b"], targetPort: 8080 }),
        message: /LoadBalancer bob's: the security group description/,
    },
    {
        component: "LoadBalancer (targetPort)",
        type: "fargate-web:lb:LoadBalancer",
        build: () => new LoadBalancer("web", { vpcId: "vpc-1", vpcCidrBlock: "10.0.0.0/16", subnetIds: ["subnet-a", "subnet-b"], targetPort: 0 }),
        message: /LoadBalancer web: targetPort is 0/,
    },
    {
        component: "FargateService (group description)",
        type: "fargate-web:ecs:FargateService",
        build: () => new FargateService("bob's", SERVICE),
        message: /FargateService bob's: the security group description/,
    },
    {
        component: "FargateService (user)",
        type: "fargate-web:ecs:FargateService",
        build: () => new FargateService("web", { ...SERVICE, user: "root" }),
        message: /FargateService web: user is "root"/,
    },
    {
        component: "AccessLogBucket (region)",
        type: "fargate-web:lb:AccessLogBucket",
        build: () => new AccessLogBucket("web", { region: "" }),
        message: /AccessLogBucket web: region is not set/,
    },
    {
        component: "ServiceSecrets (recoveryWindowInDays)",
        type: "fargate-web:secrets:ServiceSecrets",
        build: () => new ServiceSecrets("web", { values: { A: "x" }, recoveryWindowInDays: 3 }),
        message: /ServiceSecrets: recoveryWindowInDays is 3/,
    },
    {
        component: "Network (availabilityZones)",
        type: "fargate-web:network:Network",
        build: () => new Network("web", { availabilityZones: 1 }),
        message: /Network: availabilityZones is 1/,
    },
    {
        component: "ServiceScaling (minCapacity)",
        type: "fargate-web:scaling:ServiceScaling",
        build: () => new ServiceScaling("web", { clusterName: "c", serviceName: "s", minCapacity: 5, maxCapacity: 2 }),
        message: /ServiceScaling web: minCapacity \(5\)/,
    },
    {
        component: "Cluster (execLogRetentionDays)",
        type: "fargate-web:ecs:Cluster",
        build: () => new Cluster("shop", { exec: true, execLogRetentionDays: 2 }),
        message: /Cluster shop: execLogRetentionDays is 2/,
    },
    {
        component: "LoadBalancer (routes)",
        type: "fargate-web:lb:LoadBalancer",
        build: () =>
            new LoadBalancer("shop", {
                vpcId: "vpc-1",
                vpcCidrBlock: "10.0.0.0/16",
                subnetIds: ["subnet-a", "subnet-b"],
                routes: [
                    { name: "api", port: 3000, paths: ["/api/*"], priority: 7 },
                    { name: "img", port: 3000, paths: ["/img/*"], priority: 7 },
                ],
            }),
        message: /^LoadBalancer shop: routes api, img share priority 7; priorities are unique per listener\.$/,
    },
    {
        component: "FargateService (serviceConnect without a namespace)",
        type: "fargate-web:ecs:FargateService",
        build: () => new FargateService("jobs", { ...SERVICE, loadBalancer: undefined, serviceConnect: true }),
        message: /FargateService jobs: serviceConnect is true but the cluster has no Service Connect namespace/,
    },
    {
        component: "ServiceScaling (customMetric)",
        type: "fargate-web:scaling:ServiceScaling",
        build: () =>
            new ServiceScaling("jobs", {
                clusterName: "c",
                serviceName: "s",
                customMetric: { namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", statistic: "Average", targetValue: 0 },
            }),
        message: /^ServiceScaling jobs: customMetric\.targetValue is 0; expected a number above 0\.$/,
    },
    {
        component: "ContainerImage (keepImages)",
        type: "fargate-web:image:ContainerImage",
        build: () => new ContainerImage("web", { prebuiltImage: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${"a".repeat(64)}`, keepImages: 0 }),
        message: /ContainerImage: keepImages is 0/,
    },
];

describe("components refuse bad arguments before they register", () => {
    for (const c of CASES) {
        it(`GIVEN ${c.component} refused THEN nothing is registered and the error names the argument`, async () => {
            let error: Error | undefined;
            const run = await runInline(() => {
                try {
                    c.build();
                } catch (e) {
                    error = e as Error;
                }
            });
            assert.match(error?.message ?? "(no error)", c.message);
            assert.deepEqual(run.resources.filter(r => r.type.startsWith("fargate-web:") || r.type.startsWith("aws:")).map(r => r.type), [], `${c.type} registered`);
        });
    }
});
