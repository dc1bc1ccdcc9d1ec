/**
 * The stack's services on ECS Fargate: one network, one cluster and one load balancer shared by every
 * service of `config.services`. Everything varies by `Pulumi.<stack>.yaml` only.
 */
import { deployStack, loadStackConfig } from "./components";

const stack = deployStack(loadStackConfig());

export const url = stack.url;
export const serviceName = stack.serviceName;
export const clusterName = stack.clusterName;
export const repositoryUrl = stack.repositoryUrl;
export const imageDigest = stack.imageDigest;
export const vpcId = stack.vpcId;
export const logGroupName = stack.logGroupName;
/** Every service by name, once the stack runs more than one. */
export const services = stack.services;
/** The SNS topic every alarm notifies. */
export const alarmTopicArn = stack.alarmTopicArn;
/** The stack's CloudWatch dashboard. */
export const dashboardUrl = stack.dashboardUrl;
