/** The invocations whose output is recorded in test/fixtures/golden/, and the file each is recorded in. */
export const GOLDEN_CASES: readonly { readonly file: string; readonly argv: readonly string[] }[] = [
    { file: "check-dev.txt", argv: ["--stack", "dev"] },
    { file: "check-dev.json", argv: ["--stack", "dev", "--json"] },
    { file: "check-prod.txt", argv: ["--stack", "prod"] },
    { file: "check-prod.json", argv: ["--stack", "prod", "--json"] },
];
