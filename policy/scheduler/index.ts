import { Policies } from "@pulumi/policy";
import { schedulerRoleServiceTrust } from "./scheduler-role-service-trust";
import { schedulerTaskNoAdminRoles } from "./scheduler-task-no-admin-roles";
import { schedulerTaskNoPublicIp } from "./scheduler-task-no-public-ip";

export const schedulerPolicies: Policies = [schedulerTaskNoPublicIp, schedulerTaskNoAdminRoles, schedulerRoleServiceTrust];
