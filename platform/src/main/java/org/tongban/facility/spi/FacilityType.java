package org.tongban.facility.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A kind of facility and what is recorded about it.
 *
 * @param code           {@code <module>.<name>}, never reused for something else
 * @param department     the department that supervises it (organisation department code)
 * @param attributes     the type's own attributes, in display order
 * @param capacityKey    the attribute that is the number of places (托位, 学位, 床位 …), or null
 * @param occupiedKey    the attribute that gives the places in use when a facility is registered (在园幼儿), or
 *                       null: afterwards occupancy changes only by admissions and discharges
 * @param placementItem  the catalogue item residents apply with for a place here, or null
 * @param catchment      places are given only to residents living in the facility's catchment (就近入园)
 * @param priorities     reasons that move an application up the waiting list, with their weight
 * @param bookable       residents may book its resources (courts, seats, time slots)
 * @param placementBy    where a choice attribute decides the item instead (a 民办 care home is not applied for with
 *                       the 公办 item): the attribute and, per value, the item; null when one item serves all
 */
public record FacilityType(String code, String nameZh, String nameEn, String department, List<Attribute> attributes,
                           @Nullable String capacityKey, @Nullable String occupiedKey, @Nullable String placementItem,
                           boolean catchment, List<Priority> priorities, boolean bookable,
                           @Nullable PlacementBy placementBy) {

  /** The item for places at a facility whose {@code attribute} has one of these values. */
  public record PlacementBy(String attribute, java.util.Map<String, String> items) {
    public PlacementBy {
      items = java.util.Map.copyOf(items);
    }
  }

  public FacilityType {
    if (!code.matches("[a-z]+\\.[a-z0-9-]+")) throw new IllegalArgumentException("facility type code: " + code);
    attributes = List.copyOf(attributes);
    priorities = List.copyOf(priorities);
    for (String key : new String[] {capacityKey, occupiedKey}) {
      if (key != null && attributes.stream().noneMatch(a -> a.key().equals(key) && a.kind() == Attribute.Kind.COUNT)) {
        throw new IllegalArgumentException(code + ": " + key + " must be a count attribute");
      }
    }
  }

  /** A type with attributes only (no places, no applications, no bookings). */
  public static FacilityType of(String code, String nameZh, String nameEn, String department, Attribute... attributes) {
    return new FacilityType(code, nameZh, nameEn, department, List.of(attributes), null, null, null, false, List.of(),
        false, null);
  }

  /** The item residents apply with for a place at a facility with these attributes; null when it takes none. */
  public @Nullable String placementItemFor(java.util.Map<String, ?> facilityAttributes) {
    if (placementItem == null) return null;
    if (placementBy != null) {
      Object value = facilityAttributes.get(placementBy.attribute());
      if (value != null && placementBy.items().containsKey(value.toString())) return placementBy.items().get(value.toString());
    }
    return placementItem;
  }

  /** Every item a place here may be applied with (the default and those chosen by an attribute). */
  public java.util.Set<String> placementItems() {
    var all = new java.util.LinkedHashSet<String>();
    if (placementItem != null) all.add(placementItem);
    if (placementBy != null) all.addAll(placementBy.items().values());
    return all;
  }

  /** Places at facilities whose {@code attribute} has a listed value are applied for with that value's item. */
  public FacilityType withPlacementBy(String attribute, java.util.Map<String, String> items) {
    return new FacilityType(code, nameZh, nameEn, department, attributes, capacityKey, occupiedKey, placementItem,
        catchment, priorities, bookable, new PlacementBy(attribute, items));
  }

  public FacilityType withPlaces(String capacityKey, @Nullable String occupiedKey) {
    return new FacilityType(code, nameZh, nameEn, department, attributes, capacityKey, occupiedKey, placementItem,
        catchment, priorities, bookable, placementBy);
  }

  public FacilityType withPlacement(String item, boolean catchment, Priority... priorities) {
    return new FacilityType(code, nameZh, nameEn, department, attributes, capacityKey, occupiedKey, item, catchment,
        List.of(priorities), bookable, placementBy);
  }

  public FacilityType withBookings() {
    return new FacilityType(code, nameZh, nameEn, department, attributes, capacityKey, occupiedKey, placementItem,
        catchment, priorities, true, placementBy);
  }

  /** One attribute; {@code min}/{@code max} bound numbers, {@code options} list a choice's values. */
  public record Attribute(String key, String nameZh, String nameEn, Kind kind, boolean required, @Nullable Double min,
                          @Nullable Double max, List<String> options) {

    public Attribute {
      if (!key.matches("[a-z][a-zA-Z0-9]{0,39}")) throw new IllegalArgumentException("attribute key: " + key);
      options = List.copyOf(options);
    }

    public enum Kind { COUNT, NUMBER, YES_NO, CHOICE, TEXT }

    /** A whole number ≥ 0 (places, beds, children), required. */
    public static Attribute count(String key, String zh, String en) {
      return new Attribute(key, zh, en, Kind.COUNT, true, 0d, 1_000_000d, List.of());
    }

    /** A decimal number within bounds (m², km), required. */
    public static Attribute number(String key, String zh, String en, double min, double max) {
      return new Attribute(key, zh, en, Kind.NUMBER, true, min, max, List.of());
    }

    /** 是/否, required. */
    public static Attribute yesNo(String key, String zh, String en) {
      return new Attribute(key, zh, en, Kind.YES_NO, true, null, null, List.of());
    }

    /** One of the given values (written as shown, e.g. 公办 / 民办), required. */
    public static Attribute choice(String key, String zh, String en, String... options) {
      return new Attribute(key, zh, en, Kind.CHOICE, true, null, null, List.of(options));
    }

    public Attribute optional() {
      return new Attribute(key, nameZh, nameEn, kind, false, min, max, options);
    }
  }

  /** A reason for priority on the waiting list (特困, 多孩家庭 …) and its weight. */
  public record Priority(String code, String nameZh, String nameEn, int weight) {}
}
