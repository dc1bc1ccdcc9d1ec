// Writes policy/npm-shrinkwrap.json before `npm pack` of the policy pack (its `prepack`), and removes it after
// (`postpack`). npm installs a package that carries a shrinkwrap with exactly the tree it lists, so whoever
// installs the tarball (`npm install <tarball>`, or the Pulumi CLI installing a published pack) gets the very
// versions this repository's lockfile holds and its tests ran: not whatever newer release a semver range of
// @pulumi/pulumi's dependencies allows on the day, and nothing that `npm ci` here did not already put in npm's
// cache.
//
// The tree is the pack's runtime closure in package-lock.json: its dependencies, resolved the way Node resolves
// them from the workspace's folder, and theirs, transitively.
//
// node tools/policyShrinkwrap.js            write it
// node tools/policyShrinkwrap.js --remove   remove it
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const WORKSPACE = "policy";
const TARGET = path.join(ROOT, WORKSPACE, "npm-shrinkwrap.json");

/** The lockfile entry `name` resolves to from the package at `location` (Node's lookup, nearest folder first). */
function resolve(packages, location, name) {
    for (let dir = location; ; dir = dir.includes("/node_modules/") ? dir.slice(0, dir.lastIndexOf("/node_modules/")) : "") {
        const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
        if (packages[key]) return key;
        if (!dir) return undefined;
    }
}

/** Peer dependencies npm installs with a package: all but those `peerDependenciesMeta` marks optional. */
const requiredPeers = entry =>
    Object.fromEntries(Object.entries(entry.peerDependencies ?? {}).filter(([name]) => !entry.peerDependenciesMeta?.[name]?.optional));

/**
 * The runtime closure in the lockfile's `packages` of `roots` (each a lockfile location and the dependencies
 * asked for there), resolved the way Node resolves them, transitively; entries without their `dev`, `peer`
 * flags. Keys under `prefix/` move to the root (a workspace's own nested packages, seen from its folder).
 */
function treeOf(packages, roots, prefix) {
    const tree = {};
    const pending = [...roots];
    while (pending.length > 0) {
        const [location, dependencies] = pending.pop();
        for (const name of Object.keys(dependencies)) {
            const key = resolve(packages, location, name);
            if (key === undefined) {
                // An optional dependency for another platform (e.g. a native binary) is not in the lockfile.
                if (packages[location]?.optionalDependencies?.[name] !== undefined) continue;
                throw new Error(`package-lock.json resolves no ${name} for ${location || "the root"}; run npm install`);
            }
            // From the pack's own folder `policy/node_modules/x` is `node_modules/x`; the root's copy, if the
            // closure also needed it, would then collide.
            const target = prefix && key.startsWith(`${prefix}/`) ? key.slice(prefix.length + 1) : key;
            if (tree[target]) {
                if (tree[target].source !== key) throw new Error(`${target} is both ${tree[target].source} and ${key} in the tree`);
                continue;
            }
            const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = packages[key];
            tree[target] = { source: key, entry };
            pending.push([key, { ...entry.dependencies, ...entry.optionalDependencies, ...requiredPeers(entry) }]);
        }
    }
    return Object.fromEntries(Object.keys(tree).sort().map(key => [key, tree[key].entry]));
}

/** The shrinkwrap of the pack's runtime tree, taken from `lock` (package-lock.json, version 3). */
function shrinkwrapOf(lock) {
    const packages = lock.packages;
    const workspace = packages[WORKSPACE];
    if (!workspace) throw new Error(`package-lock.json has no "${WORKSPACE}" workspace entry; run npm install`);
    const tree = treeOf(packages, [[WORKSPACE, { ...workspace.dependencies, ...workspace.optionalDependencies }]], WORKSPACE);
    const { dev: _dev, devDependencies: _devDependencies, ...root } = workspace;
    return {
        name: workspace.name,
        version: workspace.version,
        lockfileVersion: 3,
        requires: true,
        packages: { "": root, ...tree },
    };
}

if (require.main === module) {
    if (process.argv.includes("--remove")) {
        fs.rmSync(TARGET, { force: true });
    } else {
        const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
        fs.writeFileSync(TARGET, `${JSON.stringify(shrinkwrapOf(lock), null, 2)}\n`);
    }
}

module.exports = { shrinkwrapOf, treeOf };
