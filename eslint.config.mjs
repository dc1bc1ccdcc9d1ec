// ESLint flat config: `npm run lint` (= `eslint .`) must report zero errors AND zero warnings. `eslint .`
// exits 0 on warnings, so nothing below is set to "warn": every finding is an error or is off.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";
import programFiles from "./tools/programFiles.js";

// Node's globals, for the plain CommonJS scripts in app/, worker/ and tools/. Listed here rather than taken from
// the `globals` package, which this repository does not depend on (ESLint only pulls it in transitively).
const NODE_GLOBALS = Object.fromEntries(
    [
        "AbortController", "AbortSignal", "Buffer", "TextDecoder", "TextEncoder", "URL", "URLSearchParams",
        "__dirname", "__filename", "clearImmediate", "clearInterval", "clearTimeout", "console", "exports",
        "fetch", "global", "module", "performance", "process", "queueMicrotask", "require", "setImmediate",
        "setInterval", "setTimeout", "structuredClone",
    ].map(name => [name, "readonly"]),
);

// The Pulumi program proper: what `pulumi up` runs, with the AWS facts it imports from the policy package
// (tools/programFiles.js, which tools/lint.js reads too).
const { PROGRAM_FILES } = programFiles;

export default defineConfig(
    globalIgnores(["**/node_modules/", "**/bin/", "**/dist/", ".tmp/", "test/fixtures/corpus/"]),

    // A stale `eslint-disable` comment fails the lint instead of being a (non-failing) warning.
    { linterOptions: { reportUnusedDisableDirectives: "error" } },

    js.configs.recommended,
    tseslint.configs.recommended, // syntax-only: no type information, so it stays fast

    {
        rules: {
            // `_`-prefixed names are deliberately unused, e.g. `const { retainOnDelete: _ignored, ...opts } = r.opts`.
            "@typescript-eslint/no-unused-vars": [
                "error",
                {
                    argsIgnorePattern: "^_",
                    varsIgnorePattern: "^_",
                    caughtErrorsIgnorePattern: "^_",
                    destructuredArrayIgnorePattern: "^_",
                },
            ],
            // Off outside the program: policies, the test harness, estimates and tests read untyped engine
            // props and JSON (`Record<string, any>`) on purpose. Turned back on for PROGRAM_FILES below.
            "@typescript-eslint/no-explicit-any": "off",
            // `require("./package.json")` reads JSON; any other require() (loading a module chosen at run
            // time) needs an `eslint-disable-next-line` comment saying why.
            "@typescript-eslint/no-require-imports": ["error", { allow: ["\\.json$"] }],
            // The root module also loads awsx's classic code and an AWS SDK client: seconds per program run.
            "no-restricted-imports": [
                "error",
                { paths: [{ name: "@pulumi/awsx", message: "Import the submodule you use, e.g. @pulumi/awsx/ec2." }] },
            ],
        },
    },

    {
        files: PROGRAM_FILES,
        // Type information for @pulumi/eslint-plugin only (its rules need the type checker). It is confined
        // to the program files because building the program over @pulumi/aws costs seconds and ~700 MB.
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        plugins: { "@pulumi": pulumi },
        rules: {
            // An Output in a plain template literal stringifies to a warning text, not its value:
            // use pulumi.interpolate`...` or .apply().
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            // The plugin misses Output<number>, Output<boolean> and Input<T> in templates; with the type
            // information already loaded, this catches every non-primitive in a template literal.
            "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
            "@typescript-eslint/no-explicit-any": "error",
        },
    },

    {
        files: ["app/**/*.js", "worker/**/*.js", "tools/**/*.js"],
        languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
