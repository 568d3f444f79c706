package org.tongban.person;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.MASKED;
import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.PERSONAL;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tongban.exchange.spi.ResourceDescriptor.Field;

/**
 * The fields every shared resource about a person carries, the same way everywhere: the ID number masked (for
 * subscribers granted MASKED), the registry id and the name (PERSONAL: masked or dropped below that).
 */
public final class SharedPerson {

  private SharedPerson() {}

  /** {@code own} followed by the person's fields; {@code roleZh}/{@code roleEn} say who the person is (申请人 …) or "". */
  public static List<Field> withPerson(List<Field> own, String roleZh, String roleEn) {
    var all = new ArrayList<>(own);
    boolean role = !roleZh.isEmpty();
    all.add(new Field("idNumberMasked", STRING, MASKED, roleZh + "公民身份号码（脱敏）",
        role ? roleEn + "'s ID number, masked" : "ID number, masked"));
    all.add(new Field("person", STRING, PERSONAL, role ? roleZh + "（人口库标识）" : "人口库标识",
        role ? roleEn + " (registry id)" : "Registry id"));
    all.add(new Field("name", STRING, PERSONAL, roleZh + "姓名", role ? roleEn + "'s name" : "Name"));
    return List.copyOf(all);
  }

  /** Puts the person's fields of {@link #withPerson} into {@code fields}. */
  public static void put(Map<String, Object> fields, Resident r) {
    fields.put("idNumberMasked", r.idNumberMasked());
    fields.put("person", r.id().value().toString());
    fields.put("name", r.name());
  }
}
