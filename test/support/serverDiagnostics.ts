/**
 * What the Pulumi CLI does with a running analyzer during a preview, for tests that hold an analyzer server
 * to the offline engine: configure it with the stack's policy config, analyse every resource, then the stack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PolicyPackConfig } from "@pulumi/policy";
import { policyConfigFor, resolveEnforcementLevel } from "../../harness/policyEngine";
import { RecordedResource } from "../../harness/types";
import { pack } from "../../policy/pack";
import { AnalyzerServer } from "./analyzerServer";
import { PROJECT_DIR } from "./stacks";

/** `policy/config/<stack>.json`, the file `--policy-pack-config` names. */
export const policyConfigOf = (stack: string): PolicyPackConfig => JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8"));

/**
 * The config the CLI sends with `Configure`: every policy's resolved level and its properties with the
 * `configSchema` defaults filled in.
 */
export const cliConfig = (config: PolicyPackConfig) =>
    Object.fromEntries(
        pack.policies.map(p => [p.name, { enforcementLevel: resolveEnforcementLevel(pack, p, config), properties: policyConfigFor(p as never, config) }]),
    ) as Parameters<AnalyzerServer["configure"]>[0];

/** Diagnostics as comparable text, sorted. */
export const lines = (ds: ReadonlyArray<{ policyName: string; enforcementLevel: string; message: string }>) =>
    ds.map(d => `${d.enforcementLevel} ${d.policyName}: ${d.message}`).sort();

/** Every diagnostic `server` reports for `resources` under `config`: each custom resource, then the stack. */
export async function serverDiagnostics(server: AnalyzerServer, resources: readonly RecordedResource[], config: PolicyPackConfig) {
    await server.configure(cliConfig(config));
    const real = [];
    for (const r of resources.filter(r => !r.component)) {
        real.push(...(await server.analyze(r, r.inputs)));
    }
    real.push(...(await server.analyzeStack(resources.map(r => ({ resource: r, props: { ...r.state, ...r.inputs } })))));
    return real;
}
