package io.colorinbox.limit;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds {@code colors.concurrency} ({@code auto} or a number); a bad value fails the start naming the key and why.
 * The converters are classes, not lambdas: Camel's Spring type conversion collects every {@link Converter} bean and
 * needs to read its source and target types (a lambda has none, and the start fails without a web server).
 */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static FromText concurrencyFromText() {
        return new FromText();
    }

    @Bean
    @ConfigurationPropertiesBinding
    static FromNumber concurrencyFromNumber() {
        return new FromNumber();
    }

    static final class FromText implements Converter<String, Concurrency> {
        @Override
        public Concurrency convert(String text) {
            return Concurrency.parse(text);
        }
    }

    /** A YAML number may come as one. */
    static final class FromNumber implements Converter<Integer, Concurrency> {
        @Override
        public Concurrency convert(Integer n) {
            return Concurrency.parse(String.valueOf(n));
        }
    }
}
