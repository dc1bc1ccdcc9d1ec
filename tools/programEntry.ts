/**
 * Which module `--program` names and which folder it runs in, found the way `pulumi` finds them: a
 * project folder (holding `Pulumi.yaml`) runs its `main` (a file or folder from `Pulumi.yaml`), else the
 * `main` of its `package.json`, else `index.ts` or `index.js`; the program runs in the project folder
 * (or in `main` when `main` names a folder, as the CLI does). ES module programs are recognised as Node
 * recognises them.
 */
import * as fs from "fs";
import * as path from "path";
import { parseYaml } from "../harness/yamlCache";

/** A `--program` that cannot be run; the message names the file and the reason. */
export class ProgramEntryError extends Error {}

/** Where a program starts and runs. */
export interface ProgramEntry {
    /** The module to load. */
    readonly entry: string;
    /** The folder holding `Pulumi.yaml` (its stack files sit beside it). */
    readonly projectDir: string;
    /** The working directory while it runs. */
    readonly cwd: string;
    /** An ES module program (imported rather than required). */
    readonly esm: boolean;
}

const readJson = (file: string): Record<string, any> | undefined => {
    if (!fs.existsSync(file)) return undefined;
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new ProgramEntryError(`${file}: not valid JSON (${(e as Error).message})`);
    }
};

/** The module a folder runs: its package.json `main`, else `index.ts`, else `index.js`. */
function folderEntry(dir: string): string | undefined {
    const main = readJson(path.join(dir, "package.json"))?.main;
    const candidates = [typeof main === "string" ? path.resolve(dir, main) : undefined, path.join(dir, "index.ts"), path.join(dir, "index.js")];
    return candidates.find((c): c is string => c !== undefined && fs.existsSync(c) && fs.statSync(c).isFile());
}

/**
 * True for an ES module program: an `.mjs`/`.mts` entry, or `"type": "module"` in the nearest package.json
 * between the entry and its project folder (Node's rule).
 */
function isEsm(entry: string, projectDir: string): boolean {
    if (/\.m[jt]s$/.test(entry)) return true;
    for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
        const pkg = readJson(path.join(dir, "package.json"));
        if (pkg) return pkg.type === "module";
        if (dir === projectDir || dir === path.dirname(dir)) return false;
    }
}

/**
 * The project file of `projectDir`, parsed; refused when it is not YAML or names a runtime other than
 * Node.js (the check runs Node.js programs only).
 */
function readProjectFile(projectDir: string): { main?: unknown } {
    const file = path.join(projectDir, "Pulumi.yaml");
    let project: unknown;
    try {
        project = parseYaml(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new ProgramEntryError(`${file}: not valid YAML (${(e as Error).message.split("\n")[0].replace(/:$/, "")})`);
    }
    if (project === null || project === undefined) return {};
    if (typeof project !== "object" || Array.isArray(project)) {
        throw new ProgramEntryError(`${file}: expected a map of project settings (name, runtime, main …)`);
    }
    const runtime = (project as { runtime?: unknown }).runtime;
    const runtimeName = runtime !== null && typeof runtime === "object" ? (runtime as { name?: unknown }).name : runtime;
    if (runtimeName !== undefined && runtimeName !== "nodejs") {
        throw new ProgramEntryError(`${file}: runtime ${JSON.stringify(runtimeName)}; the offline check runs Node.js programs only (runtime: nodejs)`);
    }
    return project as { main?: unknown };
}

/** Resolves `--program` (a module or a project folder) like `pulumi` would. */
export function resolveProgramEntry(program: string): ProgramEntry {
    const given = path.resolve(program);
    if (!fs.existsSync(given)) {
        throw new ProgramEntryError(`${program}: program not found`);
    }
    let entry: string | undefined;
    let projectDir: string;
    let cwd: string;
    if (fs.statSync(given).isDirectory()) {
        projectDir = given;
        const projectFile = path.join(projectDir, "Pulumi.yaml");
        if (!fs.existsSync(projectFile)) {
            throw new ProgramEntryError(`${program}: a folder given as --program must hold a Pulumi.yaml`);
        }
        const main = readProjectFile(projectDir).main;
        const mainPath = typeof main === "string" ? path.resolve(projectDir, main) : projectDir;
        const mainIsDir = fs.existsSync(mainPath) && fs.statSync(mainPath).isDirectory();
        entry = mainIsDir ? folderEntry(mainPath) : fs.existsSync(mainPath) ? mainPath : undefined;
        cwd = mainIsDir ? mainPath : projectDir;
        if (!entry) {
            throw new ProgramEntryError(`${program}: no program found (looked for Pulumi.yaml main, package.json main, index.ts and index.js)`);
        }
    } else {
        entry = given;
        projectDir = path.dirname(given);
        cwd = projectDir;
        if (!fs.existsSync(path.join(projectDir, "Pulumi.yaml"))) {
            throw new ProgramEntryError(`${path.join(projectDir, "Pulumi.yaml")}: not found; the program's folder must hold its Pulumi.yaml`);
        }
        readProjectFile(projectDir);
    }
    return { entry, projectDir, cwd, esm: isEsm(entry, projectDir) };
}
