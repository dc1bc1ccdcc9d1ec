/**
 * What makes an ECR tag-mutability exclusion filter narrow. Pure.
 *
 * ECR matches a WILDCARD filter against the whole tag; `*` matches any run of characters and a filter may
 * hold up to two of them (terraform-provider-aws `internal/service/ecr/repository.go`: 1 to 128 characters
 * of `[a-zA-Z0-9._*-]`, at most 2 `*`). Every tag a filter matches becomes mutable, so a filter whose
 * literal text before its first `*` is empty or short ("*", "*-*", "v*", "sha*") frees almost every tag.
 * Narrow means: one exact tag, or a literal prefix of at least four characters ending in ".", "_" or "-"
 * followed by a single `*` at the very end ("sha-*", "build-*"). Anything else is refused, even when it is
 * no broader than an accepted form ("sha-*-*"), so that the rule stays one a reviewer can read.
 */

/** The characters ECR accepts in an image tag (without `*`). */
const TAG_TEXT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** A narrow prefix filter: at least four literal characters ending in a separator, then one trailing `*`. */
const PREFIX_FILTER = /^[A-Za-z0-9_][A-Za-z0-9._-]{2,125}[._-]\*$/;

/** How a narrow filter looks, for messages. */
export const NARROW_FILTER_FORM = 'use one tag, or a prefix of at least 4 characters ending in ".", "_" or "-" followed by a single "*" (e.g. "sha-*")';

/** True when `filter` is one exact tag or a narrow prefix filter. */
export function isNarrowExclusionFilter(filter: unknown): boolean {
    if (typeof filter !== "string") {
        return false;
    }
    return filter.includes("*") ? PREFIX_FILTER.test(filter) : TAG_TEXT.test(filter);
}
