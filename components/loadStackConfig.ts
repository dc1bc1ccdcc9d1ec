import * as pulumi from "@pulumi/pulumi";
import * as runtimeConfig from "@pulumi/pulumi/runtime/config";
import { parseStackConfig, ServiceSettings, StackSettings } from "./stackConfig";

/** Plain secret values as secret Outputs. */
type WithSecretOutputs<C extends { readonly secretValues: Record<string, string> }> = Omit<C, "secretValues"> & {
    readonly secretValues: Record<string, pulumi.Output<string>>;
};

/** A service's settings with its secret config values as secret Outputs. */
export type LoadedServiceSettings = Omit<ServiceSettings, "container"> & { readonly container: WithSecretOutputs<ServiceSettings["container"]> };

/** Stack settings with secret config values as secret Outputs. */
export type LoadedStackSettings = Omit<StackSettings, "container" | "services"> & {
    readonly container: WithSecretOutputs<StackSettings["container"]>;
    readonly services: readonly LoadedServiceSettings[];
};

const asSecrets = (values: Record<string, string>): Record<string, pulumi.Output<string>> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, pulumi.secret(value)]));

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
    return {
        ...settings,
        container: { ...settings.container, secretValues: asSecrets(settings.container.secretValues) },
        services: settings.services.map(s => ({ ...s, container: { ...s.container, secretValues: asSecrets(s.container.secretValues) } })),
    };
}

/**
 * Whether the engine marked a key secret. The SDK answers this at run time without typing it publicly; if a
 * future SDK drops it, every key counts as secret, which only skips the "secret set in plain text" check.
 */
function isSecretKey(key: string): boolean {
    const check = (runtimeConfig as unknown as { isConfigSecret?: (k: string) => boolean }).isConfigSecret;
    return typeof check === "function" ? check(key) : true;
}
