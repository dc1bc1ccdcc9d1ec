import { snsTopicPolicyScoped } from "./sns-topic-policy-scoped";

/** SNS policies: topic access policies. */
export const snsPolicies = [snsTopicPolicyScoped];
