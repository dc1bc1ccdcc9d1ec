/**
 * The loader's rules beyond single values: config text read as the CLI validated it, keys nobody reads
 * (AWS provider keys, near-miss namespaces), secret hygiene by key and by entry, and the prod profile
 * refused by key with its bounds taken from `policy/config/prod.json`.
 */
import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as path from "path";
import { awsProviderConfigKeys, isNearMissNamespace } from "../../components/configNamespaces";
import { mandatoryInProd, PROD_PROFILE, prodSetting } from "../../components/prodProfile";
import { pack } from "../../policy/pack";
import { PROJECT_DIR } from "../support/stacks";
import { ConfigChange, parseChanged, refusals } from "../support/stackConfig";

const P = "fargate-web";
const SENTINEL = "SENTINEL-never-print-3f9c1b";

const parse = parseChanged;

/** The loader's problems for `change`, none of which may print the sentinel secret. */
function problems(stack: string, change: ConfigChange): readonly string[] {
    const found = refusals(stack, change);
    for (const problem of found) {
        assert.ok(!problem.includes(SENTINEL), `a secret is printed: ${problem}`);
    }
    return found;
}

describe("config loader rules", () => {
    describe("GIVEN integer text as the CLI passes it (strconv.Atoi, project.go ValidateConfigValue)", () => {
        it("WHEN it has a sign or leading zeros THEN it is read as the number", () => {
            assert.equal(parse("dev", { values: { [`${P}:containerPort`]: "+8081" } }).container.port, 8081);
            assert.equal(parse("dev", { values: { [`${P}:containerPort`]: "08081" } }).container.port, 8081);
        });
        it("WHEN it is a decimal or padded THEN refused, as the CLI refuses it", () => {
            assert.deepEqual(problems("dev", { values: { [`${P}:containerPort`]: "8081.0" } }), [`${P}:containerPort is "8081.0"; expected an integer from 1024 to 65535`]);
            assert.deepEqual(problems("dev", { values: { [`${P}:containerPort`]: " 8081" } }), [`${P}:containerPort is " 8081"; expected an integer from 1024 to 65535`]);
        });
    });

    describe("GIVEN keys nobody reads", () => {
        it("THEN the AWS provider's keys come from @pulumi/aws's own declarations", () => {
            const keys = awsProviderConfigKeys()!;
            for (const key of ["region", "profile", "defaultTags", "assumeRoles", "skipCredentialsValidation", "s3UsEast1RegionalEndpoint"]) {
                assert.ok(keys.includes(key), key);
            }
            assert.ok(!keys.includes("regoin"));
        });

        it("WHEN an aws: key is not the provider's THEN it is named with a did-you-mean; provider keys pass", () => {
            assert.deepEqual(problems("dev", { values: { "aws:regoin": "us-east-1" } }), ["aws:regoin is not a configuration key of the AWS provider; did you mean aws:region?"]);
            assert.deepEqual(problems("dev", { values: { "aws:assumeRole": "{}" } }), ["aws:assumeRole is not a configuration key of the AWS provider; did you mean aws:assumeRoles?"]);
            assert.equal(parse("dev", { values: { "aws:defaultTags": '{"tags":{"team":"web"}}', "aws:profile": "ci" } }).region, "us-east-1");
        });

        for (const namespace of ["fargate_web", "fargateweb", "fargate-wb", "Fargate-Web", "fargate-web-"]) {
            it(`WHEN a key is in the near-miss namespace ${namespace} THEN it is named with the project's key`, () => {
                assert.deepEqual(problems("dev", { values: { [`${namespace}:cpu`]: "512" } }), [
                    `${namespace}:cpu is in namespace "${namespace}", which nothing reads; this project's namespace is "${P}": did you mean ${P}:cpu?`,
                ]);
            });
        }

        it("WHEN the aws namespace is written in capitals THEN the provider's namespace is suggested", () => {
            assert.deepEqual(problems("dev", { values: { "AWS:region": "us-east-1" } }), [`AWS:region is in namespace "AWS", which nothing reads; the AWS provider reads "aws": did you mean aws:region?`]);
        });

        it("WHEN a near-miss key is itself misspelt THEN the closest project key is suggested", () => {
            assert.deepEqual(problems("dev", { values: { "fargate_web:desiredCont": "2" } }), [
                `fargate_web:desiredCont is in namespace "fargate_web", which nothing reads; this project's namespace is "${P}": did you mean ${P}:desiredCount?`,
            ]);
        });

        it("WHEN a namespace belongs to another package THEN it is left alone", () => {
            assert.equal(isNearMissNamespace("docker", P), false);
            assert.equal(isNearMissNamespace("pulumi", P), false);
            assert.equal(isNearMissNamespace("awsx", P), false);
            assert.equal(parse("dev", { values: { "docker:host": "unix:///var/run/docker.sock", "pulumi:disable-default-providers": '["aws"]' } }).environment, "dev");
        });
    });

    describe("GIVEN secrets", () => {
        const secretEnv = JSON.stringify({ LOG_LEVEL: "debug", DB_URL: SENTINEL });

        it("WHEN containerEnvironment holds a value set with --secret (engine: key only) THEN it is refused without the value", () => {
            assert.deepEqual(problems("dev", { values: { [`${P}:containerEnvironment`]: secretEnv }, secretKeys: [`${P}:containerEnvironment`] }), [
                `${P}:containerEnvironment holds a value set with --secret; environment variables are written in plain text into the task definition, where anyone who can describe it reads them; move the variable to ${P}:secretValues (set with --secret) or ${P}:secrets (by ARN)`,
            ]);
        });

        it("WHEN the stack file says which entry (offline check) THEN that entry is named", () => {
            const found = problems("dev", {
                values: { [`${P}:containerEnvironment`]: secretEnv },
                secretKeys: [`${P}:containerEnvironment`],
                securePaths: [`${P}:containerEnvironment.DB_URL`],
            });
            assert.equal(found.length, 1);
            assert.match(found[0], new RegExp(`^${P}:containerEnvironment has "DB_URL" set with --secret; environment variables are written in plain text`));
        });

        it("WHEN a tag is set with --secret THEN it is refused too; WHEN containerEnvironment is plain THEN accepted", () => {
            assert.match(problems("dev", { values: { [`${P}:tags`]: JSON.stringify({ team: SENTINEL }) }, secretKeys: [`${P}:tags`] })[0], /^fargate-web:tags holds a value set with --secret; tags are plain text/);
            assert.equal(parse("dev", { values: { [`${P}:containerEnvironment`]: '{"LOG_LEVEL":"info"}' } }).container.environment.LOG_LEVEL, "info");
        });

        it("WHEN one secretValues entry is plain beside a secure one THEN the plain one is named, never shown", () => {
            const values = { [`${P}:secretValues`]: JSON.stringify({ API_KEY: "from-secure", PLAIN_KEY: SENTINEL }) };
            assert.deepEqual(problems("dev", { values, secretKeys: [`${P}:secretValues`], securePaths: [`${P}:secretValues.API_KEY`] }), [
                `${P}:secretValues has "PLAIN_KEY"; the value of PLAIN_KEY is in plain text in the stack file; set it with "pulumi config set --secret --path 'secretValues.PLAIN_KEY' <value>"`,
            ]);
            const settings = parse("dev", { values, secretKeys: [`${P}:secretValues`], securePaths: [`${P}:secretValues.API_KEY`, `${P}:secretValues.PLAIN_KEY`] });
            assert.deepEqual(Object.keys(settings.container.secretValues), ["API_KEY", "PLAIN_KEY"]);
        });

        it("WHEN secretValues or secrets hold a malformed value THEN the value is never printed, set with --secret or not", () => {
            const listed = problems("dev", { values: { [`${P}:secretValues`]: JSON.stringify([SENTINEL]) }, secretKeys: [`${P}:secretValues`] });
            assert.deepEqual(listed, [`${P}:secretValues is [secret]; expected an object of NAME: value`]);
            const pasted = problems("dev", { values: { [`${P}:secrets`]: JSON.stringify({ DB_PASSWORD: SENTINEL }) } });
            assert.deepEqual(pasted, [`${P}:secrets has "DB_PASSWORD"; expected a Secrets Manager or SSM parameter ARN, or {arn, jsonKey} for one key of a JSON secret`]);
            assert.deepEqual(problems("dev", { values: { [`${P}:secrets`]: JSON.stringify(SENTINEL) } }), [`${P}:secrets is [not shown]; expected an object of NAME: value`]);
        });
    });

    describe("GIVEN the prod profile", () => {
        it("THEN its bounds are prod.json's settings, each a setting of a mandatory policy of the pack's own schema", () => {
            const prodJson = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.json"), "utf8"));
            assert.equal(PROD_PROFILE.minimumLogRetentionDays.value, prodJson["logs-log-group-retention"].minimumRetentionDays);
            assert.equal(PROD_PROFILE.minimumCapacity.value, prodJson["scaling-target-capacity-bounds"].minimumCapacity);
            assert.equal(PROD_PROFILE.maximumCapacity.value, prodJson["scaling-target-capacity-bounds"].maximumCapacity);
            assert.equal(PROD_PROFILE.maximumDeregistrationDelaySeconds.value, prodJson["lb-target-group-deregistration-delay"].maximumDeregistrationDelaySeconds);
            assert.equal(PROD_PROFILE.maximumSecondsToHealthy.value, prodJson["lb-target-group-health-check-timings"].maximumTimeToHealthySeconds);
            for (const [name, bound] of Object.entries(PROD_PROFILE)) {
                assert.ok(mandatoryInProd(bound.policy), `${bound.policy} is not mandatory in prod.json`);
                const policy = pack.policies.find(p => p.name === bound.policy);
                const property = Object.keys(prodJson[bound.policy]).find(k => k !== "enforcementLevel" && prodJson[bound.policy][k] === bound.value);
                assert.ok(policy?.configSchema?.properties?.[property!], `${name}: ${bound.policy} has no setting ${property}`);
            }
        });

        it("WHEN prod.json changes a setting THEN the bound follows it; WHEN it names only the level THEN the loader says where to set it", () => {
            assert.equal(prodSetting("logs-log-group-retention", "minimumRetentionDays", { "logs-log-group-retention": { enforcementLevel: "mandatory", minimumRetentionDays: 731 } }).value, 731);
            assert.throws(() => prodSetting("logs-log-group-retention", "minimumRetentionDays", { "logs-log-group-retention": "mandatory" }), /prod\.json must set minimumRetentionDays of logs-log-group-retention/);
        });

        it("WHEN prod breaks several rules THEN each is named by its key after the environment, all at once", () => {
            const found = problems("prod", {
                values: {
                    [`${P}:deletionProtection`]: "false",
                    [`${P}:maxCapacity`]: "100",
                    [`${P}:logRetentionDays`]: "180",
                    [`${P}:minCapacity`]: "1",
                    [`${P}:desiredCount`]: "1",
                    [`${P}:onDemandBase`]: "1",
                },
            });
            assert.deepEqual(found, [
                `${P}:environment is prod but ${P}:minCapacity is 1; prod runs at least 2 tasks (scaling-target-capacity-bounds)`,
                `${P}:environment is prod but ${P}:logRetentionDays is 180; prod keeps logs at least 365 days (logs-log-group-retention)`,
                `${P}:environment is prod but ${P}:deletionProtection is false; prod keeps its load balancer, repository, secrets and logs protected; set it to true`,
            ]);
        });

        it("WHEN dev has the same values THEN they are accepted", () => {
            const dev = parse("dev", { values: { [`${P}:logRetentionDays`]: "180", [`${P}:deregistrationDelaySeconds`]: "300" } });
            assert.equal(dev.service.logRetentionDays, 180);
        });
    });
});
