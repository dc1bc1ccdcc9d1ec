/**
 * The offline check on public Pulumi programs we did not write (`test/fixtures/corpus/`): no crash, the
 * documented exit code, the findings a reviewer confirmed, no other mandatory finding, every check able to
 * run, and remote components named. Programs run in-process through `check()`; two runs are spawned as users
 * run them.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { check } from "../../tools/check";
import { CheckReport } from "../../tools/checkReport";
import { CheckResult as Result, spawnCheck } from "../support/spawnCheck";
import { PROJECT_DIR } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const CORPUS = path.join(PROJECT_DIR, "test", "fixtures", "corpus");

interface Expectation {
    readonly exitCode: 0 | 1;
    /** Mandatory findings a reviewer confirmed as true, `policy resource`; any other mandatory one fails. */
    readonly mandatory: readonly string[];
    /** Findings that must be present (any level), `policy resource`. */
    readonly present: readonly string[];
    /** Remote components, `type name`, in registration order. */
    readonly remote: readonly string[];
    /** Resource types the estimate must name as left out, `type:reason`. */
    readonly unpriced: readonly string[];
}

const AWSX_ALB_SERVICE = ["awsx:ecr:Repository repo", "awsx:lb:ApplicationLoadBalancer loadbalancer", "awsx:ecr:Image image", "awsx:ecs:FargateService service"];

const EXPECTED: Record<string, Expectation> = {
    // ES modules ("type": "module"), run as they are.
    "aws-ts-static-website": {
        exitCode: 0,
        mandatory: [],
        present: [],
        remote: [],
        unpriced: ["aws:cloudfront/distribution:Distribution:usage", "aws:s3/bucketObject:BucketObject:usage"],
    },
    "aws-ts-s3-folder": { exitCode: 0, mandatory: [], present: [], remote: [], unpriced: ["aws:s3/bucket:Bucket:usage"] },
    "aws-ts-secrets-manager": { exitCode: 0, mandatory: [], present: ["secrets-secret-rotation secret"], remote: [], unpriced: [] },
    "aws-ts-lambda-secrets": {
        exitCode: 0,
        mandatory: [],
        present: ["secrets-secret-rotation dbPassword", "secrets-secret-rotation apiKey"],
        remote: [],
        unpriced: ["aws:lambda/function:Function:usage"],
    },
    "aws-ts-webserver": {
        exitCode: 1,
        mandatory: ["ec2-security-group-vpc-set web-secgrp"],
        present: ["ec2-security-group-descriptions web-secgrp"],
        remote: [],
        unpriced: ["aws:ec2/instance:Instance:not-priced"],
    },
    "aws-ts-containers": { exitCode: 0, mandatory: [], present: ["ecs-cluster-container-insights cluster"], remote: AWSX_ALB_SERVICE, unpriced: AWSX_ALB_SERVICE.map(r => `${r.split(" ")[0]}:remote-component`) },
    "container-aws-typescript": { exitCode: 0, mandatory: [], present: ["ecs-cluster-container-insights cluster"], remote: AWSX_ALB_SERVICE, unpriced: [] },
    "aws-ts-voting-app": {
        exitCode: 0,
        mandatory: [],
        present: [],
        remote: [
            "awsx:ecr:Repository repo",
            "awsx:lb:ApplicationLoadBalancer voting-app-cache",
            "awsx:lb:ApplicationLoadBalancer voting-app-frontend",
            "awsx:ecr:Image voting-app-frontend",
            "awsx:ecs:FargateService voting-app-cache",
            "awsx:ecs:FargateService voting-app-frontend",
        ],
        unpriced: ["awsx:ecs:FargateService:remote-component"],
    },
    "aws-ts-pulumi-miniflux": {
        exitCode: 1,
        mandatory: ["ec2-default-vpc-not-adopted defaultVpc"],
        present: [],
        remote: ["awsx:lb:ApplicationLoadBalancer loadbalancer", "awsx:ecs:FargateService service"],
        unpriced: ["aws:rds/instance:Instance:not-priced"],
    },
    "aws-ts-hello-fargate": {
        exitCode: 1,
        // awsx classic: task roles with AWS-managed *FullAccess policies, a cluster security group open to
        // the world on SSH and on every port, an internet-facing ALB, containers without hardening.
        mandatory: [
            "iam-role-no-broad-managed-policies app-svc-task-b5aeb6b6",
            "iam-role-no-broad-managed-policies app-svc-task-0cbb1731",
            "ec2-security-group-no-unrestricted-egress cluster-egress",
            "ec2-security-group-no-world-admin-ports cluster-ssh",
            "ec2-security-group-no-world-admin-ports cluster-containers",
            "ec2-security-group-world-ingress-authorized-ports cluster-ssh",
            "ec2-security-group-world-ingress-authorized-ports cluster-containers",
            "lb-load-balancer-drop-invalid-headers net-lb",
            "lb-load-balancer-internal-unless-allow-listed net-lb",
            "ecs-task-definition-read-only-root-filesystem app-svc",
            "ecs-task-definition-container-health-check app-svc",
            "ecs-service-deployment-circuit-breaker app-svc",
        ],
        present: ["iam-role-no-broad-managed-policies app-svc-task-b5aeb6b6", "ec2-security-group-no-world-admin-ports cluster-ssh"],
        remote: ["awsx:ecr:Repository repo", "awsx:ecr:Image app-img"],
        unpriced: [],
    },
    "aws-ts-airflow": {
        exitCode: 1,
        mandatory: [
            ...["airflowcontroller", "airflower", "airflowworkers"].flatMap(s => [`iam-role-no-broad-managed-policies ${s}-task-b5aeb6b6`, `iam-role-no-broad-managed-policies ${s}-task-0cbb1731`]),
            // The container instances' role gets AmazonEC2ReadOnlyAccess (every Describe of the account), not a vetted managed policy.
            "iam-role-no-broad-managed-policies airflow-efc8f10d",
            "ec2-security-group-world-ingress-authorized-ports airflowcontroller-external-0-ingress",
            "ec2-security-group-world-ingress-authorized-ports airflower-external-0-ingress",
            "ec2-security-group-world-ingress-authorized-ports airflow-ssh",
            "ec2-security-group-world-ingress-authorized-ports airflow-containers",
            "ec2-security-group-no-unrestricted-egress airflow-egress",
            "ec2-security-group-no-world-admin-ports airflow-ssh",
            "ec2-security-group-no-world-admin-ports airflow-containers",
            ...["airflowcontroller", "airflower"].flatMap(lb => [`lb-load-balancer-drop-invalid-headers ${lb}`, `lb-load-balancer-internal-unless-allow-listed ${lb}`]),
            // The database password reaches every container as a plain environment variable.
            ...["airflowcontroller", "airflowcontroller", "airflower", "airflowworkers"].map(td => `ecs-task-definition-no-plaintext-secrets ${td}`),
            ...["airflowcontroller", "airflowcontroller", "airflower", "airflowworkers"].map(td => `ecs-task-definition-read-only-root-filesystem ${td}`),
            ...["airflowcontroller", "airflowcontroller", "airflower", "airflowworkers"].map(td => `ecs-task-definition-container-health-check ${td}`),
            ...["airflowcontroller", "airflower", "airflowworkers"].map(s => `ecs-service-deployment-circuit-breaker ${s}`),
        ],
        present: ["ecs-task-definition-no-plaintext-secrets airflowworkers", "ec2-security-group-no-world-admin-ports airflow-ssh"],
        remote: ["awsx:ecr:Repository repo", "awsx:ecr:Image webserver", "awsx:ecr:Image scheduler", "awsx:ecr:Image notflower", "awsx:ecr:Image worker"],
        unpriced: ["aws:rds/instance:Instance:not-priced", "aws:elasticache/cluster:Cluster:not-priced"],
    },
};

