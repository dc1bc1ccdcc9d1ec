/**
 * Shapes of the apply-time rule layer: what a rule is (data plus a pure check), what it reads and what it
 * reports.
 */
import type { RecordedResource } from "../types";

/** One value a rule refuses, found at a path of a resource's inputs. */
export interface Finding {
    /** Dotted path of the input, e.g. `ingress[0].description`; `(autoname)` for a name the provider makes. */
    readonly path: string;
    /** What was given (printed only when the path holds no secret); strings are printed quoted. */
    readonly given: unknown;
    /** `given` is a description (e.g. "51 tags"), printed as is. @default false */
    readonly described?: boolean;
    /** What AWS or the provider allows. */
    readonly allowed: string;
}

/** A resource as a rule reads it: plain inputs (secrets unwrapped, unknowns as the sentinel). */
export interface RuleResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly inputs: Record<string, any>;
    readonly recorded: RecordedResource;
}

/** What a rule may know beyond the resource itself. */
export interface RuleContext {
    /** Region the resource is created in: its own `region` input, its provider's, or `aws:region`. */
    regionOf(resource: RuleResource): string | undefined;
    /** Default tags of the resource's provider, which AWS receives merged with its own tags. */
    defaultTagsOf(resource: RuleResource): Record<string, string> | undefined;
    /** The recorded resource a property of `resource` was built from, when that property depends on one. */
    dependencyOf(resource: RuleResource, property: string, type: readonly string[]): RuleResource | undefined;
    /** Every recorded resource of one of `types`. */
    resourcesOf(types: readonly string[]): RuleResource[];
    /**
     * True when the stack config sets `pulumi:autonaming`: names then follow that pattern, not the
     * provider's `<name>-<7 hex>`, so autoname rules stand aside.
     */
    readonly customAutonaming: boolean;
}

/** One apply-time rule: a row of the table and its check. */
export interface ApplyRule {
    /** Stable id, `<service>-<resource>-<rule>`. */
    readonly id: string;
    /** Type tokens judged. */
    readonly types: readonly string[];
    /** What AWS (or the provider's plan-time validation) requires, in its own terms. */
    readonly aws: string;
    /** Where that is written: an AWS document or a provider source file. */
    readonly source: string;
    /** Stack config keys of this project whose values reach these inputs; the loader refuses them first. */
    readonly configKeys: readonly string[];
    /** The values of `resource` that AWS would refuse. Unknown values are skipped, never guessed. */
    check(resource: RuleResource, context: RuleContext): Finding[];
}

/** One refusal as reported by `npm run check`. */
export interface ApplyError {
    readonly rule: string;
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly path: string;
    /** What was given, JSON-quoted; `[secret]` when the value is secret. */
    readonly given: string;
    readonly allowed: string;
    readonly source: string;
}
