package org.tongban.casework.internal;

import java.util.ArrayList;
import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flowable keeps its own ACT_* tables and creates or updates them itself. It must do so after Flyway: on an
 * empty database Flyway refuses a non-empty schema without its history table (DESIGN.md §9, traps).
 */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

  @Bean
  static BeanFactoryPostProcessor flowableAfterFlyway() {
    return factory -> {
      for (String engine : factory.getBeanNamesForType(org.flowable.engine.ProcessEngine.class, true, false)) {
        var definition = factory.getBeanDefinition(engine);
        var dependsOn = new ArrayList<String>();
        if (definition.getDependsOn() != null) dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        for (String flyway : factory.getBeanNamesForType(org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer.class, true, false)) {
          dependsOn.add(flyway);
        }
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    };
  }
}
