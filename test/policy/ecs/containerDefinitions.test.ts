import * as assert from "node:assert/strict";
import { UnknownValueError } from "@pulumi/policy";
import { UNKNOWN } from "../../../harness/serialisation";
import {
    describeContainer,
    imageReferenceParts,
    isEssential,
    parseContainerDefinitions,
    portMappings,
} from "../../../policy/lib/containerDefinitions";
import { describeMemoryOptions, parseCpuUnits, parseMemoryMiB } from "../../../policy/lib/taskSizeText";

describe("containerDefinitions (defensive parser)", () => {
    it("GIVEN a JSON array string THEN ok with the containers", () => {
        const parsed = parseContainerDefinitions(JSON.stringify([{ name: "web", image: "x" }]));
        assert.ok(parsed.ok);
        assert.equal(parsed.containers[0].name, "web");
    });

    it("GIVEN an already-parsed array THEN ok", () => {
        const parsed = parseContainerDefinitions([{ name: "web" }]);
        assert.ok(parsed.ok);
    });

    const malformed: [unknown, string][] = [
        [undefined, "is missing"],
        [null, "is missing"],
        [42, "is a number, not a JSON string"],
        [{ name: "web" }, "is an object, not a JSON string"],
        ['{"name":"web"}', "is JSON for an object, not an array of container definitions"],
        ['"web"', "is JSON for a string, not an array of container definitions"],
        ['[{"name":"web"}, 3]', "has element 1 that is a number, not a container definition object"],
        ['[null]', "has element 0 that is null, not a container definition object"],
    ];
    for (const [value, reason] of malformed) {
        it(`GIVEN ${JSON.stringify(value)} THEN not ok: containerDefinitions ${reason}`, () => {
            assert.deepEqual(parseContainerDefinitions(value), { ok: false, reason });
        });
    }

    it("GIVEN invalid JSON THEN not ok with the parser's message", () => {
        const parsed = parseContainerDefinitions("[{name: web}]");
        assert.equal(parsed.ok, false);
        assert.match((parsed as { reason: string }).reason, /^is not valid JSON \(.+\)$/);
    });

    it("GIVEN an unknown sentinel inside the JSON THEN reading it throws UnknownValueError", () => {
        const parsed = parseContainerDefinitions(JSON.stringify([{ name: "web", image: UNKNOWN }]));
        assert.ok(parsed.ok);
        assert.throws(() => parsed.containers[0].image, UnknownValueError);
    });

    it("GIVEN containers THEN labels, essential default and normalised port mappings", () => {
        assert.equal(describeContainer({ name: "web" }, 0), 'Container "web"');
        assert.equal(describeContainer({}, 1), "Container #2");
        assert.equal(isEssential({}), true);
        assert.equal(isEssential({ essential: false }), false);
        assert.deepEqual(portMappings({ portMappings: [{ containerPort: "8080", protocol: "tcp" }, "junk", { hostPort: 80 }] }), [
            { containerPort: 8080, hostPort: undefined, protocol: "tcp" },
            { containerPort: undefined, hostPort: 80, protocol: undefined },
        ]);
        assert.deepEqual(portMappings({ portMappings: "8080" }), []);
    });

    it("GIVEN image references THEN tag and digest are split, a registry port is not a tag", () => {
        assert.deepEqual(imageReferenceParts("nginx"), { tag: undefined, digest: undefined });
        assert.deepEqual(imageReferenceParts("nginx:1.27"), { tag: "1.27", digest: undefined });
        assert.deepEqual(imageReferenceParts("localhost:5000/app"), { tag: undefined, digest: undefined });
        assert.deepEqual(imageReferenceParts("localhost:5000/app:v2@sha256:ab"), { tag: "v2", digest: "sha256:ab" });
    });
});

