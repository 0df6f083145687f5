package io.colorinbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one header of the tests that run the whole application in this JVM, with a web server on a random
 * loopback port. {@link io.colorinbox.support.AppTestDefaults} wires in, below the test's own properties
 * ({@code @TestPropertySource}, {@code @DynamicPropertySource}): the test class's static {@code InboxFolders}
 * field as {@code colors.inbox} / {@code colors.outbox} (temp folders when it has none), its static {@code API}
 * field's {@code urlTemplate()} as {@code colors.api.url} (the shared stub of {@link LoopbackApiTest}), and
 * what every such test wants: no stability wait, a 20 ms poll and no demo API.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ColorInboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface AppTest {
}
