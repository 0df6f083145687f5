package io.colorinbox.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.colorinbox.limit.Concurrency;
import io.colorinbox.repeats.Repeats;
import org.hibernate.validator.constraints.time.DurationMin;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.*}: the folders, the global bound and how files go through the pipeline. The defaults live in one
 * place, {@code config/application.yaml} (packaged as the jar's defaults, every key commented); a bad value fails the
 * start naming its key. The API's settings are {@link io.colorinbox.api.ApiProperties}, the inbox consumer's
 * {@link InboxProperties}.
 *
 * @param inbox       folder watched for list files
 * @param done        where inputs go after success; empty means {@code <inbox>/.done}
 * @param error       where unreadable inputs go, with a report beside them; empty means {@code <inbox>/.error}
 * @param outbox      folder for the results
 * @param concurrency the global bound on API calls in flight, across all files: a number, or {@code auto}
 * @param repeats     whether a list's identical requests are called once ({@code call-once}) or each ({@code call-each})
 */
@Validated
@ConfigurationProperties(prefix = "colors")
public record ColorsProperties(
        @NotBlank String inbox,
        @NotNull String done,
        @NotNull String error,
        @NotBlank String outbox,
        @NotNull Concurrency concurrency,
        @NotNull Repeats repeats,
        @Valid @NotNull Files files,
        @Valid @NotNull Poll poll,
        @Valid @NotNull Shutdown shutdown,
        @Valid @NotNull Progress progress,
        @Valid @NotNull Reorder reorder) implements Validator {

    /** @param parallel list files worked on at the same time; they share the concurrency bound */
    public record Files(@Min(1) @Max(64) int parallel) {
    }

    /**
     * @param delay how often the inbox is listed (a plain number is milliseconds)
     * @param cron  a Quartz cron expression; when set, the inbox is polled on this schedule only
     */
    public record Poll(@NotNull @DurationMin(millis = 1) @DurationUnit(ChronoUnit.MILLIS) Duration delay,
                       @NotNull String cron) {
    }

    /** @param timeout how long files in progress may take to finish on stop */
    public record Shutdown(@NotNull @DurationMin(millis = 0) Duration timeout) {
    }

    /** @param interval a progress line for each file running longer than this, this often */
    public record Progress(@NotNull @DurationMin(millis = 100) Duration interval) {
    }

    /** @param maxBytes per file, no new item while its results waiting to be written in order take more */
    public record Reorder(@NotNull DataSize maxBytes) {
    }

    /** Checks that need code; Spring Boot calls this because the record is its own {@link Validator}. */
    @Override
    public boolean supports(Class<?> type) {
        return ColorsProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ColorsProperties p = (ColorsProperties) target;
        String cron = p.poll() == null ? null : p.poll().cron();
        if (cron != null && !cron.isBlank() && !CronExpression.isValidExpression(cron)) {
            errors.reject("invalid", "colors.poll.cron is not a valid Quartz cron expression (seconds minutes hours"
                    + " day-of-month month day-of-week [year]), e.g. '0 0 2 * * ?'");
        }
        if (p.reorder() != null && p.reorder().maxBytes() != null && p.reorder().maxBytes().toBytes() < 1024) {
            errors.reject("invalid", "colors.reorder.max-bytes must be at least 1KB");
        }
    }
}
