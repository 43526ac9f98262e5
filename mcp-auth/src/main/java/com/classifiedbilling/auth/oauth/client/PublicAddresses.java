package com.classifiedbilling.auth.oauth.client;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses this server may fetch a client's metadata document from: public unicast ones
 * only. Refused: loopback, private (RFC 1918, IPv6 unique local), link-local (cloud metadata
 * services live there), carrier-grade NAT, multicast, broadcast, unspecified, reserved and
 * documentation ranges; and an IPv6 address that embeds an IPv4 one (mapped, compatible, NAT64,
 * 6to4) is judged by the IPv4 address inside.
 */
final class PublicAddresses {

    private PublicAddresses() {}

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            InetAddress embedded = embeddedIpv4(v6.getAddress());
            return embedded != null ? isPublic(embedded) : isPublicIpv6(v6);
        }
        return address instanceof Inet4Address && isPublicIpv4(address.getAddress());
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 // "this network"
                || a0 == 10 // private
                || a0 == 127 // loopback
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
                || (a0 == 169 && a1 == 254) // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31) // private
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2) // documentation
                || (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay
                || (a0 == 192 && a1 == 168) // private
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113) // documentation
                || a0 >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublicIpv6(Inet6Address address) {
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || (first & 0xfe) == 0xfc // unique local fc00::/7
                || (first == 0xfe && (second & 0xc0) == 0x80) // link-local fe80::/10
                || (first == 0xfe && (second & 0xc0) == 0xc0) // site-local fec0::/10 (deprecated)
                || first == 0xff // multicast
                || (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) // documentation
                || (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) // Teredo 2001::/32
                || (first & 0xe0) != 0x20); // outside global unicast 2000::/3
    }

    /** The IPv4 address an IPv6 one carries (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:AABB:CCDD::), or null. */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        // ::a.b.c.d, and :: and ::1 with it (0.0.0.0 and 0.0.0.1 are refused like the IPv6 forms)
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 11);
        if (mapped || compatible || nat64) {
            return ipv4(b[12], b[13], b[14], b[15]);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return ipv4(b[2], b[3], b[4], b[5]);
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
