/**
 * Names: child logical names, readable physical names, and "did you mean" suggestions. Pure.
 */

/** Logical name of a component's child: `${parent}-${role}`. Renaming one replaces the resource. */
export const childName = (parent: string, role: string): string => `${parent}-${role}`;

/**
 * CloudWatch log group for a service's containers: `/ecs/<project>/<stack>/<service>`, so operators find
 * a stack's logs by name and two stacks in one account never share a group.
 */
export const serviceLogGroupName = (project: string, stack: string, service: string): string =>
    `/ecs/${project}/${stack}/${service}`;

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/** The candidate closest to `name` (ignoring case), when it is close enough to be a likely typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
    const lower = name.toLowerCase();
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        const distance = editDistance(lower, candidate.toLowerCase());
        if (!best || distance < best.distance) {
            best = { candidate, distance };
        }
    }
    return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.candidate : undefined;
}
