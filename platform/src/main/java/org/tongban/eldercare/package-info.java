/**
 * Elderly care (养老): the facility types 养老机构, 社区养老服务设施, 街道区域养老服务机构 and 医养结合机构, bed and
 * home-care applications, and the visits to older people living in difficulty (居家社区探访).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"facility::spi", "shared", "region", "access", "audit", "identity", "person",
    "indicator", "indicator::spi"})
package org.tongban.eldercare;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
