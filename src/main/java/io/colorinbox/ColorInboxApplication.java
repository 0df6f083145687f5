package io.colorinbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;

// no database unless cluster mode asks for one (io.colorinbox.cluster.ClusterConfiguration)
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
// camel-platform-http 4.22 needs server.* and spring.mvc.* bound even without a web server
// (spring.main.web-application-type=none: the inbox alone); with one, these are the same beans that Spring Boot's
// web server and MVC configurations register
@EnableConfigurationProperties({ServerProperties.class, WebMvcProperties.class})
public class ColorInboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(ColorInboxApplication.class, args);
    }
}
