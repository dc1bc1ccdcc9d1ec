/**
 * The type tokens policies match, and how they match them. The tokens have one owner, the table in
 * `../facts/typeTokens.ts`; this module gives the policies one import for both.
 */
export * from "../facts/typeTokens";

/** True when `type` is one of `types`. */
export const isOneOf = (type: string, types: readonly string[]): boolean => types.includes(type);
