/**
 * Evasion class: container definitions read differently from how the AWS provider reads them. Each
 * fixture spells a container definition the way Go's encoding/json decodes it into something other than
 * what JSON.parse shows; the pack must judge it exactly as it judges the canonical spelling of what ECS
 * gets (and report the violation that spelling has).
 */
import * as assert from "node:assert/strict";
import { evaluatePack } from "../../../harness/policyEngine";
import { policies } from "../../../policy/pack";
import { parseContainerDefinitions } from "../../../policy/lib/containerDefinitions";
import { baselineContainer, containerDefinitions, resourceOf, TD } from "../baselines/ecs";

const pack = { name: "test", policies };

/** The baseline container's JSON with `extra` members appended (raw text, so duplicates survive). */
const webPlus = (...extra: string[]): string => {
    const json = JSON.stringify(baselineContainer());
    return `[${json.slice(0, -1)},${extra.join(",")}}]`;
};
/** The baseline container's JSON with `key` removed, then `extra` appended. */
const webWithout = (key: string, ...extra: string[]): string => {
    const c = baselineContainer();
    delete c[key];
    const json = JSON.stringify(c);
    return `[${json.slice(0, -1)}${extra.length > 0 ? "," : ""}${extra.join(",")}}]`;
};

const diagnosticsOf = async (definitions: string) => {
    const result = await evaluatePack(pack, [resourceOf(TD, "web", { containerDefinitions: definitions })]);
    return result.diagnostics.map(d => `${d.policyName}: ${d.detail}`).sort();
};

/** [label, evasive text, canonical equivalent, a policy the canonical form violates]. */
const EVASIONS: [string, string, Record<string, any>, string][] = [
    ['"Privileged" (field names match case-insensitively)', webPlus('"Privileged":true'), { ...baselineContainer(), privileged: true }, "ecs-task-definition-no-privileged-containers"],
    ['"PRIVILEGED" after "privileged": false (last duplicate wins)', webPlus('"privileged":false', '"PRIVILEGED":true'), { ...baselineContainer(), privileged: true }, "ecs-task-definition-no-privileged-containers"],
    ['"uſer" with a long s (Go folds it to S)', webPlus('"u\u017fer":"0"'), { ...baselineContainer(), user: "0" }, "ecs-task-definition-non-root-user"],
    ['"\u0131mage" with a dotless i after the digest image', webPlus('"\u0131mage":"nginx:latest"'), { ...baselineContainer(), image: "nginx:latest" }, "ecs-task-definition-image-digest"],
    ['"\u0130MAGE" with a dotted capital I', webPlus('"\u0130MAGE":"nginx:latest"'), { ...baselineContainer(), image: "nginx:latest" }, "ecs-task-definition-image-digest"],
    ['"ReadonlyRootFilesystem": false after the canonical true', webPlus('"ReadonlyRootFilesystem":false'), { ...baselineContainer(), readonlyRootFilesystem: false }, "ecs-task-definition-read-only-root-filesystem"],
    [
        '"LogConfiguration": null after the canonical one (null clears a pointer field)',
        webPlus('"LogConfiguration":null'),
        (({ logConfiguration: _dropped, ...rest }) => rest)(baselineContainer()),
        "ecs-task-definition-containers-log",
    ],
    [
        'a second "healthCheck" object that merges a NONE command into the first',
        webPlus('"HealthCheck":{"Command":["NONE"]}'),
        { ...baselineContainer(), healthCheck: { ...baselineContainer().healthCheck, command: ["NONE"] } },
        "ecs-task-definition-container-health-check",
    ],
    [
        'a second "environment" array whose elements merge into the first one\'s (Go reuses slice elements)',
        webWithout("environment", '"environment":[{"name":"DB_PASSWORD","value":"placeholder"}]', '"Environment":[{"value":"Sup3r-S3cret-Value-9"}]'),
        { ...baselineContainer(), environment: [{ name: "DB_PASSWORD", value: "Sup3r-S3cret-Value-9" }] },
        "ecs-task-definition-no-plaintext-secrets",
    ],
    [
        'a second JSON array after the first (the provider decodes the whole stream into one slice)',
        `${containerDefinitions()} [{"privileged":true}]`,
        { ...baselineContainer(), privileged: true },
        "ecs-task-definition-no-privileged-containers",
    ],
    [
        'a second stream value with a null first element and a root-user second container',
        `${containerDefinitions()}\n[null, {"name":"sidecar","image":"${baselineContainer().image}","essential":false,"user":"root"}]`,
        [baselineContainer(), { name: "sidecar", image: baselineContainer().image, essential: false, user: "root" }] as unknown as Record<string, any>,
        "ecs-task-definition-non-root-user",
    ],
    [
        '"secrets" named "ſecrets" with a plain-text valueFrom',
        webWithout("secrets", '"\u017fecrets":[{"name":"DATABASE_PASSWORD","valueFrom":"web/db-password"}]'),
        { ...baselineContainer(), secrets: [{ name: "DATABASE_PASSWORD", valueFrom: "web/db-password" }] },
        "ecs-task-definition-secrets-from-arns",
    ],
];

