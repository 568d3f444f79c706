/**
 * Other facilities the plans name: 儿童之家, 儿童福利院 and 未成年人救助保护中心, 残疾人康复和托养设施, and the
 * veterans' 光荣院, 优抚医院 and 烈士陵园.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"facility::spi"})
package org.tongban.welfare;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