const finding = (v: CheckReport["violations"][number]) => `${v.policy} ${v.urn?.split("::").pop()}`;
const sorted = (list: readonly string[]) => [...list].sort();

describe("offline check on public programs (test/fixtures/corpus)", function () {
    this.timeout(180_000);
    const reports = new Map<string, { report: CheckReport; exitCode: number }>();

    before(async () => {
        // One after another: programs share the process's Pulumi runtime. They also share library-level
        // caches: awsx classic keeps the default VPC it looked up per provider, so only the first awsx
        // classic program here (hello-fargate) registers it; `npm run check` runs one program per process.
        for (const name of Object.keys(EXPECTED)) {
            reports.set(name, await check({ stack: "corpus", program: path.join(CORPUS, name), json: false, help: false }));
        }
    });

    for (const [name, expected] of Object.entries(EXPECTED)) {
        describe(name, () => {
            it(`GIVEN the program THEN exit ${expected.exitCode}, exactly the reviewed mandatory findings, and every expected finding`, () => {
                const { report, exitCode } = reports.get(name)!;
                assert.equal(exitCode, expected.exitCode);
                const mandatory = report.violations.filter(v => v.enforcementLevel === "mandatory").map(finding);
                assert.deepEqual(sorted(mandatory), sorted(expected.mandatory));
                const all = report.violations.map(finding);
                for (const f of expected.present) {
                    assert.ok(all.includes(f), `${f} missing from ${JSON.stringify(all)}`);
                }
            });

            it("GIVEN the program THEN every policy check could run, remote components are named and unpriced types listed", () => {
                const { report } = reports.get(name)!;
                assert.equal(report.coverage.checksNotRun, 0, JSON.stringify(report.coverage.checksNotRunDetail));
                assert.deepEqual(
                    report.coverage.remoteComponents.map(c => `${c.type} ${c.name}`),
                    expected.remote,
                );
                const unpriced = report.cost.unpriced.map(u => `${u.type}:${u.reason}`);
                for (const u of expected.unpriced) {
                    assert.ok(unpriced.includes(u), `${u} missing from ${JSON.stringify(unpriced)}`);
                }
            });
        });
    }

    it("GIVEN aws-ts-lambda-secrets THEN its getPolicyDocument is rendered as the provider renders it and feeds the policy", () => {
        const { report } = reports.get("aws-ts-lambda-secrets")!;
        const secrets = report.resources.filter(r => r.type === AWS_TYPES.secretsmanagerSecret);
        const policy = report.resources.find(r => r.type === AWS_TYPES.iamPolicy);
        assert.equal(secrets.length, 2);
        const arns = secrets.map(s => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${s.name}-`);
        const document = JSON.parse((policy?.inputs as { policy: string }).policy);
        assert.equal(document.Version, "2012-10-17");
        assert.deepEqual(Object.keys(document.Statement[0]), ["Effect", "Action", "Resource"]);
        assert.equal(document.Statement[0].Action, "secretsmanager:GetSecretValue");
        // Several resources: a list sorted in reverse, as the provider writes a set.
        assert.deepEqual(document.Statement[0].Resource, [...document.Statement[0].Resource].sort().reverse());
        for (const arn of arns) {
            assert.ok(document.Statement[0].Resource.some((r: string) => r.startsWith(arn)), `${arn} not in ${policy?.inputs}`);
        }
        assert.match((policy?.inputs as { policy: string }).policy, /^\{\n {2}"Version": "2012-10-17",\n {2}"Statement": \[/);
    });

    it("GIVEN the ES module programs THEN they run from their folder (./www is synced) and computed values reach the DNS records", () => {
        const objects = (name: string) =>
            reports
                .get(name)!
                .report.resources.filter(r => r.type === AWS_TYPES.s3BucketObject)
                .map(r => r.name)
                .sort();
        assert.deepEqual(objects("aws-ts-s3-folder"), ["favicon.png", "index.html"]);
        assert.deepEqual(objects("aws-ts-static-website"), ["404.html", "index.html"]);
        const records = reports.get("aws-ts-static-website")!.report.resources.filter(r => r.type === AWS_TYPES.route53Record);
        const inputs = (name: string) => records.find(r => r.name === name)?.inputs as Record<string, any>;
        // From the certificate's and the distribution's computed outputs, known offline.
        assert.match(inputs("www.example.com-validation").name, /^_[0-9a-f]{32}\.www\.example\.com\.$/);
        assert.match(inputs("www.example.com").aliases[0].name, /\.cloudfront\.us-east-1\.amazonaws\.com$/);
    });
});


describe("npm run check on foreign programs (spawned)", function () {
    this.timeout(120_000);
    let remote: Promise<Result>, unanswered: Promise<Result>, transforms: Promise<Result>;
    before(() => {
        remote = spawnCheck("--stack", "corpus", "--program", path.join("test", "fixtures", "corpus", "aws-ts-containers"));
        unanswered = spawnCheck("--stack", "test", "--program", path.join("test", "fixtures", "programs", "unanswered"));
        transforms = spawnCheck("--stack", "test", "--program", path.join("test", "fixtures", "programs", "transforms"));
    });

    it("GIVEN a project folder whose services are remote components THEN the text says loudly what was not checked, never PASSED", async () => {
        const { code, stdout, stderr } = await remote;
        assert.equal(code, 0, stderr);
        assert.match(stdout, /^NOT CHECKED: 4 remote component\(s\)\. Their provider creates their children, which cannot be seen offline:$/m);
        assert.match(stdout, /^ {2}awsx:ecs:FargateService service \(excluded from the cost estimate\)$/m);
        assert.match(stdout, /^Monthly cost estimate: \$0\.00 USD, us-east-1 \(partial: some resources are not priced, see the notes\)$/m);
        assert.match(stdout, /^INCOMPLETE: no mandatory policy violation in what could be checked; 4 remote component\(s\) not checked/m);
        assert.doesNotMatch(stdout, /^PASSED/m);
    });

    it("GIVEN a lookup the offline check cannot answer, feeding two levels of resources THEN exit 2 naming it", async () => {
        const { code, stdout, stderr } = await unanswered;
        assert.equal(code, 2, stdout);
        assert.equal(stdout, "");
        assert.match(stderr, /^error: The program failed: The offline mocks do not implement the call aws:rds\/getEngineVersion:getEngineVersion: the program reads a data source the offline check cannot answer/m);
        assert.doesNotMatch(stderr, /\n\s+at /);
    });

    it("GIVEN a component with the transforms option, which the mock runtime refuses THEN exit 2 quoting why, never a report of what did not run", async () => {
        const { code, stdout, stderr } = await transforms;
        assert.equal(code, 2, stdout);
        assert.equal(stdout, "");
        assert.match(stderr, /^error: The program failed: .*The Pulumi CLI does not support transforms/m);
        assert.doesNotMatch(stderr, /\n\s+at /);
    });
});
