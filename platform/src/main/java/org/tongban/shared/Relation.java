package org.tongban.shared;

/** How a relative stands to a person, as the household registry records it: the person's child, parent or spouse. */
public enum Relation {
  CHILD, PARENT, SPOUSE;

  /** The same relation seen from the relative's side: my child's parent is me. */
  public Relation inverse() {
    return switch (this) {
      case CHILD -> PARENT;
      case PARENT -> CHILD;
      case SPOUSE -> SPOUSE;
    };
  }
}
