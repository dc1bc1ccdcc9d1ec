import * as assert from "node:assert/strict";
import {
    addressesOfPrefix,
    publicAddressCount,
    ALL_PORTS,
    coveredFamilies,
    coversAllPorts,
    formatRange,
    isWorldCidr,
    isWorldIpv4,
    isWorldIpv6,
    portList,
    portRange,
    portsCovered,
    rangeWithin,
    toPortNumber,
} from "../../../policy/lib/cidr";

describe("policy/lib/cidr", () => {
    it("GIVEN IPv4 ranges THEN only prefix length 0 is the world", () => {
        for (const world of ["0.0.0.0/0", " 0.0.0.0/0 ", "10.0.0.0/0"]) assert.equal(isWorldIpv4(world), true, world);
        for (const not of ["0.0.0.0/1", "10.0.0.0/16", "0.0.0.0", "::/0", "", undefined, null, 0, ["0.0.0.0/0"]]) {
            assert.equal(isWorldIpv4(not), false, String(not));
        }
    });

    it("GIVEN IPv6 ranges THEN only prefix length 0 is the world", () => {
        for (const world of ["::/0", "0::/0", "0:0:0:0:0:0:0:0/0", "::0/0"]) assert.equal(isWorldIpv6(world), true, world);
        for (const not of ["::/1", "2001:db8::/32", "0.0.0.0/0", "::", {}]) assert.equal(isWorldIpv6(not), false, String(not));
        assert.equal(isWorldCidr("::/0"), true);
        assert.equal(isWorldCidr("0.0.0.0/0"), true);
    });

    it("GIVEN ports as numbers or numeric strings THEN they parse; anything else does not", () => {
        assert.equal(toPortNumber(443), 443);
        assert.equal(toPortNumber("443"), 443);
        assert.equal(toPortNumber(" -1 "), -1);
        for (const bad of ["https", "4.5", 4.5, NaN, null, undefined, true]) assert.equal(toPortNumber(bad), undefined, String(bad));
        assert.deepEqual(portList([22, "80", "x", null]), [22, 80]);
        assert.deepEqual(portList("22"), []);
    });

    it("GIVEN rule bounds THEN missing or -1 widen to all ports and reversed bounds are ordered", () => {
        assert.deepEqual(portRange(22, 22), { from: 22, to: 22 });
        assert.deepEqual(portRange("80", "443"), { from: 80, to: 443 });
        assert.deepEqual(portRange(undefined, undefined), ALL_PORTS);
        assert.deepEqual(portRange(-1, -1), ALL_PORTS);
        assert.deepEqual(portRange(443, 80), { from: 80, to: 443 });
        assert.deepEqual(portRange(0, 99999), ALL_PORTS);
        assert.equal(coversAllPorts(portRange(0, 65535)), true);
        for (const [from, to] of [[1, 65535], [0, 65534], [1024, 65535]]) assert.equal(coversAllPorts(portRange(from, to)), true, `${from}-${to}`);
        for (const [from, to] of [[1025, 65535], [443, 443], [32768, 65535]]) assert.equal(coversAllPorts(portRange(from, to)), false, `${from}-${to}`);
    });

    it("GIVEN non-canonical spellings of the whole address space THEN each is the world", () => {
        for (const world of ["0.0.0.0 / 0", "0.0.0.000/0", "000.000.000.000/00", "255.255.255.255/0", "::ffff:0:0/96", "::ffff:0.0.0.0/96"]) {
            assert.equal(isWorldCidr(world), true, world);
        }
        for (const world of ["0000:0000::/0", "::0.0.0.0/0", "ffff::/0", " :: / 0 "]) assert.equal(isWorldIpv6(world), true, world);
        for (const not of ["::ffff:0:0/97", "0.0.0.0/33", "256.0.0.0/0", "1.2.3/0", "::/129", "::ffff:0:0/95"]) assert.equal(isWorldCidr(not), false, not);
    });

    it("GIVEN sets of CIDRs THEN the families they cover together", () => {
        assert.deepEqual(coveredFamilies(["0.0.0.0/1", "128.0.0.0/1"]), [4]);
        assert.deepEqual(coveredFamilies(["::/1", "8000::/1"]), [6]);
        assert.deepEqual(coveredFamilies(["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/1", "::ffff:0:0/96"]), [4]);
        assert.deepEqual(coveredFamilies(["0.0.0.0/1", "128.0.0.0/2", "::/1", "8000::/1", "::/0"]), [6]);
        assert.deepEqual(coveredFamilies(["0.0.0.0/1", "128.0.0.1/32"]), []);
        assert.deepEqual(coveredFamilies([]), []);
    });

    it("GIVEN sources that leave out only non-public space THEN they are the world; leaving out public space is not", () => {
        const allButThisNetwork = ["1.0.0.0/8", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/5", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"];
        assert.deepEqual(coveredFamilies(allButThisNetwork), [4]);
        assert.deepEqual(coveredFamilies(["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3"]), [4]);
        assert.deepEqual(coveredFamilies(["2000::/3"]), [6]);
        for (const world of ["2000::/3", "::/1", "0.0.0.0/0"]) assert.equal(isWorldCidr(world), true, world);
        assert.deepEqual(coveredFamilies(["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/4"]), []);
        assert.deepEqual(coveredFamilies(["2000::/4"]), []);
        assert.deepEqual(coveredFamilies(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"]), []);
        assert.equal(isWorldIpv6("2000::/3"), false, "isWorldIpv6 stays the literal whole space (routes)");
    });

    it("GIVEN a range THEN covered ports and containment are exact", () => {
        assert.deepEqual(portsCovered({ from: 20, to: 25 }, [22, 3389, 23, 22]), [22, 23]);
        assert.equal(rangeWithin({ from: 443, to: 443 }, [80, 443]), true);
        assert.equal(rangeWithin({ from: 80, to: 81 }, [80, 443]), false);
        assert.equal(rangeWithin({ from: 80, to: 81 }, [80, 81]), true);
        assert.equal(rangeWithin(ALL_PORTS, []), false);
        assert.equal(formatRange({ from: 22, to: 22 }), "22");
        assert.equal(formatRange(ALL_PORTS), "0-65535");
    });

    describe("publicAddressCount", () => {
        const PUBLIC_V4 = publicAddressCount(["0.0.0.0/0"], 4);
        it("GIVEN private, shared and documentation-free ranges THEN they count nothing; overlaps count once", () => {
            assert.equal(publicAddressCount(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.1/32"], 4), 0n);
            assert.equal(publicAddressCount(["81.2.0.0/16", "81.2.3.0/24", "81.2.0.0/17"], 4), 65536n);
            assert.equal(publicAddressCount(["81.2.3.4"], 4), 0n); // not a CIDR: ignored here, callers judge it
        });

        it("GIVEN the world in any split THEN every public address of its family", () => {
            assert.equal(publicAddressCount(["0.0.0.0/1", "128.0.0.0/1"], 4), PUBLIC_V4);
            assert.equal(publicAddressCount(["::ffff:0:0/96"], 4), PUBLIC_V4);
            assert.equal(publicAddressCount(["::/1", "8000::/1"], 6), publicAddressCount(["::/0"], 6));
            assert.equal(publicAddressCount(["0.0.0.0/0"], 6), 0n);
        });

        it("GIVEN a prefix length THEN the addresses one prefix holds", () => {
            assert.equal(addressesOfPrefix(4, 16), 65536n);
            assert.equal(addressesOfPrefix(6, 48), 1n << 80n);
            assert.equal(addressesOfPrefix(4, 40), 1n);
        });
    });
});
