/**
 * The AWS APIs' request models, read from the SDK clients installed in node_modules, and a validator that
 * checks a request object against them: unknown members, wrong types, missing required members, values
 * outside an enum. What `pulumi up` would send is only as good as what the API accepts.
 *
 * Where the model comes from:
 * - Structures: each client exports its Smithy static schemas from the package root as `<Shape>$`
 *   (`[3, namespace, name, traits, memberNames, memberSchemas, requiredCount?]`). Member schemas are numbers
 *   (0 string, 1 number, 2 boolean, 4–7 timestamp, 15 document, 17/19 big numbers, 21/42 blob; `64|x` a list
 *   of x, `128|x` a map of string to x), thunks to other schemas, `[1, ns, name, traits, member]` lists,
 *   `[2, ns, name, traits, key, value]` maps, or `[schema, memberTraits]` pairs. The first `requiredCount`
 *   members are the required ones (the code generator orders them first; `@smithy/core` reads it the same
 *   way in `createBodySchema`).
 * - Enums: the schemas type enum members as plain strings. The SDK's declarations
 *   (`dist-types/models/models_*.d.ts`) type them with the enum (`networkMode?: NetworkMode | undefined`),
 *   and the enum's values are exported from the package root as a const object (`NetworkMode.AWSVPC`).
 *   Both are read here, so every enum member of every shape is checked, not a hand-picked list.
 * - Not in the model: integer vs. floating point (both are schema 1, `number` in the types), string
 *   lengths, patterns and numeric ranges. Checks of those are "documented limits", kept with the tests.
 *
 * Member names are the SDK's: lowerCamelCase for ECS (awsJson1_1 sends them as they are) and PascalCase for
 * ELBv2 (awsQuery sends `Name.member.N`-style keys built from them) and Application Auto Scaling.
 */
import * as fs from "fs";
import * as path from "path";

/** The SDK clients whose models the tests read. */
export type AwsClientPackage =
    | "@aws-sdk/client-ecs"
    | "@aws-sdk/client-elastic-load-balancing-v2"
    | "@aws-sdk/client-application-auto-scaling"
    | "@aws-sdk/client-scheduler"
    | "@aws-sdk/client-cloudwatch";

/** A Smithy static schema or a reference to one, as the generated clients encode them. */
type SchemaRef = number | string | (() => SchemaRef) | readonly unknown[];

/** `[3 | -3, namespace, name, traits, memberNames, memberSchemas, requiredCount?]`. */
type StructureSchema = readonly [number, string, string, unknown, readonly string[], readonly SchemaRef[], number?];

/** One enum of the SDK: its exported name and allowed values. */
export interface ApiEnum {
    readonly name: string;
    readonly values: readonly string[];
}

/** The request model of one AWS API, as shipped in its SDK client. */
export interface ApiModel {
    /** The client package, e.g. `@aws-sdk/client-ecs`. */
    readonly packageName: AwsClientPackage;
    /** Member names of a structure, in model order; undefined when the client has no such structure. */
    members(shape: string): readonly string[] | undefined;
    /** The required members of a structure. */
    requiredMembers(shape: string): readonly string[];
    /** The enum a structure's member (or each element of it, for lists) must take its value from. */
    enumOf(shape: string, member: string): ApiEnum | undefined;
    /** @internal The structure schema named `shape`. */
    structure(shape: string): StructureSchema | undefined;
}

const models = new Map<AwsClientPackage, ApiModel>();

/** The request model of `packageName` (loaded once per process). */
export function loadApiModel(packageName: AwsClientPackage): ApiModel {
    let model = models.get(packageName);
    if (!model) {
        model = readModel(packageName);
        models.set(packageName, model);
    }
    return model;
}

function readModel(packageName: AwsClientPackage): ApiModel {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the client package is chosen at run time
    const exported = require(packageName) as Record<string, unknown>;
    const structure = (shape: string): StructureSchema | undefined => {
        const schema = exported[`${shape}$`];
        return isStructure(schema) ? schema : undefined;
    };
    const enums = readEnumMembers(packageName, exported);
    return {
        packageName,
        structure,
        members: shape => structure(shape)?.[4],
        requiredMembers: shape => {
            const s = structure(shape);
            return s ? s[4].slice(0, s[6] ?? 0) : [];
        },
        enumOf: (shape, member) => enums.get(`${shape}.${member}`),
    };
}