describe("taskSizeText (cpu and memory as ECS writes them)", () => {
    it("GIVEN unit and string forms THEN cpu units and MiB", () => {
        assert.equal(parseCpuUnits("256"), 256);
        assert.equal(parseCpuUnits(1024), 1024);
        assert.equal(parseCpuUnits("1 vCPU"), 1024);
        assert.equal(parseCpuUnits(".25 vcpu"), 256);
        assert.equal(parseCpuUnits("1 core"), undefined);
        assert.equal(parseMemoryMiB("512"), 512);
        assert.equal(parseMemoryMiB("2 GB"), 2048);
        assert.equal(parseMemoryMiB("0.5GB"), 512);
        assert.equal(parseMemoryMiB("512 MB"), undefined);
        assert.equal(parseMemoryMiB(true), undefined);
    });

    it("GIVEN short and long option lists THEN listed or described as a range", () => {
        assert.equal(describeMemoryOptions([512, 1024, 2048]), "512, 1024 or 2048");
        assert.equal(describeMemoryOptions([8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384]), "8192 to 16384 in steps of 1024");
    });
});

describe("containerDefinitions read as the AWS provider's Go decoder reads them", () => {
    const only = (text: string) => {
        const parsed = parseContainerDefinitions(text);
        assert.ok(parsed.ok, JSON.stringify(parsed));
        return JSON.parse(JSON.stringify(parsed.containers[0])) as Record<string, unknown>;
    };

    it("GIVEN keys in any case, the Kelvin sign and duplicates THEN canonical names, last value wins, unknown keys dropped", () => {
        assert.deepEqual(only('[{"NAME":"a","name":"web","doc\u212aerLabels":{"K":"v"},"bogus":1}]'), { name: "web", dockerLabels: { K: "v" } });
    });

    it("GIVEN map keys that differ only in case THEN both kept (maps are not folded)", () => {
        assert.deepEqual(only('[{"name":"w","dockerLabels":{"a":"1","A":"2"}}]').dockerLabels, { a: "1", A: "2" });
    });

    it("GIVEN a repeated nested object THEN it merges into the first", () => {
        assert.deepEqual(
            only('[{"name":"w","linuxParameters":{"capabilities":{"add":["SYS_ADMIN"]}},"LinuxParameters":{"initProcessEnabled":true}}]').linuxParameters,
            { capabilities: { add: ["SYS_ADMIN"] }, initProcessEnabled: true },
        );
    });

    it("GIVEN a repeated array THEN elements decode into the earlier ones, the length is the last one's, and [] resets", () => {
        const pm = '"portMappings":[{"containerPort":80,"hostPort":80},{"containerPort":81}]';
        assert.deepEqual(only(`[{"name":"w",${pm},"portMappings":[{"containerPort":8080}]}]`).portMappings, [{ containerPort: 8080, hostPort: 80 }]);
        assert.deepEqual(
            only(`[{"name":"w",${pm},"portMappings":[{"containerPort":1}],"portMappings":[{"containerPort":2},{}]}]`).portMappings,
            [{ containerPort: 2, hostPort: 80 }, { containerPort: 81 }],
        );
        assert.deepEqual(only(`[{"name":"w",${pm},"portMappings":[],"portMappings":[{"containerPort":2}]}]`).portMappings, [{ containerPort: 2 }]);
    });

    it("GIVEN zero elements in object arrays THEN dropped, as the provider compacts them", () => {
        assert.deepEqual(only('[{"name":"w","secrets":[{},{"name":"A","valueFrom":"arn:x"},{"bogus":1}]}]').secrets, [{ name: "A", valueFrom: "arn:x" }]);
    });

    it("GIVEN null for pointer and value fields THEN pointers clear and values stay", () => {
        assert.deepEqual(only('[{"name":"w","user":"0","user":null,"cpu":256,"cpu":null}]'), { name: "w", cpu: 256 });
    });

    it("GIVEN lone surrogates, escaped or raw THEN U+FFFD; a valid pair is kept", () => {
        assert.deepEqual(only('[{"name":"a\\ud800b\udc00c\\ud83d\\ude00"}]').name, "a\ufffdb\ufffdc\u{1f600}");
    });

    it("GIVEN text Go and JSON.parse both refuse THEN not valid JSON", () => {
        for (const text of ['[{"name":"a",}]', "[{'name':'a'}]", '[{"name":"a\u0001"}]', "[01]", '[{"name":"a"}] x', "\ufeff[]"]) {
            const parsed = parseContainerDefinitions(text);
            assert.ok(!parsed.ok && parsed.reason.startsWith("is not valid JSON ("), text);
        }
    });
});
