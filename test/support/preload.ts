/**
 * Loaded by mocha before any test file (`.mocharc.json` "require"), in a serial run and in each parallel
 * worker. runProgram reloads, for each run, the modules a program loaded that were not loaded before its
 * first run; loading the components here keeps them shared, as the tests that import them expect (one
 * class per component, compiled once), whichever test file a worker happens to run first. The main
 * process of a parallel run loads no test file and skips it.
 */
const parallelMain = process.argv.includes("--parallel") && process.env.MOCHA_WORKER_ID === undefined;
if (!parallelMain) {
    // Before anything loads the SDK: its closure serializer's TypeScript and arborist load on first use only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where tests run
    require("../../harness/lazyClosureModules").deferClosureModules(require("node:path").dirname(require.resolve("@pulumi/pulumi/package.json")));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where tests run
    require("../../components");
}
