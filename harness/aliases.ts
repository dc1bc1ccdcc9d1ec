/**
 * Alias URNs as the engine computes them from what the SDK sends: a plain URN, or a spec (name, type,
 * stack, project, parent) whose blanks are filled from the resource itself. Pure.
 */

/** One alias as it arrives in a registration. */
export type AliasWire =
    | { readonly urn: string }
    | {
          readonly spec: {
              readonly name?: string;
              readonly type?: string;
              readonly stack?: string;
              readonly project?: string;
              /** The alias names no parent: the resource used to sit at the top of the stack. */
              readonly noParent?: boolean;
              readonly parentUrn?: string;
          };
      };

/** The resource the aliases belong to. */
export interface AliasedResource {
    readonly name: string;
    readonly type: string;
    readonly stack: string;
    readonly project: string;
    readonly parentUrn?: string;
}

const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * Qualified type of a child of `parentUrn`: the parent's qualified type, `$`, the child's type. The root
 * stack adds nothing (its children's URNs carry their own type alone).
 */
function qualifiedType(type: string, parentUrn: string | undefined): string {
    if (!parentUrn) return type;
    const parentQualified = parentUrn.split("::")[2] ?? "";
    const parentType = parentQualified.split("$").pop();
    return parentType === STACK_TYPE ? type : `${parentQualified}$${type}`;
}

/** The URN each alias stands for. */
export function aliasUrns(resource: AliasedResource, aliases: readonly AliasWire[]): string[] {
    return aliases.map(alias => {
        if ("urn" in alias) return alias.urn;
        const { spec } = alias;
        const stack = spec.stack || resource.stack;
        const project = spec.project || resource.project;
        const parent = spec.noParent ? undefined : (spec.parentUrn || resource.parentUrn);
        return `urn:pulumi:${stack}::${project}::${qualifiedType(spec.type || resource.type, parent)}::${spec.name || resource.name}`;
    });
}
