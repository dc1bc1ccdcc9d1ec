/**
 * What a TypeScript program loads when Pulumi runs it: the packages its import graph reaches, and the
 * packages Pulumi's Node.js host and ts-node need to compile it. Pure over the files it reads.
 *
 * Pulumi's host (`@pulumi/pulumi/cmd/run/run.js`, `tsutils.typeScriptRequireStrings`) loads `typescript`
 * and `ts-node` from the project's node_modules and falls back to its vendored TypeScript 3.8 and ts-node
 * 7 when they are missing, as after `npm ci --omit=dev` with both in devDependencies. ts-node then reads
 * the `"ts-node"` section of `tsconfig.json`: `swc: true` loads `@swc/core`, `compiler` and `require`
 * load what they name, and type-checking (no `transpileOnly`) loads the `types` packages.
 */
import { builtinModules } from "module";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/** Packages a program loads, each with the first file that imports it. */
export type PackageImports = Map<string, string>;

const BUILTINS = new Set(builtinModules);
const EXTENSIONS = [".ts", ".tsx", ".js", ".json", "/index.ts", "/index.js"];

/** The package a bare specifier belongs to: `@scope/name` or `name`. */
export function packageOf(specifier: string): string {
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Module specifiers a source file loads at run time: value imports, re-exports, `require` and `import()`. */
export function runtimeSpecifiers(fileName: string, text: string): string[] {
    const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
        if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
            const clause = node.importClause;
            // `import type` is erased; so is an import whose every named binding is `type`.
            const typeOnly =
                clause?.isTypeOnly === true ||
                (clause !== undefined &&
                    clause.name === undefined &&
                    clause.namedBindings !== undefined &&
                    ts.isNamedImports(clause.namedBindings) &&
                    clause.namedBindings.elements.length > 0 &&
                    clause.namedBindings.elements.every(e => e.isTypeOnly));
            if (!typeOnly) {
                found.push(node.moduleSpecifier.text);
            }
        } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
            found.push(node.moduleSpecifier.text);
        } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
            found.push(node.moduleReference.expression.text);
        } else if (
            ts.isCallExpression(node) &&
            (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
            node.arguments.length === 1 &&
            ts.isStringLiteralLike(node.arguments[0])
        ) {
            found.push(node.arguments[0].text);
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
    const base = path.resolve(path.dirname(from), specifier);
    if (fs.existsSync(base) && fs.statSync(base).isFile()) {
        return base;
    }
    return EXTENSIONS.map(ext => base + ext).find(candidate => fs.existsSync(candidate));
}

/**
 * Every package the program rooted at `entry` loads, following its relative imports. Node's built-in
 * modules are left out; a relative import that resolves to no file is an error.
 */
export function programPackages(entry: string): PackageImports {
    return walk(entry).packages;
}

/** Every source file the program rooted at `entry` loads through relative imports, `entry` included. */
export function programFiles(entry: string): string[] {
    return [...walk(entry).files];
}

function walk(entry: string): { packages: PackageImports; files: Set<string> } {
    const packages: PackageImports = new Map();
    const seen = new Set<string>();
    const queue = [path.resolve(entry)];
    while (queue.length > 0) {
        const file = queue.shift()!;
        if (seen.has(file) || file.endsWith(".json")) {
            continue;
        }
        seen.add(file);
        for (const specifier of runtimeSpecifiers(file, fs.readFileSync(file, "utf8"))) {
            if (specifier.startsWith(".")) {
                const resolved = resolveLocal(file, specifier);
                if (!resolved) {
                    throw new Error(`${file} imports ${specifier}, which resolves to no file`);
                }
                queue.push(resolved);
            } else if (!specifier.startsWith("node:") && !BUILTINS.has(packageOf(specifier))) {
                const name = packageOf(specifier);
                if (!packages.has(name)) {
                    packages.set(name, file);
                }
            }
        }
    }
    return { packages, files: seen };
}

/** The `"ts-node"` options of a tsconfig that decide what ts-node loads. */
export interface TsNodeOptions {
    readonly transpileOnly?: boolean;
    readonly swc?: boolean;
    readonly compiler?: string;
    readonly require?: readonly string[];
}

/**
 * Packages Pulumi's host and ts-node load to compile the program, from the tsconfig's `"ts-node"` section
 * and `compilerOptions.types`.
 */
export function compilerPackages(tsNode: TsNodeOptions, types: readonly string[] = []): string[] {
    const needed = new Set(["typescript", "ts-node"]);
    if (tsNode.swc === true) {
        needed.add("@swc/core");
    }
    if (tsNode.compiler) {
        needed.add(packageOf(tsNode.compiler));
    }
    for (const required of tsNode.require ?? []) {
        if (!required.startsWith(".")) {
            needed.add(packageOf(required));
        }
    }
    if (tsNode.transpileOnly !== true && tsNode.swc !== true) {
        for (const type of types) {
            needed.add(type.startsWith("@") ? type : `@types/${type}`);
        }
    }
    return [...needed].sort();
}
