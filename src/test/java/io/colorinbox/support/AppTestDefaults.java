package io.colorinbox.support;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.colorinbox.AppTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** What {@link AppTest} promises: the test's folders and API, and the settings every such test shares. */
public final class AppTestDefaults implements ContextCustomizerFactory {

    /** The name of the property source of {@code @DynamicPropertySource} values. */
    private static final String DYNAMIC = "Dynamic Test Properties";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        if (!AnnotatedElementUtils.hasAnnotation(testClass, AppTest.class)) {
            return null;
        }
        InboxFolders folders = staticField(testClass, InboxFolders.class, null);
        if (folders == null) {
            folders = InboxFolders.createTemp("color-inbox-" + testClass.getSimpleName());
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("colors.inbox", folders.inbox().toString());
        defaults.put("colors.outbox", folders.outbox().toString());
        String url = urlTemplateOf(staticField(testClass, Object.class, "API"));
        if (url != null) {
            defaults.put("colors.api.url", url);
        }
        defaults.put("colors.inbox.stable-for", "0s");
        defaults.put("colors.poll.delay", "20ms");
        defaults.put("colors.demo.enabled", "false");
        return new Defaults(Map.copyOf(defaults));
    }

    /** The value of the first static field of that type (and name, when given), the class's own before its parents'. */
    private static <T> T staticField(Class<?> type, Class<T> fieldType, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && fieldType.isAssignableFrom(field.getType())
                        && (name == null || field.getName().equals(name))) {
                    try {
                        field.setAccessible(true);
                        return fieldType.cast(field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read " + field, e);
                    }
                }
            }
        }
        return null;
    }

    private static String urlTemplateOf(Object api) {
        if (api == null) {
            return null;
        }
        try {
            Method method = api.getClass().getMethod("urlTemplate");
            return String.valueOf(method.invoke(api));
        } catch (NoSuchMethodException e) {
            return null; // an API the test points at itself
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask " + api + " for its URL template", e);
        }
    }

    /** Below the test's own properties, above application.yaml. */
    private record Defaults(Map<String, Object> properties) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource mine = new MapPropertySource("color-inbox test defaults", properties);
            String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
            String lowest = null;
            for (String name : List.of(DYNAMIC, inlined)) {
                if (sources.contains(name) && (lowest == null || sources.precedenceOf(sources.get(name))
                        > sources.precedenceOf(sources.get(lowest)))) {
                    lowest = name;
                }
            }
            if (lowest != null) {
                sources.addAfter(lowest, mine);
            } else {
                sources.addFirst(mine);
            }
        }
    }
}
