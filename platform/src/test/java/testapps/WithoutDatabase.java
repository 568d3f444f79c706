package testapps;

import java.util.List;

/**
 * The platform's classpath brings a database, Flyway, Flowable and the event registry; the small apps the
 * tests start beside Tongban (a department's system, an upstream identity platform) have no database.
 */
public final class WithoutDatabase {

  private WithoutDatabase() {}

  private static final List<String> AUTO_CONFIGURATIONS = List.of(
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
      "org.flowable.spring.boot.ProcessEngineAutoConfiguration",
      "org.flowable.spring.boot.EndpointAutoConfiguration",
      "org.flowable.spring.boot.RestApiAutoConfiguration",
      "org.flowable.spring.boot.FlowableJpaAutoConfiguration",
      "org.flowable.spring.boot.FlowableSecurityAutoConfiguration",
      "org.flowable.spring.boot.ldap.FlowableLdapAutoConfiguration",
      "org.flowable.spring.boot.actuate.info.FlowableInfoAutoConfiguration",
      "org.flowable.spring.boot.ProcessEngineServicesAutoConfiguration",
      "org.flowable.spring.boot.app.AppEngineAutoConfiguration",
      "org.flowable.spring.boot.app.AppEngineServicesAutoConfiguration",
      "org.flowable.spring.boot.idm.IdmEngineAutoConfiguration",
      "org.flowable.spring.boot.idm.IdmEngineServicesAutoConfiguration",
      "org.flowable.spring.boot.eventregistry.EventRegistryAutoConfiguration",
      "org.flowable.spring.boot.eventregistry.EventRegistryServicesAutoConfiguration",
      "org.flowable.spring.boot.cmmn.CmmnEngineAutoConfiguration",
      "org.flowable.spring.boot.cmmn.CmmnEngineServicesAutoConfiguration",
      "org.flowable.spring.boot.dmn.DmnEngineAutoConfiguration",
      "org.flowable.spring.boot.dmn.DmnEngineServicesAutoConfiguration",
      "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
      "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
      "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
      "org.springframework.modulith.moments.autoconfigure.MomentsAutoConfiguration",
      "org.springframework.modulith.core.config.ApplicationModuleInitializerRuntimeVerification");

  /** The command-line argument that switches them off, plus {@code more}. */
  public static String argument(String... more) {
    var all = new java.util.ArrayList<>(AUTO_CONFIGURATIONS);
    all.addAll(List.of(more));
    return "--spring.autoconfigure.exclude=" + String.join(",", all);
  }
}
