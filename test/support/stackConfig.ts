/**
 * The config loader over a real stack file with some keys changed, as the CLI would hand them to the
 * program: the one helper the loader's tests share.
 */
import { strict as assert } from "node:assert";
import { ConfigError, parseStackConfig, StackSettings } from "../../components/stackConfig";
import { readStackConfig } from "../../harness/projectConfig";
import { PROJECT_DIR } from "./stacks";

/** Changes to a stack's config: `services` as an object, full keys to text (undefined removes a key), secrecy. */
export interface ConfigChange {
    readonly services?: unknown;
    readonly values?: Record<string, string | undefined>;
    readonly secretKeys?: string[];
    readonly securePaths?: string[];
}

/** Parses `Pulumi.<stack>.yaml` over `Pulumi.yaml` with `change` applied. */
export function parseChanged(stack: string, change: ConfigChange = {}): StackSettings {
    const base = readStackConfig(PROJECT_DIR, stack);
    const values: Record<string, string> = { ...base.config };
    if (change.services !== undefined) values[`${base.project}:services`] = JSON.stringify(change.services);
    for (const [key, value] of Object.entries(change.values ?? {})) {
        if (value === undefined) delete values[key];
        else values[key] = value;
    }
    return parseStackConfig({ project: base.project, stack, values, secretKeys: [...base.secretKeys, ...(change.secretKeys ?? [])], securePaths: change.securePaths });
}

/** The problems the loader reports for `change`; fails the test when it accepts it or throws anything else. */
export function refusals(stack: string, change: ConfigChange): readonly string[] {
    try {
        parseChanged(stack, change);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        return e.problems;
    }
    assert.fail(`accepted: ${JSON.stringify(change)}`);
}
