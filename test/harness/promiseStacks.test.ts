/**
 * The harness's reliance on the SDK's `runtime/debuggable` internals (harness/promiseStacks.ts), held
 * against the installed SDK: an upgrade that renames the function, stores the stack elsewhere or stops
 * calling it through the module's exports fails here.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import { debuggableModule, skipPromiseStacks } from "../../harness/promiseStacks";
import { runInline } from "../support/stacks";

const SDK_ROOT = path.dirname(require.resolve("@pulumi/pulumi/package.json"));

type Tracked = Promise<unknown> & { _debugStackTrace?: string; _debugCtx?: unknown };

describe("harness: promise stacks skipped in the SDK's debuggablePromise", () => {
    const debuggable = debuggableModule(SDK_ROOT);
    before(() => skipPromiseStacks(SDK_ROOT));

    it("GIVEN the installed SDK THEN runtime/debuggable exports the function and the flag the wrapper reads", () => {
        assert.equal(typeof debuggable.debuggablePromise, "function");
        assert.equal(typeof debuggable.debugPromiseLeaks, "boolean");
    });

    it("GIVEN a tracked promise THEN the SDK stored a stack without frames, and its context as given", async () => {
        const p: Tracked = Promise.resolve(1);
        assert.equal(await debuggable.debuggablePromise(p, "ctx"), 1);
        assert.equal(p._debugStackTrace, "Error");
        assert.equal(p._debugCtx, "ctx");
    });

    it("GIVEN PULUMI_DEBUG_PROMISE_LEAKS (the module's flag) THEN stacks are kept in full for the leak report", async () => {
        const flag = debuggable.debugPromiseLeaks;
        debuggable.debugPromiseLeaks = true;
        try {
            const p: Tracked = Promise.resolve(1);
            await debuggable.debuggablePromise(p, "ctx");
            assert.match(p._debugStackTrace ?? "", /\n\s+at /);
        } finally {
            debuggable.debugPromiseLeaks = flag;
        }
    });

    it("GIVEN a stack trace limit set by the caller THEN it is restored after each tracked promise", async () => {
        const limit = Error.stackTraceLimit;
        await debuggable.debuggablePromise(Promise.resolve(1), "ctx");
        assert.equal(Error.stackTraceLimit, limit);
    });

    it("GIVEN a program under the harness THEN the SDK reaches debuggablePromise through the module's exports", async () => {
        const wrapped = debuggable.debuggablePromise;
        let calls = 0;
        debuggable.debuggablePromise = (p, ctx) => {
            calls++;
            return wrapped(p, ctx);
        };
        try {
            await runInline(() => {
                new aws.ecr.Repository("repo", { imageTagMutability: "IMMUTABLE" });
            });
        } finally {
            debuggable.debuggablePromise = wrapped;
        }
        assert.ok(calls > 10, `the SDK called debuggablePromise ${calls} times through its exports`);
    });
});
