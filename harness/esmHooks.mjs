// Module hooks (node:module `register`) that let the offline runner import ES module programs written in
// TypeScript, as `ts-node --esm` does for `pulumi`: `.ts` files are transpiled (types dropped, nothing
// checked), `./x.js` imports find `./x.ts` (the TypeScript `nodenext` convention), and a run's query
// (`?run=N`) is passed on to the program's own modules so each run evaluates them afresh.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const runQuery = url => /\?run=\d+$/.exec(url ?? "")?.[0] ?? "";
const ownModule = url => url.startsWith("file:") && !url.includes("/node_modules/");

// Only modules of an offline run (their URL carries `?run=N`) are touched; everything else loads as usual.
export async function resolve(specifier, context, next) {
    const query = runQuery(context.parentURL);
    let resolved;
    try {
        resolved = await next(specifier, context);
    } catch (error) {
        if (!(query && specifier.startsWith(".") && specifier.endsWith(".js"))) throw error;
        resolved = await next(`${specifier.slice(0, -3)}.ts`, context);
    }
    return query && ownModule(resolved.url) && !runQuery(resolved.url) ? { ...resolved, url: `${resolved.url}${query}` } : resolved;
}

export async function load(url, context, next) {
    const path = url.replace(/\?.*$/, "");
    if (!runQuery(url) || !/\.m?ts$/.test(path)) return next(url, context);
    const file = fileURLToPath(path);
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true, verbatimModuleSyntax: false },
    });
    return { format: "module", source: outputText, shortCircuit: true };
}
