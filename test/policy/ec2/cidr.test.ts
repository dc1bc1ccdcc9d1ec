import * as assert from "node:assert/strict";
import {
    ALL_PORTS,
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
        assert.equal(coversAllPorts(portRange(1, 65535)), false);
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
});
