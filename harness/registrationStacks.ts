/**
 * The Pulumi SDK captures, for every resource it registers, the full call stack (`Resource.callsites()` in
 * `resource.js`: an Error with an unlimited stack, formatted, source-mapped when ts-node has installed
 * source-map-support, then parsed frame by frame) to send the engine a source position and stack trace for
 * its diagnostics. The mock monitor drops both, and the offline check reports no source positions, so the
 * harness has the SDK capture none: registrations are otherwise unchanged.
 *
 * This relies on an SDK internal, the static `Resource.callsites`, through which `Resource.stackTrace`
 * reads the stack; test/harness/registrationStacks.test.ts holds it, so an SDK upgrade that changes it fails
 * a test instead of silently slowing every run.
 */
import * as path from "path";

/** The part of `resource.js`'s `Resource` class the harness replaces. */
export interface ResourceClass {
    callsites(): Array<{ file?: string; line?: number; column?: number }>;
}

const SKIPPED = Symbol.for("fargate-web.harness.registrationStacksSkipped");

/** `Resource` of the SDK installed at `sdkRoot` (the folder of its package.json). */
export function resourceClass(sdkRoot: string): ResourceClass {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program's own SDK copy, found at run time
    return (require(path.join(sdkRoot, "resource")) as { Resource: ResourceClass }).Resource;
}

/** Makes the SDK at `sdkRoot` register resources without capturing their call stack (once per SDK copy). */
export function skipRegistrationStacks(sdkRoot: string): void {
    const resource = resourceClass(sdkRoot) as ResourceClass & { [SKIPPED]?: true };
    if (resource[SKIPPED]) {
        return;
    }
    if (typeof resource.callsites !== "function") {
        throw new Error(`${sdkRoot}: resource.js's Resource no longer has a static callsites(); revisit harness/registrationStacks.ts`);
    }
    resource.callsites = () => [];
    resource[SKIPPED] = true;
}
