package io.colorinbox.limit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.adaptive.*}: the range of the bound when {@code colors.concurrency=auto}. Defaults in
 * {@code config/application.yaml}.
 *
 * @param floor   the bound never goes below this, however badly the API answers
 * @param cap     nor above this; it is also the size of the call pool and of the HTTP connection pool
 * @param initial where the bound starts when the application starts
 */
@Validated
@ConfigurationProperties(prefix = "colors.adaptive")
public record AdaptiveProperties(@Min(1) @Max(Concurrency.MAX_FIXED) int floor,
                                 @Min(1) @Max(Concurrency.MAX_FIXED) int cap,
                                 @Min(1) @Max(Concurrency.MAX_FIXED) int initial) implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return AdaptiveProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        AdaptiveProperties p = (AdaptiveProperties) target;
        if (p.floor() > p.cap()) {
            errors.rejectValue("floor", "range", "colors.adaptive.floor (" + p.floor()
                    + ") is above colors.adaptive.cap (" + p.cap() + ")");
        } else if (p.initial() < p.floor() || p.initial() > p.cap()) {
            errors.rejectValue("initial", "range", "colors.adaptive.initial (" + p.initial()
                    + ") is outside colors.adaptive.floor .. colors.adaptive.cap (" + p.floor() + ".." + p.cap() + ")");
        }
    }
}