describe("provider decoding of containerDefinitions (evasion)", () => {
    for (const [label, evasive, canonical, violated] of EVASIONS) {
        it(`GIVEN ${label} THEN judged exactly as the canonical spelling, which ${violated} reports`, async () => {
            const expected = await diagnosticsOf(Array.isArray(canonical) ? JSON.stringify(canonical) : containerDefinitions(canonical));
            assert.ok(expected.some(d => d.startsWith(`${violated}: `)), `canonical form should violate ${violated}: ${expected.join("\n")}`);
            assert.deepEqual(await diagnosticsOf(evasive), expected);
        });
    }

    it("GIVEN the canonical baseline spelled in other cases THEN no violation (same as the baseline)", async () => {
        const shouting = JSON.stringify([baselineContainer()]).replace(/"(\w+)":/g, (_m, k: string) => `"${k.toUpperCase()}":`);
        // Map keys (log options) are not fields: they stay exact, so restore those.
        const fixed = shouting.replace(/"AWSLOGS-(GROUP|REGION|STREAM-PREFIX)"/g, (_m, k: string) => `"awslogs-${k.toLowerCase()}"`);
        assert.deepEqual(await diagnosticsOf(fixed), await diagnosticsOf(containerDefinitions()));
    });

    const refused: [string, string, string][] = [
        ['"privileged": "true"', webPlus('"privileged":"true"'), "has a string at [0].privileged where ECS takes true or false"],
        ['"containerPort": "8080"', webWithout("portMappings", '"portMappings":[{"containerPort":"8080"}]'), "has a string at [0].portMappings[0].containerPort where ECS takes a whole number"],
        ['"containerPort": 8080.0', webWithout("portMappings", '"portMappings":[{"containerPort":8080.0}]'), "has the number 8080.0 at [0].portMappings[0].containerPort where ECS takes a whole number"],
        ['"containerPort": 1e3', webWithout("portMappings", '"portMappings":[{"containerPort":1e3}]'), "has the number 1e3 at [0].portMappings[0].containerPort where ECS takes a whole number"],
        ['"stopTimeout" past int32', webPlus('"stopTimeout":4294967296'), "has the number 4294967296 at [0].stopTimeout where ECS takes a whole number"],
        ['an environment value that is a number', webPlus('"Environment":[{"name":"PIN","value":1234}]'), "has a number at [0].environment[0].value where ECS takes a string"],
    ];
    for (const [label, text, reason] of refused) {
        it(`GIVEN ${label} THEN the provider would refuse it, so container-definitions-valid reports it (without the value)`, async () => {
            const diagnostics = await diagnosticsOf(text);
            assert.equal(diagnostics.length, 1, diagnostics.join("\n"));
            assert.ok(diagnostics[0].startsWith(`ecs-task-definition-container-definitions-valid: containerDefinitions ${reason}`), diagnostics[0]);
            assert.ok(!diagnostics[0].includes("1234"));
        });
    }

    it("GIVEN an element with no field ECS knows THEN refused like the provider does", () => {
        assert.deepEqual(parseContainerDefinitions('[{"nmae":"web"}]'), {
            ok: false,
            reason: "has element 0 with no field of an ECS container definition, which the AWS provider refuses",
        });
    });
});