const isStructure = (schema: unknown): schema is StructureSchema =>
    Array.isArray(schema) && (schema[0] === 3 || schema[0] === -3) && Array.isArray(schema[4]) && Array.isArray(schema[5]);

const isEnumObject = (value: unknown): value is Record<string, string> =>
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.values(value).every(v => typeof v === "string");

/**
 * `Shape.member` → enum, from the property types of the SDK's model declarations. They are generated, one
 * `export interface Shape {` per shape and one `    member?: Type | undefined;` per member, so a line scan
 * reads them (a TypeScript parse of the 0.7 MB of ECS declarations costs ~0.4 s per run).
 */
function readEnumMembers(packageName: string, exported: Record<string, unknown>): Map<string, ApiEnum> {
    const modelsDir = path.join(path.dirname(require.resolve(`${packageName}/package.json`)), "dist-types", "models");
    const found = new Map<string, ApiEnum>();
    for (const file of fs.readdirSync(modelsDir).filter(f => /^models_\d+\.d\.ts$/.test(f))) {
        let shape: string | undefined;
        let indent = "";
        for (const line of fs.readFileSync(path.join(modelsDir, file), "utf8").split("\n")) {
            // Unions are namespaces of one-member interfaces, their members indented once more.
            const start = /^export (interface|declare namespace) (\w+) \{/.exec(line);
            if (start) {
                shape = start[2];
                indent = start[1] === "interface" ? "    " : "        ";
                continue;
            }
            if (line.startsWith("}")) {
                shape = undefined;
                continue;
            }
            const property = shape && line.startsWith(indent) && /^(\w+)\??: (.+);$/.exec(line.slice(indent.length));
            if (!property) continue;
            // `X | undefined` or `X[] | undefined`, where X is an exported enum object.
            const enumName = property[2]
                .split(" | ")
                .map(t => t.replace(/\[\]$/, ""))
                .find(t => isEnumObject(exported[t]));
            if (enumName) {
                found.set(`${shape}.${property[1]}`, { name: enumName, values: Object.values(exported[enumName] as Record<string, string>) });
            }
        }
    }
    if (found.size === 0) {
        throw new Error(`No enum-typed member found in ${modelsDir}; the SDK's declaration format changed, update readEnumMembers.`);
    }
    return found;
}

/**
 * Problems of `value` as the request structure `shapeName` of `model`, one line each:
 * `Shape.a.b[0]: unknown member "x"`, `…: expected string, got number`, `…: missing required member "x"`,
 * `…: "X" is not one of [A, B]`. Empty when the API's model accepts it. Throws when the client has no
 * structure `shapeName` (a mistake in the test, not in the value).
 */
export function validateAgainst(shapeName: string, value: unknown, model: ApiModel): string[] {
    const schema = model.structure(shapeName);
    if (!schema) {
        throw new Error(`${model.packageName} has no structure ${shapeName}; use the request shape's name, e.g. RegisterTaskDefinitionRequest.`);
    }
    const problems: string[] = [];
    walk(schema, value, shapeName, undefined, model, problems);
    return problems;
}

const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "list" : typeof v);

/** Removes thunks and `[schema, memberTraits]` wrappers. */
function deref(ref: SchemaRef): SchemaRef {
    let r = ref;
    for (;;) {
        if (typeof r === "function") r = r();
        else if (Array.isArray(r) && r.length === 2) r = r[0] as SchemaRef;
        else return r;
    }
}

