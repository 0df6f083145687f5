package io.colorinbox.demo;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans behind {@link DemoColorController}; all of them go away with {@code colors.demo.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "colors.demo.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoApiProperties.class)
public class DemoColorApiConfiguration {

    @Bean
    CssColors cssColors() {
        return new CssColors();
    }

    @Bean
    ArtificialLatency demoColorLatency(DemoApiProperties properties) {
        return new ArtificialLatency(properties.latency());
    }

    /**
     * Tomcat answers 400 itself for {@code %2F} (and for {@code %5C}, which decodes to a backslash) in a path.
     * Pass-through keeps them encoded in the decoded URI, so the request reaches Spring MVC, which matches
     * {@code ..%2F..%2Fadmin} as one segment and decodes the variable once to {@code ../../admin}.
     * Connector-wide, but harmless for Spring MVC endpoints: they match on the raw, still encoded, segments.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class EncodedSlashes {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> demoColorEncodedSlashPassThrough() {
            return factory -> factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
        }
    }
}
