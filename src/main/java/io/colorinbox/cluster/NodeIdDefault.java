package io.colorinbox.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives {@code colors.cluster.node-id} its default, host name and process id ({@code build-7-12345}), when
 * it is not set. Done before the logging system starts, so that the log pattern can name the node
 * ({@code logging.pattern.level} in config/application.yaml) from the first line on.
 */
public class NodeIdDefault implements EnvironmentPostProcessor, Ordered {

    static final String KEY = "colors.cluster.node-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(KEY);
        if (configured == null || configured.isBlank()) {
            // first: an empty value in application.yaml means "not set", not "empty"
            environment.getPropertySources().addFirst(new MapPropertySource("colorsNodeIdDefault", Map.of(KEY, compute())));
        }
    }

    /** After the configuration files are loaded, so their value (if any) is seen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static String compute() {
        String host = hostName().replaceAll("[^A-Za-z0-9._:@-]", "-");
        if (host.length() > 80) {
            host = host.substring(0, 80);
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    /** Without a name lookup where possible: resolving the local host name can take seconds on a badly set-up machine. */
    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the other sources
        }
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