function walk(ref: SchemaRef, value: unknown, at: string, enumeration: ApiEnum | undefined, model: ApiModel, problems: string[]): void {
    const schema = deref(ref);
    if (typeof schema === "number") {
        if (schema >= 64 && schema < 128) return walkList(schema & 0b11_1111, value, at, enumeration, model, problems);
        if (schema >= 128) return walkMap(schema & 0b11_1111, value, at, model, problems);
        return checkSimple(schema, value, at, enumeration, problems);
    }
    if (typeof schema === "string") {
        // "unit": no value.
        if (value !== undefined) problems.push(`${at}: expected nothing, got ${kindOf(value)}`);
        return;
    }
    const s = schema as readonly unknown[];
    switch (s[0]) {
        case 0:
            return walk(s[4] as SchemaRef, value, at, enumeration, model, problems);
        case 1:
            return walkList(s[4] as SchemaRef, value, at, enumeration, model, problems);
        case 2:
            return walkMap(s[5] as SchemaRef, value, at, model, problems);
        case 3:
        case -3:
        case 4:
            return walkStructure(s as unknown as StructureSchema, value, at, model, problems);
        default:
            problems.push(`${at}: the validator does not know schema kind ${String(s[0])} of ${String(s[2])}`);
    }
}

function walkList(member: SchemaRef, value: unknown, at: string, enumeration: ApiEnum | undefined, model: ApiModel, problems: string[]): void {
    if (!Array.isArray(value)) {
        problems.push(`${at}: expected list, got ${kindOf(value)}`);
        return;
    }
    value.forEach((element, i) => walk(member, element, `${at}[${i}]`, enumeration, model, problems));
}

function walkMap(valueSchema: SchemaRef, value: unknown, at: string, model: ApiModel, problems: string[]): void {
    if (kindOf(value) !== "object") {
        problems.push(`${at}: expected map, got ${kindOf(value)}`);
        return;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        walk(valueSchema, v, `${at}[${JSON.stringify(k)}]`, undefined, model, problems);
    }
}

function walkStructure(schema: StructureSchema, value: unknown, at: string, model: ApiModel, problems: string[]): void {
    const [kind, , shape, , names, memberSchemas, requiredCount] = schema;
    const what = kind === 4 ? "union" : "structure";
    if (kindOf(value) !== "object") {
        problems.push(`${at}: expected ${what} ${shape}, got ${kindOf(value)}`);
        return;
    }
    const record = value as Record<string, unknown>;
    const present = Object.keys(record).filter(k => record[k] !== undefined);
    for (const key of present) {
        const i = names.indexOf(key);
        if (i < 0) {
            const sameButCase = names.find(n => n.toLowerCase() === key.toLowerCase());
            problems.push(`${at}: unknown member "${key}"${sameButCase ? ` (the API's member is "${sameButCase}")` : ""}`);
            continue;
        }
        walk(memberSchemas[i], record[key], `${at}.${key}`, model.enumOf(shape, key), model, problems);
    }
    for (const name of names.slice(0, requiredCount ?? 0)) {
        if (record[name] === undefined) problems.push(`${at}: missing required member "${name}"`);
    }
    if (kind === 4 && present.length !== 1) {
        problems.push(`${at}: union ${shape} takes exactly one member, got ${present.length}`);
    }
}

function checkSimple(code: number, value: unknown, at: string, enumeration: ApiEnum | undefined, problems: string[]): void {
    const [expected, ok] = simpleType(code, value);
    if (!ok) {
        problems.push(`${at}: expected ${expected}, got ${kindOf(value)}`);
    } else if (enumeration && typeof value === "string" && !enumeration.values.includes(value)) {
        problems.push(`${at}: ${JSON.stringify(value)} is not one of [${enumeration.values.join(", ")}] (${enumeration.name})`);
    }
}

function simpleType(code: number, v: unknown): [string, boolean] {
    switch (code) {
        case 0:
            return ["string", typeof v === "string"];
        case 1:
            return ["number", typeof v === "number" && Number.isFinite(v)];
        case 2:
            return ["boolean", typeof v === "boolean"];
        case 4:
        case 5:
        case 6:
        case 7:
            return ["timestamp", v instanceof Date || typeof v === "number" || typeof v === "string"];
        case 15:
            return ["document", v !== undefined && typeof v !== "function"];
        case 17:
        case 19:
            return ["big number", typeof v === "bigint" || typeof v === "number" || typeof v === "string"];
        case 21:
        case 42:
            return ["blob", v instanceof Uint8Array || typeof v === "string"];
        default:
            return [`schema ${code} (unknown to this validator)`, false];
    }
}
