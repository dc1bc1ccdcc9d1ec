/**
 * Two services on one cluster and one load balancer, from the packaged components: `web` answers the
 * listener's default action, `api` the path `/api/*`. Images are built elsewhere (e.g. by CI) and given by
 * digest, so no Docker daemon is needed here; the repositories they live in are the stack's own.
 */
import * as pulumi from "@pulumi/pulumi";
import { Cluster, ContainerImage, FargateService, LoadBalancer, Network } from "fargate-web-components";

const config = new pulumi.Config();
const stack = pulumi.getStack();
const tags = { Project: pulumi.getProject(), Stack: stack };

// Public subnets and public task IPs, no NAT gateway: the cheapest shape (set natStrategy for production).
const network = new Network("shop", { natStrategy: "none", availabilityZones: 2, tags });
const cluster = new Cluster("shop", { tags });

const webImage = new ContainerImage("web", { prebuiltImage: config.require("webImage"), tags });
const apiImage = new ContainerImage("api", { prebuiltImage: config.require("apiImage"), tags });

const lb = new LoadBalancer("shop", {
    vpcId: network.vpcId,
    vpcCidrBlock: network.cidrBlock,
    subnetIds: network.publicSubnetIds,
    routes: [
        { name: "web", port: 8080 }, // no paths or hosts: the default action
        { name: "api", port: 3000, paths: ["/api/*"] }, // a listener rule
    ],
    tags,
});

const common = { cluster, vpcId: network.vpcId, subnetIds: network.taskSubnetIds, assignPublicIp: network.tasksNeedPublicIp, tags };
const web = new FargateService("web", {
    ...common,
    image: webImage.imageRef,
    repositoryArn: webImage.imageRepositoryArn,
    loadBalancer: lb.targets.web,
    containerName: "web",
    containerPort: 8080,
});
const api = new FargateService("api", {
    ...common,
    image: apiImage.imageRef,
    repositoryArn: apiImage.imageRepositoryArn,
    loadBalancer: lb.targets.api,
    containerName: "api",
    containerPort: 3000,
});

export const url = lb.url;
export const clusterName = cluster.name;
export const services = { web: web.serviceName, api: api.serviceName };
