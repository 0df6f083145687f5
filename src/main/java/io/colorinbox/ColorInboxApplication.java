package io.colorinbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// no database unless cluster mode asks for one (io.colorinbox.cluster.ClusterConfiguration)
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ColorInboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(ColorInboxApplication.class, args);
    }
}
