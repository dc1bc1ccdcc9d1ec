/**
 * One owner per fact: the AWS facts live in `policy/facts/` (the policy package ships alone, and the
 * components, harness and estimates import from it), are pure, and are not spelled again elsewhere.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { resourceTokenProblem } from "../support/installedTokens";

const ROOT = path.resolve(__dirname, "..", "..");
const FACTS = path.join(ROOT, "policy", "facts");
const TYPE_TOKENS_FILE = path.join(FACTS, "typeTokens.ts");
/** A resource or data-source token in quotes: `"aws:ecs/service:Service"`, `'awsx:ec2:Vpc'`. */
const TOKEN = /["']((?:aws|awsx|docker):[A-Za-z0-9]+(?:\/[A-Za-z0-9]+)?:[A-Za-z0-9]+)["']/g;
/** Tokens tests spell on purpose because no package registers them. */
const NOT_A_TYPE = new Set(["aws:no/such:Type", "aws:ecs/service:Servic", "aws:elasticbeanstalk/nothing:Nothing"]);

/** Source files (.ts, .js, .mjs) under `targets`, relative to the root, node_modules and build output aside. */
function sources(targets: readonly string[], skip: readonly string[] = []): string[] {
    const files: string[] = [];
    const walk = (rel: string) => {
        const abs = path.join(ROOT, rel);
        const stat = fs.statSync(abs, { throwIfNoEntry: false });
        if (!stat || skip.some(s => rel === s || rel.startsWith(`${s}/`))) return;
        if (stat.isDirectory()) {
            for (const name of fs.readdirSync(abs).sort()) if (name !== "node_modules" && name !== "bin") walk(path.join(rel, name));
        } else if (/\.(ts|js|mjs)$/.test(rel) && !rel.endsWith(".d.ts")) {
            files.push(rel);
        }
    };
    targets.forEach(walk);
    return files;
}

const tokensInText = (text: string): string[] => [...text.matchAll(TOKEN)].map(m => m[1]);
const tokensIn = (file: string): string[] => tokensInText(fs.readFileSync(path.join(ROOT, file), "utf8"));

/** Every module specifier a file names (value and type imports, re-exports, require, import()). */
const specifiers = (file: string): string[] =>
    [...fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(/(?:\bfrom\s+|\bimport\s+|\brequire\(\s*|\bimport\(\s*)["']([^"']+)["']/g)].map(m => m[1]);

const resolvedRelative = (file: string, specifier: string): string => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));

describe("hygiene: one owner per AWS fact", () => {
    it("GIVEN the program, components, policies, harness, estimates and tools THEN no type token is spelled outside policy/facts/typeTokens.ts", () => {
        const spelled = sources(["index.ts", "components", "policy", "harness", "estimates", "tools", "bench"])
            .filter(f => path.join(ROOT, f) !== TYPE_TOKENS_FILE)
            .flatMap(f => tokensIn(f).map(t => `${f}: ${t}`));
        assert.deepEqual(spelled, [], "import the token from policy/facts/typeTokens.ts (add it to the table if it is new)");
    });

    it("GIVEN every type token the tests spell THEN the installed providers register it (no test leans on a token that is gone)", () => {
        const tokens = new Set(sources(["test"], ["test/fixtures/corpus"]).flatMap(tokensIn));
        assert.deepEqual(tokensInText(`t("aws:ecs/service:Service", 'awsx:ec2:Vpc', "docker:index/image:Image"); x = "aws:region";`), [
            "aws:ecs/service:Service",
            "awsx:ec2:Vpc",
            "docker:index/image:Image",
        ]);
        assert.ok(tokens.size > 0);
        const problems = [...tokens].filter(t => !NOT_A_TYPE.has(t) && !/:get[A-Z]\w*$/.test(t)).map(resourceTokenProblem).filter(p => p !== undefined);
        assert.deepEqual(problems, []);
    });

    it("GIVEN the facts THEN each module is pure: it imports nothing, so the components load it without the policy SDK", () => {
        const files = sources(["policy/facts"]);
        assert.ok(files.length >= 5, files.join(", "));
        for (const file of files) {
            assert.deepEqual(specifiers(file).filter(s => !/^\.\/[\w]+$/.test(s)), [], `${file} imports beyond policy/facts`);
        }
    });

    it("GIVEN the policy package THEN every import of its files stays inside policy/ (it is published alone)", () => {
        const escapes = sources(["policy"]).flatMap(file =>
            specifiers(file)
                .filter(s => s.startsWith("."))
                .map(s => ({ file, target: resolvedRelative(file, s) }))
                .filter(({ target }) => !target.startsWith(`policy${path.sep}`))
                .map(({ file, target }) => `${file} imports ${target}`),
        );
        assert.deepEqual(escapes, []);
    });

    it("GIVEN the program and its components THEN they reach into the policy package only for its facts and its prod config", () => {
        const reaches = sources(["index.ts", "components"]).flatMap(file =>
            specifiers(file)
                .filter(s => s.startsWith("."))
                .map(s => ({ file, target: resolvedRelative(file, s) }))
                .filter(({ target }) => target.startsWith(`policy${path.sep}`))
                .filter(({ target }) => !target.startsWith(path.join("policy", "facts") + path.sep) && !/^policy\/config\/[\w.]+\.json$/.test(target))
                .map(({ file, target }) => `${file} imports ${target}`),
        );
        assert.deepEqual(reaches, []);
    });
});
