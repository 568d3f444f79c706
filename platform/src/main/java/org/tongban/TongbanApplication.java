package org.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tongban (通办): one login, every service online, province-wide. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TongbanApplication {

  public static void main(String[] args) {
    SpringApplication.run(TongbanApplication.class, args);
  }
}
