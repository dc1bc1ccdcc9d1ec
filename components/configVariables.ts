/**
 * The container's variables: plain environment, secrets by ARN and secret values, their names, and the
 * names they must not share. Read through a `Reader`, flat or per service. Pure.
 */
import { isSecretsManagerArn, isSsmParameterArn } from "./arn";
import { reservedNames } from "./appEnvironment";
import { ConfigKey } from "./configKeys";
import { ENV_NAME, Reader } from "./configReader";
import { checkSecrecy } from "./configSecrets";
import { RawStackConfig, SecretReference } from "./stackSettings";

/** Variable names that say they hold a secret: such a value belongs in `secrets` or `secretValues`. */
const SECRET_LIKE_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL/i;

/** Plain variables, secrets by ARN and secret values, and the names they must not share. */
export function readVariables(r: Reader, raw: RawStackConfig) {
    const environment = stringMap(r, "containerEnvironment");
    const secrets = secretReferences(r);
    const secretValues = secretValueMap(r);
    checkSecrecy(r, raw);
    for (const name of Object.keys(secrets)) {
        if (name in environment) {
            r.reportName("secrets", name, `${r.full("containerEnvironment")} also sets ${name}; a variable is either plain or secret`);
        }
        if (name in secretValues) {
            r.reportName("secrets", name, `${r.full("secretValues")} also sets ${name}; give each secret one source`);
        }
    }
    for (const key of ["containerEnvironment", "secrets", "secretValues"] as const) {
        const names = Object.keys(key === "containerEnvironment" ? environment : key === "secrets" ? secrets : secretValues);
        for (const name of reservedNames(names)) {
            r.reportName(key, name, `the task sets ${name} from ${r.full(name === "PORT" ? "containerPort" : "stopTimeoutSeconds")}; remove it here`);
        }
    }
    for (const name of Object.keys(secretValues)) {
        if (name in environment) {
            r.reportName("secretValues", name, `${r.full("containerEnvironment")} also sets ${name}; a variable is either plain or secret`);
        }
    }
    return { environment, secrets, secretValues };
}

/** An object of NAME: text, each name judged by `namePattern`. */
export function stringMap(r: Reader, key: ConfigKey, namePattern = ENV_NAME, nameRule = "names of letters, digits and _ that do not start with a digit"): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, value] of Object.entries(r.record(key))) {
        if (!namePattern.test(name)) {
            r.reportName(key, name, `expected ${nameRule}`);
        } else if (key === "containerEnvironment" && SECRET_LIKE_NAME.test(name)) {
            r.reportName(key, name, `the name says it holds a secret; put it in ${r.full("secrets")} (by ARN) or ${r.full("secretValues")} (with --secret)`);
        } else if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
            r.report(key, { [name]: value }, `the value of ${name} must be a string`);
        } else {
            result[name] = String(value);
        }
    }
    return result;
}

function secretReferences(r: Reader): Record<string, SecretReference> {
    const result: Record<string, SecretReference> = {};
    const allowed = "expected a Secrets Manager or SSM parameter ARN, or {arn, jsonKey} for one key of a JSON secret";
    for (const [name, value] of Object.entries(r.record("secrets"))) {
        if (!ENV_NAME.test(name)) {
            r.reportName("secrets", name, "expected names of letters, digits and _ that do not start with a digit");
            continue;
        }
        // A value pasted here by mistake may be the secret itself: name it, never show it.
        const bad = (allowedText: string) => r.reportName("secrets", name, allowedText);
        const spec = typeof value === "string" ? { arn: value } : (value as { arn?: unknown; jsonKey?: unknown } | null);
        const arn = spec?.arn;
        const jsonKey = spec?.jsonKey;
        if (typeof arn !== "string" || !(isSecretsManagerArn(arn) || isSsmParameterArn(arn))) {
            bad(allowed);
        } else if (jsonKey !== undefined && (typeof jsonKey !== "string" || !/^[A-Za-z0-9_.-]+$/.test(jsonKey) || !isSecretsManagerArn(arn))) {
            bad("jsonKey must be a key name and needs a Secrets Manager ARN");
        } else {
            result[name] = { arn, valueFrom: jsonKey ? `${arn}:${jsonKey}::` : arn };
        }
    }
    return result;
}

function secretValueMap(r: Reader): Record<string, string> {
    const raw = r.record("secretValues");
    const names = Object.keys(raw);
    if (names.length > 0 && !r.isSecret("secretValues")) {
        r.reportAbout(
            ["secretValues"],
            `${r.full("secretValues")} is set in plain text; set each value with "pulumi config set --secret --path '${r.cliPath("secretValues")}.NAME' VALUE"`,
        );
        return {};
    }
    const result: Record<string, string> = {};
    for (const name of names) {
        const value = raw[name];
        if (!ENV_NAME.test(name)) {
            r.reportName("secretValues", name, "expected names of letters, digits and _ that do not start with a digit");
        } else if (typeof value !== "string" || value === "") {
            // Never echo a secret value, not even a malformed one.
            r.reportName("secretValues", name, `the value of ${name} must be a non-empty string`);
        } else {
            result[name] = value;
        }
    }
    return result;
}
