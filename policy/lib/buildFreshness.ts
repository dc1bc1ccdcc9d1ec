/**
 * Whether the compiled pack (`policy/bin/`) is older than the TypeScript it is built from. In a checkout of
 * this repository the Pulumi CLI runs `bin/index.js` (`package.json` `main`), so a policy edited but not
 * rebuilt would silently be judged by its old code; the entry refuses to start instead. An installed copy of
 * the package ships no TypeScript, so there is nothing to compare and the check passes.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Folders of the package that hold no pack source. */
const SKIPPED = new Set(["node_modules", "bin"]);

function* typeScriptFiles(dir: string): Generator<string> {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
            if (!SKIPPED.has(entry.name) && !entry.name.startsWith(".")) yield* typeScriptFiles(path.join(dir, entry.name));
        } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
            yield path.join(dir, entry.name);
        }
    }
}

/**
 * The first TypeScript source of the package changed after `compiledEntry` was built, relative to the package
 * folder, or undefined when the build is current or there are no sources beside it (an installed package).
 *
 * @param compiledEntry the compiled entry, `<package>/bin/index.js`
 */
export function staleSource(compiledEntry: string): string | undefined {
    const packageDir = path.dirname(path.dirname(compiledEntry));
    if (!fs.existsSync(path.join(packageDir, "index.ts"))) return undefined;
    const builtAt = fs.statSync(compiledEntry).mtimeMs;
    for (const file of typeScriptFiles(packageDir)) {
        if (fs.statSync(file).mtimeMs > builtAt) return path.relative(packageDir, file);
    }
    return undefined;
}
