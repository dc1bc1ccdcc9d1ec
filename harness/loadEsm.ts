/**
 * Imports an ES module program (`"type": "module"`, `.mts`/`.mjs`) in this process, so it shares the
 * `@pulumi/pulumi` instance the mocks are set on: module hooks (`esmHooks.mjs`) transpile its TypeScript,
 * and each run imports it under a fresh `?run=N` query, so its modules are evaluated again as `require`
 * would after the cache is cleared.
 */
import { register } from "node:module";
import * as path from "path";
import { pathToFileURL } from "url";

let hooksRegistered = false;
let runs = 0;

/**
 * The real `import()`: this project compiles to CommonJS, where TypeScript would turn `import()` into
 * `require()`, which cannot load ES modules on Node 20. (A `Function` body is not compiled, so `import()` stays.)
 */
const nativeImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<Record<string, unknown>>;

/** Imports the ES module program at `program` afresh and returns its exports. */
export async function importEsmProgram(program: string): Promise<Record<string, unknown>> {
    if (!hooksRegistered) {
        register(pathToFileURL(path.join(__dirname, "esmHooks.mjs")).href);
        hooksRegistered = true;
    }
    const namespace = await nativeImport(`${pathToFileURL(program).href}?run=${++runs}`);
    return { ...namespace };
}
