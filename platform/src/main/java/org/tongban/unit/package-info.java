/**
 * 法人单位 (units): companies, individual businesses, cooperatives, institutions and social organisations, identified
 * by their 统一社会信用代码. A window clerk registers a unit from its licence, naming its legal representative (a person
 * in the registry); the legal representative authorises agents (经办人) with scopes and an end date; a signed-in
 * person acts for a unit they are authorised for (the unit switcher), and what they do is recorded in its name.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "person"})
package org.tongban.unit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
