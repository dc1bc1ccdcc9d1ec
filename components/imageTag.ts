/**
 * A content-derived image tag: the same build context always gets the same tag and any change gets a new
 * one. The tag repeats when the content returns to an earlier state (a `git revert`), and the build may
 * run again for content already pushed (a mode-only change, which the Docker provider's own context hash
 * sees, or an interrupted `up`): the repository therefore exempts exactly these build tags from tag
 * immutability (`BUILD_TAG_EXCLUSION_FILTER`), and tasks run the image by digest, never by tag.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** Prefix of every build tag; ECR's exclusion filter for these tags is derived from it. */
export const BUILD_TAG_PREFIX = "sha-";
/** The repository's tag-mutability exclusion: build tags may be pushed again, every other tag stays immutable. */
export const BUILD_TAG_EXCLUSION_FILTER = `${BUILD_TAG_PREFIX}*`;

/** Always left out of the hash, whatever `.dockerignore` says. */
const ALWAYS_IGNORED = ["node_modules", ".git"];

/** Converts one `.dockerignore` pattern to a matcher of slash-separated relative paths. */
export function dockerignoreMatcher(pattern: string): (relativePath: string) => boolean {
    const clean = pattern.trim().replace(/^\/+/, "").replace(/\/+$/, "");
    const source = clean
        .split("/")
        .map(segment =>
            segment === "**"
                ? "(?:.*)"
                : segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]"),
        )
        .join("/")
        .replace(/\(\?:\.\*\)\//g, "(?:.*/)?");
    const regex = new RegExp(`^${source}(?:/.*)?$`);
    return relativePath => regex.test(relativePath);
}

/** The patterns of `<dir>/.dockerignore` (comments, blanks and negations dropped). */
export function readDockerignore(dir: string): string[] {
    const file = path.join(dir, ".dockerignore");
    if (!fs.existsSync(file)) {
        return [];
    }
    return fs
        .readFileSync(file, "utf8")
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== "" && !line.startsWith("#") && !line.startsWith("!"));
}

/** Files of the build context, relative and sorted, as `docker build` would send them. */
export function contextFiles(dir: string): string[] {
    const ignored = [...ALWAYS_IGNORED, ...readDockerignore(dir)].map(dockerignoreMatcher);
    const found: string[] = [];
    const walk = (relative: string) => {
        for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
            const rel = relative ? `${relative}/${entry.name}` : entry.name;
            if (ignored.some(match => match(rel))) {
                continue;
            }
            if (entry.isDirectory()) {
                walk(rel);
            } else if (entry.isFile()) {
                found.push(rel);
            }
        }
    };
    walk("");
    return found.sort();
}

/**
 * `sha-<12 hex>` over the context's file names and contents, plus the Dockerfile and target platform
 * (which change the image without changing the context).
 */
export function contentTag(dir: string, platform: string, dockerfile = "Dockerfile"): string {
    if (!fs.existsSync(path.join(dir, dockerfile))) {
        throw new Error(`No ${dockerfile} in ${path.resolve(dir)}; set appPath to the folder holding the service's Dockerfile.`);
    }
    const hash = createHash("sha256").update(`platform=${platform}\0dockerfile=${dockerfile}\0`);
    for (const file of new Set([...contextFiles(dir), dockerfile])) {
        hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file))).update("\0");
    }
    return `${BUILD_TAG_PREFIX}${hash.digest("hex").slice(0, 12)}`;
}
