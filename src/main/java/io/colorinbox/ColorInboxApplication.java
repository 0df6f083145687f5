package io.colorinbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ColorInboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(ColorInboxApplication.class, args);
    }
}
