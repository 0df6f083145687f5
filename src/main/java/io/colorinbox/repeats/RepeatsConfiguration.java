package io.colorinbox.repeats;

import io.colorinbox.api.ApiRequestTemplate;
import io.colorinbox.config.ColorsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The route's {@code repeatedAnswers} step, set up from {@code colors.repeats} and {@code colors.cache.*}. */
@Configuration(proxyBeanMethods = false)
class RepeatsConfiguration {

    @Bean
    RepeatedAnswers repeatedAnswers(ColorsProperties colors, CacheProperties cache, ApiRequestTemplate api) {
        if (colors.repeats() == Repeats.CALL_EACH && cache.acrossLists()) {
            throw new IllegalStateException("colors.cache.ttl (" + cache.ttl() + ") needs colors.repeats=call-once:"
                    + " with call-each every row is called and nothing is reused; set colors.cache.ttl=0 or"
                    + " colors.repeats=call-once");
        }
        AnswerCache across = cache.acrossLists() ? new AnswerCache(cache.ttl(), cache.maxSize().toBytes()) : null;
        long perList = cache.repeatsMaxSize().toBytes() / colors.files().parallel();
        return new RepeatedAnswers(colors.repeats(), perList, across, api.method().name());
    }

    @Bean
    ReuseCounts reuseCounts() {
        return new ReuseCounts();
    }
}
