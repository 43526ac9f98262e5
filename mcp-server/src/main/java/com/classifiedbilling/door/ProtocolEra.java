package com.classifiedbilling.door;

import java.util.List;
import java.util.stream.Stream;

/**
 * Which era of MCP a message on {@link Door#STREAMABLE_HTTP} speaks, as the 2026-07-28
 * specification's backward-compatibility rules tell them apart
 * (<a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">versioning</a>):
 * a request carrying the per-request {@code _meta} protocol version, naming a modern version in
 * its {@code MCP-Protocol-Version} header, or calling {@code server/discover} is modern (stateless,
 * no handshake); anything else is legacy ({@code initialize}, then the 2025 revisions' rules).
 */
public enum ProtocolEra {
    LEGACY,
    MODERN;

    /** The modern protocol versions this server speaks, newest first. */
    public static final List<String> MODERN_VERSIONS = List.of("2026-07-28");

    /** The legacy protocol versions this server speaks on {@code /mcp}, newest first. */
    public static final List<String> LEGACY_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    /** Every version this server speaks on {@code /mcp}, newest first: what it advertises. */
    public static final List<String> SUPPORTED_VERSIONS =
            Stream.concat(MODERN_VERSIONS.stream(), LEGACY_VERSIONS.stream()).toList();

    /** The {@code _meta} key of a modern request's protocol version. */
    public static final String PROTOCOL_VERSION_META = "io.modelcontextprotocol/protocolVersion";

    /** The HTTP header that carries the protocol version. */
    public static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

    static ProtocolEra of(String method, boolean metaVersion, String headerVersion) {
        return metaVersion
                        || "server/discover".equals(method)
                        || (headerVersion != null && MODERN_VERSIONS.contains(headerVersion))
                ? MODERN
                : LEGACY;
    }
}
