package org.tongban.catalogue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.ItemSpec;
import org.tongban.catalogue.LifeEvent;
import org.tongban.catalogue.ServiceCatalogue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes the seed catalogue ({@code catalogue/seed-catalogue.json}) at every start. Publishing is
 * idempotent: an unchanged item keeps its version, a changed one gets the next version.
 */
@Component
@Order(30)
class SeedCatalogue implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SeedCatalogue.class);
  private final ServiceCatalogue catalogue;
  private final JsonMapper json;

  SeedCatalogue(ServiceCatalogue catalogue, JsonMapper json) {
    this.catalogue = catalogue;
    this.json = json;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    JsonNode seed;
    try (InputStream in = new ClassPathResource("catalogue/seed-catalogue.json").getInputStream()) {
      seed = json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var fields = seed.path("fields");
    for (JsonNode item : seed.path("items")) catalogue.publishAsPlatform(spec((ObjectNode) item.deepCopy(), fields));
    int sort = 0;
    for (JsonNode event : seed.path("lifeEvents")) {
      catalogue.defineLifeEvent(json.treeToValue(event, LifeEvent.class), sort += 10);
    }
    log.info("Seed catalogue: {} items, {} life events", seed.path("items").size(), seed.path("lifeEvents").size());
  }

  /** Turns the seed's list of field names into the item's JSON Schema form; every listed field is required. */
  ItemSpec spec(ObjectNode item, JsonNode library) {
    ObjectNode form = json.createObjectNode();
    form.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    form.put("type", "object");
    form.put("additionalProperties", false);
    ObjectNode properties = form.putObject("properties");
    ArrayNode required = form.putArray("required");
    // PostgreSQL's jsonb does not keep key order: the order of the fields on the page is kept here.
    ArrayNode order = form.putArray("x-order");
    for (JsonNode name : item.path("fields")) {
      var field = library.path(name.asString());
      if (field.isMissingNode()) throw new IllegalStateException("Seed field not defined: " + name.asString());
      properties.set(name.asString(), field);
      required.add(name.asString());
      order.add(name.asString());
    }
    item.remove("fields");
    item.set("form", form);
    return json.treeToValue(item, ItemSpec.class);
  }
}
