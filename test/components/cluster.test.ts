import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { Cluster, ClusterArgs } from "../../components/cluster";
import { execConfigurationOf, execConfigurationProblems } from "../../policy/lib/ecsExec";
import { inputs, ofType, one, runInline, state } from "../support/stacks";

const build = (args: ClusterArgs = {}) =>
    runInline(() => {
        const cluster = new Cluster("web", args);
        return { arn: cluster.arn, namespace: cluster.serviceConnectNamespaceArn };
    }, "dev");

describe("Cluster (under mocks)", () => {
    it("GIVEN defaults THEN Container Insights, FARGATE and FARGATE_SPOT, no exec configuration, no namespace", async () => {
        const run = await build();
        const cluster = inputs(one(run, "aws:ecs/cluster:Cluster", "web-cluster"));
        assert.deepEqual(cluster.settings, [{ name: "containerInsights", value: "enabled" }]);
        assert.equal(cluster.configuration, undefined);
        assert.equal(cluster.serviceConnectDefaults, undefined);
        const capacity = inputs(one(run, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "web-capacity"));
        assert.deepEqual(capacity.capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
        assert.equal(capacity.clusterName, state(one(run, "aws:ecs/cluster:Cluster")).name);
        assert.deepEqual(ofType(run, "aws:servicediscovery/httpNamespace:HttpNamespace"), []);
        assert.deepEqual(ofType(run, "aws:cloudwatch/logGroup:LogGroup"), []);
    });

    it("GIVEN serviceConnect THEN one HTTP namespace named after the stack is the cluster's default", async () => {
        const run = await build({ serviceConnect: true });
        const namespace = one(run, "aws:servicediscovery/httpNamespace:HttpNamespace", "web-namespace");
        assert.equal(inputs(namespace).name, "dev-web");
        assert.deepEqual(inputs(one(run, "aws:ecs/cluster:Cluster")).serviceConnectDefaults, { namespace: state(namespace).arn });
        assert.equal(run.outputs.namespace, state(namespace).arn);
    });

    it("GIVEN exec THEN sessions are logged to the cluster's own log group with retention, encrypted with the key given", async () => {
        const key = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
        const run = await build({ exec: true, execLogRetentionDays: 90, kmsKeyArn: key });
        const group = inputs(one(run, "aws:cloudwatch/logGroup:LogGroup", "web-exec-logs"));
        assert.deepEqual([group.name, group.retentionInDays, group.kmsKeyId], ["/ecs/fargate-web/dev/web/exec", 90, key]);
        assert.deepEqual(inputs(one(run, "aws:ecs/cluster:Cluster")).configuration, {
            executeCommandConfiguration: {
                kmsKeyId: key,
                logging: "OVERRIDE",
                logConfiguration: { cloudWatchLogGroupName: "/ecs/fargate-web/dev/web/exec", cloudWatchEncryptionEnabled: true },
            },
        });
    });

    it("GIVEN exec with a key THEN the pack's exec rule finds nothing; without a key it asks for one", async () => {
        const key = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
        const withKey = inputs(one(await build({ exec: true, kmsKeyArn: key }), "aws:ecs/cluster:Cluster"));
        assert.deepEqual(execConfigurationProblems(execConfigurationOf(withKey)!), []);
        const withoutKey = inputs(one(await build({ exec: true }), "aws:ecs/cluster:Cluster"));
        assert.notDeepEqual(execConfigurationProblems(execConfigurationOf(withoutKey)!), []);
    });

    it("GIVEN movedFrom THEN the cluster and its capacity providers alias their URNs under the old parent", async () => {
        const run = await runInline(() => void new Cluster("web", { movedFrom: pulumi.createUrn("web", "fargate-web:ecs:FargateService") }), "dev");
        assert.deepEqual(one(run, "aws:ecs/cluster:Cluster").opts.aliases, ["urn:pulumi:dev::fargate-web::fargate-web:ecs:FargateService$aws:ecs/cluster:Cluster::web-cluster"]);
        assert.deepEqual(one(run, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").opts.aliases, [
            "urn:pulumi:dev::fargate-web::fargate-web:ecs:FargateService$aws:ecs/clusterCapacityProviders:ClusterCapacityProviders::web-capacity",
        ]);
        assert.equal(one(run, "aws:ecs/cluster:Cluster").urn, "urn:pulumi:dev::fargate-web::fargate-web:ecs:Cluster$aws:ecs/cluster:Cluster::web-cluster");
    });

    it("GIVEN a retention CloudWatch does not offer, a namespace name with a space, or a name without serviceConnect THEN it throws naming the instance", async () => {
        await assert.rejects(build({ exec: true, execLogRetentionDays: 10 }), /^ProgramError: Cluster web: execLogRetentionDays is 10; expected a period CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30,/);
        await assert.rejects(
            build({ serviceConnect: true, namespaceName: "my space" }),
            /^ProgramError: Cluster web: namespaceName is "my space"; expected 1 to 1024 printable ASCII characters without spaces\.$/,
        );
        await assert.rejects(
            build({ namespaceName: "internal" }),
            /^ProgramError: Cluster web: namespaceName is set but serviceConnect is not; set serviceConnect: true to create the namespace, or drop namespaceName\.$/,
        );
    });
});
