/**
 * What a resource type computes, read from its provider SDK's own type declarations: the outputs a class
 * declares (`readonly x: pulumi.Output<T>`) that its `Args` interface does not take. Read lazily, one
 * `.d.ts` per type the program uses, from the SDK the program itself loads, so the table always matches
 * the installed provider version.
 */
import * as fs from "fs";
import * as path from "path";

/** The shape of a declared output, as far as a placeholder value needs it. */
export type DeclaredShape =
    | { readonly kind: "string" | "number" | "boolean" | "map" | "unknown" }
    | { readonly kind: "array"; readonly element: DeclaredShape }
    /** An object type of the SDK's `types/output.d.ts`, e.g. `elasticache.ClusterCacheNode`. */
    | { readonly kind: "object"; readonly typeName?: string }
    /** Another resource class (remote components return their children this way), e.g. `lb.LoadBalancer`. */
    | { readonly kind: "resource"; readonly token: string };

/** One computed output. */
export interface DeclaredOutput {
    readonly name: string;
    readonly shape: DeclaredShape;
}

/** Where a type token's declarations live: `aws:ecs/service:Service` → `@pulumi/aws/ecs/service.d.ts`. */
export function declarationFile(token: string): { packageName: string; file: string; className: string } | undefined {
    const match = /^([\w-]+):([\w/.-]+):(\w+)$/.exec(token);
    if (!match) return undefined;
    const [, pkg, middle, className] = match;
    const [module, fileName] = middle.includes("/") ? middle.split("/") : [middle, className[0].toLowerCase() + className.slice(1)];
    const dir = module === "index" ? "" : module.replace(/\./g, "/");
    return { packageName: `@pulumi/${pkg}`, file: path.join(dir, `${fileName}.d.ts`), className };
}

/** The text between `open` (a line start) and the first following line that is exactly `}`. */
function block(text: string, open: RegExp): string | undefined {
    const start = text.search(open);
    if (start < 0) return undefined;
    const end = text.indexOf("\n}", start);
    return text.slice(start, end < 0 ? undefined : end);
}

