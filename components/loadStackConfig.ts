import * as pulumi from "@pulumi/pulumi";
import * as runtimeConfig from "@pulumi/pulumi/runtime/config";
import { parseStackConfig, StackSettings } from "./stackConfig";

/** Stack settings with secret config values as secret Outputs. */
export type LoadedStackSettings = Omit<StackSettings, "container"> & {
    readonly container: Omit<StackSettings["container"], "secretValues"> & {
        readonly secretValues: Record<string, pulumi.Output<string>>;
    };
};

/**
 * Reads and validates the running stack's config once. Call it before creating any resource: a bad value
 * throws a `ConfigError` (printed without a stack trace) that names every wrong key.
 */
export function loadStackConfig(): LoadedStackSettings {
    const values = runtimeConfig.allConfig();
    const settings = parseStackConfig({
        project: pulumi.getProject(),
        stack: pulumi.getStack(),
        values,
        secretKeys: Object.keys(values).filter(isSecretKey),
    });
    const secretValues = Object.fromEntries(
        Object.entries(settings.container.secretValues).map(([name, value]) => [name, pulumi.secret(value)]),
    );
    return { ...settings, container: { ...settings.container, secretValues } };
}

/**
 * Whether the engine marked a key secret. The SDK answers this at run time without typing it publicly; if a
 * future SDK drops it, every key counts as secret, which only skips the "secret set in plain text" check.
 */
function isSecretKey(key: string): boolean {
    const check = (runtimeConfig as unknown as { isConfigSecret?: (k: string) => boolean }).isConfigSecret;
    return typeof check === "function" ? check(key) : true;
}
