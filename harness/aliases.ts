/**
 * The URNs a resource's aliases name, as the engine computes them: an alias keeps a renamed, re-typed or
 * re-parented resource the same resource, so "does this URN still exist" must accept an alias of it. Pure.
 */

/** One alias as the SDK sends it (`pulumirpc.Alias`): a URN, or a spec whose empty fields mean "as now". */
export interface AliasMessage {
    getUrn(): string;
    hasSpec(): boolean;
    getSpec():
        | { getName(): string; getType(): string; getStack(): string; getProject(): string; getParenturn(): string; getNoparent(): boolean }
        | undefined;
}

/** `a$b$c` from `urn:pulumi:<stack>::<project>::a$b$c::<name>`. */
const qualifiedType = (urn: string): string => urn.split("::")[2] ?? "";

/** The URN of a resource: its type qualified by its parent's, unless the parent is the stack. */
export function urnOf(stack: string, project: string, type: string, name: string, parentUrn?: string): string {
    const parentType = parentUrn ? qualifiedType(parentUrn) : "";
    const prefix = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$` : "";
    return `urn:pulumi:${stack}::${project}::${prefix}${type}::${name}`;
}

/** The URNs `aliases` name for the resource registered as `urn` with `type`, `name` and `parentUrn`. */
export function aliasUrns(aliases: readonly AliasMessage[], urn: string, type: string, name: string, parentUrn?: string): string[] {
    const [stack, project] = urn.replace(/^urn:pulumi:/, "").split("::");
    return aliases.map(alias => {
        const spec = alias.hasSpec() ? alias.getSpec() : undefined;
        if (!spec) {
            return alias.getUrn();
        }
        const parent = spec.getNoparent() ? undefined : spec.getParenturn() || parentUrn;
        return urnOf(spec.getStack() || stack, spec.getProject() || project, spec.getType() || type, spec.getName() || name, parent);
    });
}
