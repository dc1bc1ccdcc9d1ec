import { ecsTaskDefinitionSecretsFromArns as policy } from "../../../policy/ecs/ecs-task-definition-secrets-from-arns";
import { assertViolations, evaluate, resourceOf, SECRET_ARN, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-secrets-from-arns";
const FORMS =
    "a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>), an SSM parameter ARN " +
    "(arn:aws:ssm:<region>:<account>:parameter/<name>) or the name of an SSM parameter in the task's Region (/<path>/<name> or <name>)";
const UNRESOLVABLE = "ECS cannot resolve it; use the full ARN so the execution role's grant can be scoped to it.";

describe(NAME, () => {
    it("GIVEN the baseline (a Secrets Manager ARN) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "mandatory", []);
    });

    it("GIVEN a JSON-key suffix, an SSM parameter ARN and a log driver secret option by ARN THEN no violation", async () => {
        const container = webWith({
            secrets: [
                { name: "DB_PASSWORD", valueFrom: `${SECRET_ARN}:password::` },
                { name: "API_KEY", valueFrom: "arn:aws:ssm:eu-west-1:123456789012:parameter/web/api-key" },
            ],
            logConfiguration: { logDriver: "splunk", options: {}, secretOptions: [{ name: "splunk-token", valueFrom: SECRET_ARN }] },
            repositoryCredentials: { credentialsParameter: SECRET_ARN },
        });
        assertViolations(await evaluate(policy, [taskDefinitionWith([container])]), NAME, "mandatory", []);
    });

    it("GIVEN a bare secret name THEN reported without echoing it", async () => {
        const container = webWith({ secrets: [{ name: "DB_PASSWORD", valueFrom: "web/db-password" }] });
        const result = await evaluate(policy, [taskDefinitionWith([container])]);
        assertViolations(result, NAME, "mandatory", [
            `Container "web" reads secret "DB_PASSWORD" from a valueFrom that is not ${FORMS}; ${UNRESOLVABLE}`,
        ]);
    });

    it("GIVEN SSM parameters named in the task's Region (hierarchical or plain) THEN no violation: ECS accepts them", async () => {
        const container = webWith({
            secrets: [
                { name: "DB_PASSWORD", valueFrom: "/app/db-password" },
                { name: "API_KEY", valueFrom: "db-password" },
                { name: "SMTP_PASSWORD", valueFrom: "/prod/mail/smtp_password.v2" },
            ],
            logConfiguration: { logDriver: "splunk", secretOptions: [{ name: "splunk-token", valueFrom: "/web/splunk" }] },
        });
        assertViolations(await evaluate(policy, [taskDefinitionWith([container])]), NAME, "mandatory", []);
    });

    it("GIVEN a log driver secret option that is no parameter name (reserved prefix, spaces) THEN reported", async () => {
        const container = webWith({ logConfiguration: { logDriver: "splunk", secretOptions: [{ name: "splunk-token", valueFrom: "ssm-splunk token" }] } });
        const result = await evaluate(policy, [taskDefinitionWith([container])]);
        assertViolations(result, NAME, "mandatory", [
            `Container "web" reads secret "splunk-token" from a valueFrom that is not ${FORMS}; ${UNRESOLVABLE}`,
        ]);
    });

    it("GIVEN entries without name or valueFrom THEN one violation per problem", async () => {
        const container = webWith({ secrets: [{ valueFrom: SECRET_ARN }, { name: "TOKEN" }] });
        const result = await evaluate(policy, [taskDefinitionWith([container])]);
        assertViolations(result, NAME, "mandatory", [
            'Container "web" has secrets[0] without a "name"; name the variable the secret is exposed as.',
            `Container "web" reads secret "TOKEN" without a "valueFrom"; set it to ${FORMS}.`,
        ]);
    });

    it("GIVEN repositoryCredentials that are not a Secrets Manager ARN THEN reported", async () => {
        const container = webWith({ repositoryCredentials: { credentialsParameter: "arn:aws:ssm:eu-west-1:123456789012:parameter/registry" } });
        const result = await evaluate(policy, [taskDefinitionWith([container])]);
        assertViolations(result, NAME, "mandatory", [
            'Container "web" has repositoryCredentials.credentialsParameter that is not a Secrets Manager secret ARN; set it to arn:aws:secretsmanager:<region>:<account>:secret:<name>.',
        ]);
    });

    it("GIVEN secrets but no executionRoleArn THEN reported once for the task definition", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { executionRoleArn: undefined })]);
        assertViolations(result, NAME, "mandatory", [
            "The task definition reads secrets but has no executionRoleArn; set an execution role that is granted access to exactly those secrets.",
        ]);
    });

    it("GIVEN no secrets and no executionRoleArn THEN no violation", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([webWith({ secrets: [] })], { executionRoleArn: undefined })]);
        assertViolations(result, NAME, "mandatory", []);
    });
});
