import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord } from "../lib/coerce";
import { containerName, parseContainerDefinitions } from "../lib/containerDefinitions";
import { resourcesOfType, taskDefinitionLabel } from "../lib/ecsStack";
import { PolicyStatement, allows, globMatches, parsePolicyDocument, statementCoversAction, statementWhere } from "../lib/iamDocuments";
import { RolePolicySource, findRole, roleLabel, rolePolicies } from "../lib/iamRoles";
import { classifySecretReference } from "../lib/secretDetection";
import { TASK_DEFINITION } from "../lib/types";

const GET_SECRET = "secretsmanager:GetSecretValue";
const GET_PARAMETERS = "ssm:GetParameters";

/** One secret a task definition makes its execution role read. */
interface SecretUse {
    readonly td: PolicyResource;
    readonly container: string;
    readonly variable: string;
    readonly kind: "secretsmanager" | "ssm";
    readonly arn: string;
}

/** Everything the stack's task definitions make one execution role read. */
interface RoleUse {
    readonly uses: SecretUse[];
    /** False when a task definition's secrets could not all be read (unparseable, or not by ARN). */
    complete: boolean;
}

/**
 * Secrets Manager grants may name a secret without its random 6-character suffix ("…:secret:db-??????" or
 * "…:secret:db-*"); a reference without the suffix is matched against such patterns too.
 */
function patternCoversSecret(pattern: string, secretArn: string): boolean {
    return globMatches(pattern, secretArn) || (!/-[A-Za-z0-9]{6}$/.test(secretArn) && globMatches(pattern, `${secretArn}-AbCdEf`));
}

const coversSecret = (s: PolicyStatement, secretArn: string): boolean =>
    s.resources !== undefined
        ? s.resources.some(p => patternCoversSecret(p, secretArn))
        : s.notResources !== undefined && !s.notResources.some(p => patternCoversSecret(p, secretArn));

/** The secrets one container definition reads: `secrets`, log driver `secretOptions`, registry credentials. */
function secretReferences(container: Record<string, any>): { variable: string; valueFrom: unknown }[] {
    const refs: { variable: string; valueFrom: unknown }[] = [];
    const collect = (entries: unknown) =>
        asArray(entries).forEach((e, i) => {
            if (isRecord(e)) {
                refs.push({ variable: typeof e.name === "string" && e.name !== "" ? e.name : `#${i + 1}`, valueFrom: e.valueFrom });
            }
        });
    collect(container.secrets);
    if (isRecord(container.logConfiguration)) {
        collect(container.logConfiguration.secretOptions);
    }
    if (isRecord(container.repositoryCredentials)) {
        refs.push({ variable: "repositoryCredentials", valueFrom: container.repositoryCredentials.credentialsParameter });
    }
    return refs;
}

/**
 * What makes a grant resource broader than the secrets it should name; undefined when it is specific. The
 * only wildcard a Secrets Manager grant needs is the one for the random 6-character suffix AWS appends to
 * a secret's name (`…:secret:db-??????`); anything else (`db-*`, `db*`, `d?-??????`, a wildcard region or
 * account) also matches secrets the task does not read. SSM parameter names have no suffix, so any
 * wildcard there is too broad.
 */
