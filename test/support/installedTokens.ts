/**
 * Whether a type token exists in the provider packages installed here: read from each package's own
 * JavaScript (`static __pulumiType = '…'` of a resource class, `invoke("…")` of a data source).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { declarationFile } from "../../harness/declaredOutputs";

const ROOT = path.resolve(__dirname, "..", "..");

/** The JavaScript file of the class or function a token names in its installed package, or undefined. */
function installedFile(token: string): string | undefined {
    const where = declarationFile(token);
    if (!where) return undefined;
    const file = path.join(ROOT, "node_modules", where.packageName, where.file.replace(/\.d\.ts$/, ".js"));
    return fs.existsSync(file) ? file : undefined;
}

/** Why `token` is not a resource class of its installed package, or undefined when it is. */
export function resourceTokenProblem(token: string): string | undefined {
    const file = installedFile(token);
    if (!file) return `${token}: no such module in the installed package`;
    return fs.readFileSync(file, "utf8").includes(`static __pulumiType = '${token}';`) ? undefined : `${token}: ${path.relative(ROOT, file)} registers another type`;
}

/** Why `token` is not a data source of its installed package, or undefined when it is. */
export function functionTokenProblem(token: string): string | undefined {
    const file = installedFile(token);
    if (!file) return `${token}: no such module in the installed package`;
    return fs.readFileSync(file, "utf8").includes(`invoke("${token}"`) ? undefined : `${token}: ${path.relative(ROOT, file)} invokes another function`;
}

