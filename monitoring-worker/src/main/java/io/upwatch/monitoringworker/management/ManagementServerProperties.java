package io.upwatch.monitoringworker.management;

import java.net.InetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the health and metrics endpoints listen, bound from {@code server.*} as for the other roles
 * ({@code SERVER_PORT}).
 *
 * @param port TCP port; 8082 (0: any free port, -1: no server)
 * @param address the address to listen on; all of the host's when unset
 */
@ConfigurationProperties(prefix = "server")
public record ManagementServerProperties(@DefaultValue("8082") int port, InetAddress address) {}
