/**
 * Deterministic placeholder values for what a provider computes (ARNs, ids, endpoints, addresses ...), so
 * that values built from them (a container definition naming a database endpoint, say) stay known offline
 * and every check can run. Shapes come from the provider's type declarations (`declaredOutputs.ts`);
 * values are derived from the logical name, so runs repeat exactly. Pure apart from reading declarations.
 */
import { createHash } from "crypto";
import { computedOutputs, DeclaredShape, declarationFile, objectFields } from "./declaredOutputs";
import { AWSX_TYPES } from "../policy/facts/typeTokens";

/** Where the placeholders live. */
export interface PlaceholderContext {
    readonly region: string;
    readonly account: string;
    /** Folder the program's SDKs are resolved from. */
    readonly fromDir?: string;
}

export const hex = (seed: string, length: number): string => {
    let out = "";
    for (let i = 0; out.length < length; i++) {
        out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
    }
    return out.slice(0, length);
};

/** The ARN service of a provider module where the two differ (most modules are named for their service). */
const ARN_SERVICE: Record<string, string> = {
    alb: "elasticloadbalancing",
    lb: "elasticloadbalancing",
    elb: "elasticloadbalancing",
    cloudwatch: "logs",
    cognito: "cognito-idp",
    apigateway: "apigateway",
    apigatewayv2: "apigateway",
    sfn: "states",
    ebs: "ec2",
    vpc: "ec2",
    rds: "rds",
    efs: "elasticfilesystem",
    elasticache: "elasticache",
    opensearch: "es",
    msk: "kafka",
    cfg: "config",
};

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** A string value for output `prop` of resource `name`, shaped by what the name says it holds. */
function stringFor(prop: string, token: string, name: string, ctx: PlaceholderContext): string {
    const where = declarationFile(token);
    const module = token.split(":")[1]?.split("/")[0] ?? "resource";
    const seed = `${token}|${name}|${prop}`;
    const host = `${kebab(name)}-${hex(seed, 8)}.${module}.${ctx.region}.amazonaws.com`;
    const p = prop.toLowerCase();
    if (p === "arn" || p.endsWith("arn")) {
        const service = ARN_SERVICE[module] ?? module;
        const kind = kebab(p === "arn" ? (where?.className ?? "resource") : prop.slice(0, -3));
        const global = service === "iam" || service === "s3" || service === "route53" || service === "cloudfront";
        return `arn:aws:${service}:${global ? "" : ctx.region}:${service === "s3" ? "" : ctx.account}:${kind}/${kebab(name)}-${hex(seed, 8)}`;
    }
    if (p === "region") return ctx.region;
    // Image references as ECR spells them: a repository URL, and an image pinned by digest.
    const registry = `${ctx.account}.dkr.ecr.${ctx.region}.amazonaws.com`;
    if (p === "repositoryurl" || (token === AWSX_TYPES.ecrRepository && p === "url")) return `${registry}/${kebab(name)}-${hex(name, 7)}`;
    if (p === "imageuri" || p === "repodigest") return `${registry}/${kebab(name)}@sha256:${hex(seed, 64)}`;
    if (p === "name") return `${name}-${hex(name, 7)}`;
    if (p.endsWith("ownerid") || p.endsWith("accountid")) return ctx.account;
    if (p.endsWith("ip") || p.endsWith("ipaddress")) {
        const n = parseInt(hex(seed, 4), 16);
        return p.includes("private") ? `10.0.${(n >> 8) % 256}.${(n % 254) + 1}` : `203.0.113.${(n % 254) + 1}`;
    }
    if (p.endsWith("url") || p.endsWith("uri") || p.endsWith("invokeurl")) return `https://${host}/`;
    if (/(dns|dnsname|endpoint|address|hostname|domainname|fqdn|domain)$/.test(p)) return host;
    if (p.endsWith("cidrblock")) return "10.0.0.0/16";
    if (p.endsWith("id") || p.endsWith("ids")) return `${kebab(prop).replace(/-?ids?$/, "") || "id"}-${hex(seed, 17)}`;
    return `${kebab(name)}-${kebab(prop)}-${hex(seed, 8)}`;
}

/** A value of `shape` for output `prop`; objects and lists of objects get their required fields, two levels deep. */
function valueFor(shape: DeclaredShape, prop: string, token: string, name: string, ctx: PlaceholderContext, depth: number): unknown {
    switch (shape.kind) {
        case "string":
            return stringFor(prop, token, name, ctx);
        case "number":
            return 1;
        case "boolean":
            return false;
        case "map":
            return {};
        case "array":
            if (shape.element.kind === "object" && depth < 2) return [valueFor(shape.element, prop, token, `${name}-0`, ctx, depth)];
            return [];
        case "object": {
            if (!shape.typeName || depth >= 2) return {};
            const pkg = declarationFile(token)?.packageName ?? "@pulumi/aws";
            return Object.fromEntries(objectFields(pkg, shape.typeName, ctx.fromDir).map(f => [f.name, valueFor(f.shape, f.name, token, name, ctx, depth + 1)]));
        }
        case "resource":
            return depth < 2 ? placeholderState(shape.token, `${name}-${prop}`, {}, ctx, depth + 1) : {};
        case "unknown":
            return undefined;
    }
}

/**
 * Placeholder values for every output `token` computes (declared on its class, not among its Args) that
 * `inputs` does not already carry. Resource-valued outputs (the children a remote component returns) are
 * filled from the child's own declarations.
 */
export function placeholderState(token: string, name: string, inputs: Record<string, unknown>, ctx: PlaceholderContext, depth = 0): Record<string, unknown> {
    const state: Record<string, unknown> = {};
    for (const output of computedOutputs(token, ctx.fromDir)) {
        if (inputs[output.name] !== undefined) continue;
        const value = valueFor(output.shape, output.name, token, name, ctx, depth);
        if (value !== undefined) state[output.name] = value;
    }
    if (depth > 0 && state.id === undefined) state.id = stringFor("id", token, name, ctx);
    return state;
}
