import { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";

/**
 * A resource validation that applies to several type tokens (a resource and its aliases), reporting
 * "not applicable" for every other type as `validateResourceOfType` does for one.
 */
export function validateTypes<TProps = Record<string, any>>(
    types: readonly string[],
    validate: (props: TProps, args: ResourceValidationArgs, reportViolation: ReportViolation) => void | Promise<void>,
): ResourceValidation {
    return (args, reportViolation) => {
        if (!types.includes(args.type)) {
            args.notApplicable(`Policy only applies to resources of type ${types.map(t => `'${t}'`).join(", ")}`);
        }
        return validate(args.props as TProps, args, reportViolation);
    };
}

/** Remediation counterpart of {@link validateTypes}: returns new props, or undefined when nothing changes. */
export function remediateTypes<TProps = Record<string, any>>(
    types: readonly string[],
    remediate: (props: TProps, args: ResourceValidationArgs) => Record<string, any> | undefined,
): (args: ResourceValidationArgs) => Record<string, any> | undefined {
    return args => {
        if (!types.includes(args.type)) {
            args.notApplicable(`Policy only applies to resources of type ${types.map(t => `'${t}'`).join(", ")}`);
        }
        return remediate(args.props as TProps, args);
    };
}
