/**
 * Config keys outside the project's declared keys: typos in the project's own namespace, keys the AWS
 * provider does not have, and namespaces that are near-misses of the project's name (`fargate_web:cpu`
 * is not read by anyone, so the program silently runs on a default). Pure, apart from reading the AWS
 * provider's config declarations once.
 */
import * as fs from "fs";
import * as path from "path";
import { closestName, editDistance } from "./naming";

/**
 * The config keys of the installed AWS provider (`aws:region`, `aws:defaultTags`, ...), from the
 * declarations `@pulumi/aws` generates from its schema (`config/vars.d.ts`). Read, not imported: importing
 * it would load the whole SDK. Undefined when the file cannot be found, and then no aws: key is judged.
 */
export function awsProviderConfigKeys(): readonly string[] | undefined {
    if (awsKeys === null) {
        try {
            const file = path.join(path.dirname(require.resolve("@pulumi/aws/package.json")), "config", "vars.d.ts");
            awsKeys = [...fs.readFileSync(file, "utf8").matchAll(/^export declare const (\w+)\b/gm)].map(m => m[1]);
        } catch {
            awsKeys = undefined;
        }
    }
    return awsKeys;
}
let awsKeys: readonly string[] | undefined | null = null;

/** Whether a namespace looks like a misspelling of the project's name (case, separators, or a typo). */
export function isNearMissNamespace(namespace: string, project: string): boolean {
    if (namespace === project) {
        return false;
    }
    const squash = (s: string) => s.toLowerCase().replace(/[-_.\s]/g, "");
    return squash(namespace) === squash(project) || editDistance(namespace.toLowerCase(), project.toLowerCase()) <= Math.max(1, Math.floor(project.length / 5));
}

/**
 * Problems with keys no one reads: unknown keys of the project, of the AWS provider, and keys in a
 * namespace that is a near-miss of the project's name. Each names the key and suggests the likely one.
 */
export function unreadKeys(project: string, keys: readonly string[], declared: readonly string[], awsDeclared = awsProviderConfigKeys()): string[] {
    const problems: string[] = [];
    for (const key of keys) {
        const colon = key.indexOf(":");
        const [namespace, name] = [key.slice(0, colon), key.slice(colon + 1)];
        if (namespace === project) {
            const parent = /^([^.[]+)[.[]/.exec(name)?.[1];
            if (!declared.includes(name) && parent !== undefined && declared.includes(parent)) {
                // `pulumi config set services.api.cpu 512` without --path makes a key with dots in its name.
                problems.push(
                    `${key} is not a configuration key: without --path the CLI stores "${name}" as a key's name, not as a value inside ${project}:${parent}; run "pulumi config rm '${name}'", then "pulumi config set --path '${name}' <value>"`,
                );
            } else if (!declared.includes(name)) {
                const suggestion = closestName(name, declared);
                const hint = suggestion ? `did you mean ${project}:${suggestion}?` : `see the keys declared in Pulumi.yaml`;
                problems.push(`${key} is not a configuration key of this project; ${hint}`);
            }
        } else if (namespace === "aws") {
            if (awsDeclared !== undefined && !awsDeclared.includes(name)) {
                const suggestion = closestName(name, awsDeclared);
                const hint = suggestion ? `did you mean aws:${suggestion}?` : "see the configuration keys of the AWS provider (@pulumi/aws config)";
                problems.push(`${key} is not a configuration key of the AWS provider; ${hint}`);
            }
        } else if (namespace.toLowerCase().replace(/[-_.\s]/g, "") === "aws") {
            problems.push(`${key} is in namespace "${namespace}", which nothing reads; the AWS provider reads "aws": did you mean aws:${name}?`);
        } else if (isNearMissNamespace(namespace, project)) {
            const suggestion = declared.includes(name) ? name : closestName(name, declared);
            const hint = suggestion ? `did you mean ${project}:${suggestion}?` : `write keys of this project as ${project}:<key>`;
            problems.push(`${key} is in namespace "${namespace}", which nothing reads; this project's namespace is "${project}": ${hint}`);
        }
    }
    return problems;
}
