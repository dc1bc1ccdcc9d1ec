/**
 * The region a program's default AWS provider deploys to, as the provider resolves it: `aws:region` from the
 * stack's config, else the `AWS_REGION` or `AWS_DEFAULT_REGION` environment variable (pulumi-aws reads both,
 * in that order, for `aws.config.region`). Beyond those the provider reads the AWS profile's region, which an
 * offline check must not read; it then assumes a region and says so. Pure.
 */

/** Where the region came from. `assumed`: nowhere; the check judged the stack as if it were in `region`. */
export type RegionSource = "config" | "AWS_REGION" | "AWS_DEFAULT_REGION" | "assumed";

/** The region a check judges a stack in, and why. */
export interface StackRegion {
    readonly region: string;
    readonly source: RegionSource;
}

/** What the check assumes when neither config nor environment names a region: the provider's documentation examples' region. */
export const ASSUMED_REGION = "us-east-1";

/** The region of a stack whose config is `config` (full keys) run with `env`. */
export function stackRegion(config: Readonly<Record<string, string>>, env: Readonly<Record<string, string | undefined>>): StackRegion {
    const configured = config["aws:region"]?.trim();
    if (configured) return { region: configured, source: "config" };
    for (const variable of ["AWS_REGION", "AWS_DEFAULT_REGION"] as const) {
        const value = env[variable]?.trim();
        if (value) return { region: value, source: variable };
    }
    return { region: ASSUMED_REGION, source: "assumed" };
}

/** One line for the report when the region did not come from the stack's config; undefined when it did. */
export function regionNotice(r: StackRegion): string | undefined {
    switch (r.source) {
        case "config":
            return undefined;
        case "assumed":
            return (
                `REGION ASSUMED: aws:region is not set and neither AWS_REGION nor AWS_DEFAULT_REGION is; the stack was judged and priced as if in ${r.region}. ` +
                "At pulumi up the provider takes the region from your AWS profile, or fails without one: set aws:region in the stack file."
            );
        default:
            return `REGION FROM ENVIRONMENT: aws:region is not set; the stack was judged in ${r.region} from ${r.source}, as the provider would deploy it from this shell. Set aws:region in the stack file so every machine deploys to the same region.`;
    }
}