function breadth(resource: string, kind: "secretsmanager" | "ssm"): string | undefined {
    if (resource === "*") {
        return `"*"`;
    }
    const marker = kind === "secretsmanager" ? ":secret:" : ":parameter";
    const at = resource.indexOf(marker);
    const head = at >= 0 ? resource.slice(0, at) : resource;
    const name = at >= 0 ? resource.slice(at + marker.length).replace(/^\//, "") : "";
    if (/[*?]/.test(head) || /^[*?]/.test(name)) {
        return `"${resource}", which matches ${kind === "secretsmanager" ? "every secret" : "every parameter"}`;
    }
    const stem = kind === "secretsmanager" ? name.replace(/-\?{6}$/, "") : name;
    if (/[*?]/.test(stem)) {
        const allowed = kind === "secretsmanager" ? ` (only "-??????", for the suffix Secrets Manager appends, is needed)` : "";
        return `"${resource}", whose wildcard matches more than the ${kind === "secretsmanager" ? "secrets" : "parameters"} it names${allowed}`;
    }
    return undefined;
}

/** True when the grant resource belongs to the service of `kind` (other ARNs in a mixed statement are ignored). */
const isResourceOf = (resource: string, kind: "secretsmanager" | "ssm"): boolean =>
    resource === "*" || (kind === "secretsmanager" ? /^arn:[^:]*:secretsmanager:/.test(resource) : /^arn:[^:]*:ssm:[^:]*:[^:]*:parameter/.test(resource));

/**
 * Not covered by the catalog's tools: every secret a task definition reads (`secrets[].valueFrom`, log
 * driver `secretOptions`, `repositoryCredentials`) is granted to its execution role — Secrets Manager ARNs
 * with secretsmanager:GetSecretValue on the secret's ARN (a JSON-key suffix `…:key::` is stripped), SSM
 * parameter ARNs with ssm:GetParameters — and nothing more: grants of those actions on "*", on wildcards
 * matching more than one secret's name and its 6-character suffix, or on secrets/parameters no task
 * definition using the role reads are reported.
 *
 * The execution role is found among the stack's roles by ARN or name (`findRole`); its documents are the RolePolicy resources
 * naming it, its inlinePolicies and customer-managed Policy resources attached to it. A role not in the
 * stack, or with no policies in the stack, is skipped silently. Missing grants are not reported when a
 * customer-managed policy attached to the role is not in the stack or a document does not parse; excess
 * grants are not reported when a task definition using the role could not be fully read.
 */
export const iamExecutionRoleSecretGrants: StackValidationPolicy = {
    name: "iam-execution-role-secret-grants",
    description: "Execution roles must be granted exactly the secrets their task definitions read.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        const byRole = new Map<PolicyResource, RoleUse>();
        for (const td of resourcesOfType(args.resources, TASK_DEFINITION)) {
            const role = findRole(args.resources, td.props.executionRoleArn);
            if (!role) {
                continue;
            }
            const use = byRole.get(role) ?? { uses: [], complete: true };
            byRole.set(role, use);
            const parsed = parseContainerDefinitions(td.props.containerDefinitions);
            if (!parsed.ok) {
                use.complete = false;
                continue;
            }
            parsed.containers.forEach((container, i) => {
                for (const { variable, valueFrom } of secretReferences(container)) {
                    const ref = classifySecretReference(valueFrom);
                    const base = { td, container: containerName(container) ?? `#${i + 1}`, variable };
                    if (ref.kind === "secretsmanager") {
                        use.uses.push({ ...base, kind: "secretsmanager", arn: ref.secretArn });
                    } else if (ref.kind === "ssm") {
                        use.uses.push({ ...base, kind: "ssm", arn: ref.parameterArn });
                    } else {
                        use.complete = false; // reported by ecs-task-definition-secrets-from-arns
                    }
                }
            });
        }

        for (const [role, use] of byRole) {
            const { sources, hasUnseenPolicies } = rolePolicies(args.resources, role);
            if (sources.length === 0) {
                continue;
            }
            const documents: { source: RolePolicySource; statements: PolicyStatement[] }[] = [];
            let allParsed = true;
            for (const source of sources) {
                const parsed = parsePolicyDocument(source.document);
                if (parsed.ok) {
                    documents.push({ source, statements: parsed.statements });
                } else {
                    allParsed = false;
                }
            }
            const statements = documents.flatMap(d => d.statements);
            const roleName = roleLabel(role);

            if (allParsed && !hasUnseenPolicies) {
                for (const u of use.uses) {
                    const granted =
                        u.kind === "secretsmanager" ? allows(statements, GET_SECRET, u.arn, coversSecret) : allows(statements, GET_PARAMETERS, u.arn);
                    if (!granted) {
                        const what = u.kind === "secretsmanager" ? `${GET_SECRET} on that secret` : `${GET_PARAMETERS} on that parameter`;
                        report(
                            `Task definition "${taskDefinitionLabel(u.td)}" gives container "${u.container}" secret "${u.variable}" from ${u.arn}, ` +
                                `but its execution role "${roleName}" is not granted ${what}; add the ARN to the role's policy.`,
                            u.td.urn,
                        );
                    }
                }
            }

            if (!use.complete) {
                continue;
            }
            for (const { source, statements: docStatements } of documents) {
                for (const s of docStatements) {
                    if (s.effect !== "Allow") {
                        continue;
                    }
                    for (const [action, kind] of [[GET_SECRET, "secretsmanager"], [GET_PARAMETERS, "ssm"]] as const) {
                        if (!statementCoversAction(s, action)) {
                            continue;
                        }
                        const where = `${statementWhere(source.label, s)} grants execution role "${roleName}" ${action}`;
                        const read = [...new Set(use.uses.filter(u => u.kind === kind).map(u => u.arn))];
                        const instead =
                            read.length > 0
                                ? `grant it only on the ${kind === "secretsmanager" ? "secrets" : "parameters"} its task definitions read (${read.join(", ")})`
                                : `its task definitions read no ${kind === "secretsmanager" ? "Secrets Manager secrets" : "SSM parameters"}, so remove the grant`;
                        if (s.resources === undefined) {
                            report(`${where} on every resource not in "NotResource"; ${instead}.`, source.urn);
                            continue;
                        }
                        for (const resource of s.resources.filter(r => isResourceOf(r, kind))) {
                            const broad = breadth(resource, kind);
                            if (broad) {
                                report(`${where} on ${broad}; ${instead}.`, source.urn);
                            } else if (
                                !read.some(arn => (kind === "secretsmanager" ? patternCoversSecret(resource, arn) : globMatches(resource, arn)))
                            ) {
                                report(
                                    `${where} on ${resource}, which no task definition using the role reads; remove it from the policy.`,
                                    source.urn,
                                );
                            }
                        }
                    }
                }
            }
        }
    },
};
