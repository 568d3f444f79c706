package org.tongban.catalogue;

import java.util.ArrayList;

/** Small changes to catalogue items for tests that publish one and watch it arrive somewhere. */
public final class CatalogueFixtures {

  private CatalogueFixtures() {}

  /** The same item with one more synonym: a word only it is found by. */
  public static ItemSpec withSynonym(ItemSpec s, String word) {
    var synonyms = new ArrayList<>(s.synonyms());
    synonyms.add(word);
    return new ItemSpec(s.code(), s.name(), s.nameEn(), s.basicCode(), s.implementationCode(), s.type(), s.level(),
        s.department(), s.basis(), s.conditions(), s.statutoryLimit(), s.promisedLimit(), s.caseKind(), s.audience(),
        s.channels(), s.trips(), s.tripReason(), s.fee(), s.feeBasis(), s.steps(), s.place(), s.hours(),
        s.consultation(), s.complaint(), s.depth(), s.reach(), s.materials(), s.result(), s.workflow(), synonyms,
        s.offeredIn(), s.form(), s.forRelatives());
  }
}