/** Package aliases of a declaration file: `import * as pulumiAws from "@pulumi/aws"` → pulumiAws → aws. */
function packageAliases(text: string, ownPackage: string): Map<string, string> {
    const aliases = new Map<string, string>();
    for (const m of text.matchAll(/^import \* as (\w+) from "@pulumi\/([\w-]+)";$/gm)) aliases.set(m[1], m[2]);
    aliases.set("", ownPackage.replace(/^@pulumi\//, ""));
    return aliases;
}

/** Classifies a TypeScript type text (the start of it, for multi-line types). */
export function shapeOf(typeText: string, aliases: ReadonlyMap<string, string>): DeclaredShape {
    const t = typeText.replace(/\s*\|\s*undefined\s*$/, "").trim();
    if (t.endsWith("[]")) return { kind: "array", element: shapeOf(t.slice(0, -2).replace(/^\((.*)\)$/, "$1"), aliases) };
    if (t === "string" || /^enums\./.test(t) || /^"/.test(t)) return { kind: "string" };
    if (t === "number") return { kind: "number" };
    if (t === "boolean") return { kind: "boolean" };
    if (t.startsWith("{")) return { kind: "map" };
    const output = /^outputs\.([\w.]+)$/.exec(t);
    if (output) return { kind: "object", typeName: output[1] };
    // A resource class of this or another Pulumi package: `pulumiAws.lb.LoadBalancer`, `lb.TargetGroup`.
    const resource = /^(?:(\w+)\.)?(\w+)\.([A-Z]\w*)$/.exec(t);
    if (resource) {
        const pkg = aliases.get(resource[1] ?? "") ?? (resource[1] === undefined ? aliases.get("") : undefined);
        if (pkg) {
            const fileName = resource[3][0].toLowerCase() + resource[3].slice(1);
            return { kind: "resource", token: pkg === "awsx" ? `awsx:${resource[2]}:${resource[3]}` : `${pkg}:${resource[2]}/${fileName}:${resource[3]}` };
        }
    }
    return { kind: "unknown" };
}

const cache = new Map<string, readonly DeclaredOutput[]>();

/** Root folder of `packageName` as the program at `fromDir` resolves it. */
function packageRoot(packageName: string, fromDir: string): string | undefined {
    try {
        return path.dirname(require.resolve(`${packageName}/package.json`, { paths: [fromDir, __dirname] }));
    } catch {
        return undefined;
    }
}

/**
 * The outputs `token`'s class declares and its `Args` do not take (what only the provider computes),
 * plus `name` when the class declares one (Pulumi auto-names it when the program does not). Empty when
 * the declarations cannot be found.
 */
export function computedOutputs(token: string, fromDir: string = process.cwd()): readonly DeclaredOutput[] {
    const where = declarationFile(token);
    if (!where) return [];
    const root = packageRoot(where.packageName, fromDir);
    const key = `${root}|${token}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let outputs: DeclaredOutput[] = [];
    const file = root && path.join(root, where.file);
    if (file && fs.existsSync(file)) {
        const text = fs.readFileSync(file, "utf8");
        const cls = block(text, new RegExp(`^export declare class ${where.className} extends`, "m"));
        const args = block(text, new RegExp(`^export interface ${where.className}Args \\{`, "m")) ?? "";
        const argNames = new Set([...args.matchAll(/^ {4}(?:readonly )?(\w+)\??:/gm)].map(m => m[1]));
        const aliases = packageAliases(text, where.packageName);
        outputs = [...(cls ?? "").matchAll(/^ {4}readonly (\w+): pulumi\.Output<(.*)$/gm)]
            .filter(m => !argNames.has(m[1]) || m[1] === "name")
            .map(m => ({ name: m[1], shape: shapeOf(m[2].replace(/>;$/, ""), aliases) }));
    }
    cache.set(key, outputs);
    return outputs;
}

const outputTypeFiles = new Map<string, string>();
const objectTypes = new Map<string, DeclaredOutput[]>();

/**
 * Required fields of an object type of `types/output.d.ts` (e.g. `elasticache.ClusterCacheNode`). The file
 * is read once per package and only the namespace asked for is parsed (the AWS one is 5.6 MB).
 */
export function objectFields(packageName: string, typeName: string, fromDir: string = process.cwd()): readonly DeclaredOutput[] {
    const root = packageRoot(packageName, fromDir);
    if (!root) return [];
    const key = `${root}|${typeName}`;
    const cached = objectTypes.get(key);
    if (cached) return cached;
    let text = outputTypeFiles.get(root);
    if (text === undefined) {
        const file = path.join(root, "types", "output.d.ts");
        text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
        outputTypeFiles.set(root, text);
    }
    const [namespace, name] = typeName.includes(".") ? typeName.split(".") : ["", typeName];
    const nsStart = namespace ? text.indexOf(`\nexport declare namespace ${namespace} {\n`) : 0;
    const ifaceOpen = namespace ? `\n    interface ${name} {\n` : `\nexport interface ${name} {\n`;
    const nsEnd = namespace && nsStart >= 0 ? text.indexOf("\nexport declare namespace ", nsStart + 1) : -1;
    const found = nsStart < 0 ? -1 : text.indexOf(ifaceOpen, nsStart);
    const at = nsEnd >= 0 && found > nsEnd ? -1 : found;
    const fields: DeclaredOutput[] = [];
    if (at >= 0) {
        const end = text.indexOf(namespace ? "\n    }" : "\n}", at + ifaceOpen.length - 1);
        const aliases = new Map([["", packageName.replace(/^@pulumi\//, "")]]);
        for (const m of text.slice(at + ifaceOpen.length - 1, end).matchAll(/^ {4,8}(\w+): (.*);$/gm)) {
            fields.push({ name: m[1], shape: shapeOf(m[2], aliases) });
        }
    }
    objectTypes.set(key, fields);
    return fields;
}
