package org.tongban.access;

/** The current {@link Caller}; implemented by the identity module, which knows the signed-in people. */
public interface Callers {

  Caller current();
}
