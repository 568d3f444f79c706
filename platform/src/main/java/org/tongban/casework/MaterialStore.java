package org.tongban.casework;

import java.io.IOException;

/**
 * Where uploaded materials and issued documents are kept. Keys are made by the platform (never taken from a
 * request). Embedded mode keeps them in a local directory; a province plugs in object storage by defining a
 * {@code @Primary} bean of this type.
 */
public interface MaterialStore {

  /** Stores {@code bytes} under a new key and returns it. */
  String put(String prefix, byte[] bytes) throws IOException;

  byte[] get(String key) throws IOException;
}
